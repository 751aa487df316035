/**
 * ConfigurationPort over Jira Cloud REST v3, for any JiraFetcher (`api.asApp()` in Forge, the plain-HTTP fetcher
 * from the command line and against the simulator). Each call names a literal `route` and method so Forge's
 * linter can check its scope (manage:jira-configuration; manage:jira-project for screens, FORGE_NOTES §12).
 *
 * Reads, the workflow read (`POST /workflows`) and assignments (PUT, idempotent) are repeated on 5xx and lost
 * connections; creates are sent once (only a 429, which Jira answers before doing anything, is repeated), and
 * a create whose answer is lost fails with a typed error: setup then looks again by name before creating.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type {
  ConfigurationPort,
  CustomField,
  FieldContext,
  FieldOption,
  ForgeRule,
  IssueType,
  IssueTypeScheme,
  IssueTypeScreenScheme,
  IssueTypeScreenSchemeMapping,
  JiraGroup,
  JiraStatus,
  NewCustomField,
  NewFieldContext,
  NewIssueTypeScheme,
  NewStatus,
  NewWorkflow,
  NewWorkflowScheme,
  ProjectSummary,
  Screen,
  ScreenScheme,
  ScreenTab,
  ScreenTypes,
  Workflow,
  WorkflowConditionGroup,
  WorkflowRule,
  WorkflowScheme,
  WorkflowTransition,
  WorkflowValidationProblem,
} from '../../application/ports/configuration-port';
import {
  CapabilitiesSchema,
  CreatedFieldContextSchema,
  CreatedFieldOptionsSchema,
  CreatedIdSchema,
  CreatedIssueTypeSchemeSchema,
  FieldContextSchema,
  FieldOptionSchema,
  FieldSchema,
  GroupDetailsSchema,
  IssueTypeSchema,
  IssueTypeSchemeMappingSchema,
  IssueTypeSchemeProjectsSchema,
  IssueTypeSchemeSchema,
  IssueTypeScreenSchemeItemSchema,
  IssueTypeScreenSchemeProjectsSchema,
  IssueTypeScreenSchemeSchema,
  pageSchema,
  ProjectSchema,
  ScreenFieldSchema,
  ScreenSchema,
  ScreenSchemeSchema,
  ScreenTabSchema,
  StatusSchema,
  WorkflowSchemeAssociationsSchema,
  WorkflowSchemeSchema,
  WorkflowsSchema,
  WorkflowValidationSchema,
} from './jira-configuration-schemas';
import { JiraHttpError, JiraResponseShapeError, JiraUnavailableError } from './jira-errors';
import type { JiraFetcher, JiraResponse } from './jira-fetcher';
import { ensureOk, readJson } from './read-json';
import {
  defaultRetryPolicy,
  isNetworkFailure,
  sendWithRetries,
  type Repeatability,
  type RetryPolicy,
  type RetryStats,
} from './send-with-retries';

/** A bound on paging, so a misbehaving `isLast` cannot loop forever (50 pages of 50 = 2,500 items). */
const MAX_PAGES = 50;
const PAGE_SIZE = 50;

const json = (body: unknown): string => JSON.stringify(body);

interface RuleRead {
  id?: string | null | undefined;
  ruleKey: string;
  parameters?: Record<string, string> | null | undefined;
}

const toRule = (rule: RuleRead): WorkflowRule => ({
  ...(rule.id == null ? {} : { id: rule.id }),
  ruleKey: rule.ruleKey,
  parameters: rule.parameters ?? {},
});

interface ConditionGroupRead {
  operation?: string | undefined;
  conditions?: RuleRead[] | null | undefined;
  conditionGroups?: ConditionGroupRead[] | null | undefined;
}

const toConditionGroup = (group: ConditionGroupRead): WorkflowConditionGroup => ({
  operation: group.operation === 'ANY' ? 'ANY' : 'ALL',
  conditions: (group.conditions ?? []).map(toRule),
  conditionGroups: (group.conditionGroups ?? []).map(toConditionGroup),
});

const toWorkflows = (endpoint: string, body: z.infer<typeof WorkflowsSchema>): Workflow[] => {
  const statuses = body.statuses ?? [];
  return (body.workflows ?? []).map((workflow) => ({
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    statuses: workflow.statuses.map(({ statusReference }) => {
      const status = statuses.find((candidate) => candidate.statusReference === statusReference);
      if (status === undefined) {
        throw new JiraResponseShapeError(endpoint, [`statuses: no status for a reference of ${workflow.id}`]);
      }
      return { statusReference, statusId: status.id, name: status.name };
    }),
    transitions: workflow.transitions.map((transition) => ({
      id: transition.id,
      name: transition.name,
      description: transition.description,
      type: transition.type,
      toStatusReference: transition.toStatusReference,
      links: (transition.links ?? []).flatMap((link) =>
        link.fromStatusReference == null ? [] : [{ fromStatusReference: link.fromStatusReference }],
      ),
      validators: (transition.validators ?? []).map(toRule),
      actions: (transition.actions ?? []).map(toRule),
      conditions: transition.conditions == null ? null : toConditionGroup(transition.conditions),
      transitionScreen: transition.transitionScreen == null ? null : toRule(transition.transitionScreen),
    })),
  }));
};

const ruleBody = (rule: WorkflowRule): Record<string, unknown> => ({
  ...(rule.id === undefined ? {} : { id: rule.id }),
  ruleKey: rule.ruleKey,
  parameters: rule.parameters,
});

const conditionBody = (group: WorkflowConditionGroup): Record<string, unknown> => ({
  operation: group.operation,
  conditions: group.conditions.map(ruleBody),
  conditionGroups: group.conditionGroups.map(conditionBody),
});

const transitionBody = (transition: WorkflowTransition): Record<string, unknown> => ({
  id: transition.id,
  name: transition.name,
  description: transition.description,
  type: transition.type,
  toStatusReference: transition.toStatusReference,
  links: transition.links.map((link) => ({ fromStatusReference: link.fromStatusReference })),
  validators: transition.validators.map(ruleBody),
  actions: transition.actions.map(ruleBody),
  ...(transition.conditions === null ? {} : { conditions: conditionBody(transition.conditions) }),
  ...(transition.transitionScreen === null
    ? {}
    : { transitionScreen: ruleBody(transition.transitionScreen) }),
});

/** WorkflowCreateRequest for one global workflow over the given statuses. */
const workflowCreateBody = (workflow: NewWorkflow): Record<string, unknown> => ({
  scope: { type: 'GLOBAL' },
  statuses: workflow.statuses,
  workflows: [
    {
      name: workflow.name,
      description: workflow.description,
      statuses: workflow.statuses.map(({ statusReference }) => ({ statusReference, properties: {} })),
      transitions: workflow.transitions.map(transitionBody),
    },
  ],
});

const toValidationProblem = (
  error: NonNullable<z.infer<typeof WorkflowValidationSchema>['errors']>[number],
): WorkflowValidationProblem => {
  const where = error.elementReference;
  const element =
    where?.transitionId != null
      ? `transition ${where.transitionId}`
      : where?.ruleId != null
        ? `rule ${where.ruleId}`
        : where?.statusReference != null
          ? `status ${where.statusReference}`
          : where?.propertyKey != null
            ? `property ${where.propertyKey}`
            : '';
  return {
    // An error of unknown level is taken as an error: setup must not create what Jira may refuse.
    level: error.level === 'WARNING' ? 'WARNING' : 'ERROR',
    message: error.message ?? '',
    code: error.code ?? '',
    element,
  };
};

const toWorkflowScheme = (scheme: z.infer<typeof WorkflowSchemeSchema>): WorkflowScheme => ({
  id: scheme.id,
  name: scheme.name,
  description: scheme.description,
  defaultWorkflow: scheme.defaultWorkflow ?? null,
  issueTypeMappings: scheme.issueTypeMappings ?? {},
});

const toIssueTypeScheme = (scheme: z.infer<typeof IssueTypeSchemeSchema>): IssueTypeScheme => ({
  id: scheme.id,
  name: scheme.name,
  description: scheme.description,
  isDefault: scheme.isDefault ?? false,
  defaultIssueTypeId: scheme.defaultIssueTypeId ?? null,
});

const toIssueType = (type: z.infer<typeof IssueTypeSchema>): IssueType => ({
  id: type.id,
  name: type.name,
  description: type.description,
  subtask: type.subtask ?? (type.hierarchyLevel ?? 0) < 0,
});

const toOption = (option: z.infer<typeof FieldOptionSchema>): FieldOption => ({
  id: option.id,
  value: option.value,
  disabled: option.disabled ?? false,
});

/** Screen-type ids go to Jira as the integers the document declares. */
const screenTypesBody = (screens: ScreenTypes): Record<string, number> =>
  Object.fromEntries(Object.entries(screens).map(([type, id]) => [type, Number(id)]));

export class JiraConfigurationClient implements ConfigurationPort {
  constructor(
    private readonly fetcher: JiraFetcher,
    private readonly policy: RetryPolicy = defaultRetryPolicy(),
    private readonly stats?: RetryStats,
  ) {}

  /**
   * sendWithRetries, with a lost answer to a call sent once surfacing as a typed error (the network error itself
   * may carry the site's address, which is tenant data). Other failures pass through as they are.
   */
  private async send(
    endpoint: string,
    repeatability: Repeatability,
    attempt: () => Promise<JiraResponse>,
  ): Promise<JiraResponse> {
    const stats: RetryStats = { attempts: 0, retries: 0, waitedMs: 0 };
    try {
      return await sendWithRetries(endpoint, repeatability, attempt, this.policy, stats);
    } catch (error) {
      if (isNetworkFailure(error)) throw new JiraUnavailableError(endpoint, stats.attempts, null);
      throw error;
    } finally {
      if (this.stats !== undefined) {
        this.stats.attempts += stats.attempts;
        this.stats.retries += stats.retries;
        this.stats.waitedMs += stats.waitedMs;
      }
    }
  }

  private async read<T>(
    endpoint: string,
    schema: z.ZodType<T>,
    attempt: () => Promise<JiraResponse>,
  ): Promise<T> {
    return readJson(endpoint, await this.send(endpoint, 'safe', attempt), schema);
  }

  private async createOnce<T>(
    endpoint: string,
    schema: z.ZodType<T>,
    attempt: () => Promise<JiraResponse>,
  ): Promise<T> {
    return readJson(endpoint, await this.send(endpoint, 'once', attempt), schema);
  }

  /** Every page of a startAt/maxResults listing. */
  private async allPages<S extends z.ZodType>(
    endpoint: string,
    item: S,
    page: (startAt: number) => Promise<JiraResponse>,
  ): Promise<z.infer<S>[]> {
    const schema = pageSchema(item);
    const items: z.infer<S>[] = [];
    for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber += 1) {
      const startAt = items.length;
      const body = await this.read(endpoint, schema, () => page(startAt));
      const values = (body.values ?? []) as z.infer<S>[];
      items.push(...values);
      const complete =
        body.isLast === true ||
        values.length === 0 ||
        (body.total !== undefined && items.length >= body.total);
      if (complete) return items;
    }
    throw new JiraResponseShapeError(endpoint, [`more than ${MAX_PAGES} pages`]);
  }

  // ---- project --------------------------------------------------------------------------------------------------

  async getProject(projectKey: string): Promise<ProjectSummary | null> {
    const endpoint = 'GET /rest/api/3/project/{projectIdOrKey}';
    try {
      const project = await this.read(endpoint, ProjectSchema, () =>
        this.fetcher.requestJira(route`/rest/api/3/project/${projectKey}`, { method: 'GET' }),
      );
      return {
        id: project.id,
        key: project.key,
        name: project.name,
        teamManaged: project.simplified === true || project.style === 'next-gen',
        issueTypeIds: (project.issueTypes ?? []).map((type) => type.id),
      };
    } catch (error) {
      if (error instanceof JiraHttpError && error.status === 404) return null;
      throw error;
    }
  }

  // ---- fields ---------------------------------------------------------------------------------------------------

  async listCustomFields(): Promise<CustomField[]> {
    const fields = await this.allPages('GET /rest/api/3/field/search', FieldSchema, (startAt) =>
      this.fetcher.requestJira(
        route`/rest/api/3/field/search?type=custom&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        { method: 'GET' },
      ),
    );
    return fields.map((field) => ({
      id: field.id,
      name: field.name,
      description: field.description,
      type: field.schema?.custom ?? null,
    }));
  }

  async createCustomField(field: NewCustomField): Promise<CustomField> {
    const created = await this.createOnce('POST /rest/api/3/field', FieldSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/field`, {
        method: 'POST',
        body: json({
          name: field.name,
          description: field.description,
          type: field.type,
          searcherKey: field.searcherKey,
        }),
      }),
    );
    return {
      id: created.id,
      name: created.name,
      // FieldDetails carries no description: it is the one just sent.
      description: field.description,
      type: created.schema?.custom ?? field.type,
    };
  }

  async listFieldContexts(fieldId: string): Promise<FieldContext[]> {
    return this.allPages('GET /rest/api/3/field/{fieldId}/context', FieldContextSchema, (startAt) =>
      this.fetcher.requestJira(
        route`/rest/api/3/field/${fieldId}/context?startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        { method: 'GET' },
      ),
    );
  }

  async createFieldContext(fieldId: string, context: NewFieldContext): Promise<FieldContext> {
    const created = await this.createOnce(
      'POST /rest/api/3/field/{fieldId}/context',
      CreatedFieldContextSchema,
      () =>
        this.fetcher.requestJira(route`/rest/api/3/field/${fieldId}/context`, {
          method: 'POST',
          body: json(context),
        }),
    );
    return {
      id: created.id,
      name: created.name,
      isGlobalContext: (created.projectIds ?? []).length === 0,
      isAnyIssueType: (created.issueTypeIds ?? []).length === 0,
    };
  }

  async listFieldOptions(fieldId: string, contextId: string): Promise<FieldOption[]> {
    const options = await this.allPages(
      'GET /rest/api/3/field/{fieldId}/context/{contextId}/option',
      FieldOptionSchema,
      (startAt) =>
        this.fetcher.requestJira(
          route`/rest/api/3/field/${fieldId}/context/${contextId}/option?startAt=${startAt}&maxResults=${PAGE_SIZE}`,
          { method: 'GET' },
        ),
    );
    return options.map(toOption);
  }

  async createFieldOptions(
    fieldId: string,
    contextId: string,
    values: readonly string[],
  ): Promise<FieldOption[]> {
    const created = await this.createOnce(
      'POST /rest/api/3/field/{fieldId}/context/{contextId}/option',
      CreatedFieldOptionsSchema,
      () =>
        this.fetcher.requestJira(route`/rest/api/3/field/${fieldId}/context/${contextId}/option`, {
          method: 'POST',
          body: json({ options: values.map((value) => ({ value })) }),
        }),
    );
    return (created.options ?? []).map(toOption);
  }

  // ---- issue types ----------------------------------------------------------------------------------------------

  async listIssueTypes(): Promise<IssueType[]> {
    const types = await this.read('GET /rest/api/3/issuetype', z.array(IssueTypeSchema), () =>
      this.fetcher.requestJira(route`/rest/api/3/issuetype`, { method: 'GET' }),
    );
    return types.map(toIssueType);
  }

  async createIssueType(issueType: { name: string; description: string }): Promise<IssueType> {
    const created = await this.createOnce('POST /rest/api/3/issuetype', IssueTypeSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/issuetype`, {
        method: 'POST',
        // hierarchyLevel 0: a standard issue type (`type` is deprecated in the document).
        body: json({ name: issueType.name, description: issueType.description, hierarchyLevel: 0 }),
      }),
    );
    return toIssueType(created);
  }

  async listIssueTypeSchemes(): Promise<IssueTypeScheme[]> {
    const schemes = await this.allPages('GET /rest/api/3/issuetypescheme', IssueTypeSchemeSchema, (startAt) =>
      this.fetcher.requestJira(
        route`/rest/api/3/issuetypescheme?startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        {
          method: 'GET',
        },
      ),
    );
    return schemes.map(toIssueTypeScheme);
  }

  async createIssueTypeScheme(scheme: NewIssueTypeScheme): Promise<{ id: string }> {
    const created = await this.createOnce(
      'POST /rest/api/3/issuetypescheme',
      CreatedIssueTypeSchemeSchema,
      () =>
        this.fetcher.requestJira(route`/rest/api/3/issuetypescheme`, {
          method: 'POST',
          body: json({
            name: scheme.name,
            description: scheme.description,
            issueTypeIds: scheme.issueTypeIds,
            ...(scheme.defaultIssueTypeId === null ? {} : { defaultIssueTypeId: scheme.defaultIssueTypeId }),
          }),
        }),
    );
    return { id: created.issueTypeSchemeId };
  }

  async getIssueTypeSchemeOfProject(projectId: string): Promise<IssueTypeScheme | null> {
    const page = await this.read(
      'GET /rest/api/3/issuetypescheme/project',
      pageSchema(IssueTypeSchemeProjectsSchema),
      () =>
        this.fetcher.requestJira(route`/rest/api/3/issuetypescheme/project?projectId=${projectId}`, {
          method: 'GET',
        }),
    );
    const association = (page.values ?? []).find((value) => value.projectIds.includes(projectId));
    return association === undefined ? null : toIssueTypeScheme(association.issueTypeScheme);
  }

  async listIssueTypeSchemeMembers(schemeId: string): Promise<string[]> {
    const mappings = await this.allPages(
      'GET /rest/api/3/issuetypescheme/mapping',
      IssueTypeSchemeMappingSchema,
      (startAt) =>
        this.fetcher.requestJira(
          route`/rest/api/3/issuetypescheme/mapping?issueTypeSchemeId=${schemeId}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
          { method: 'GET' },
        ),
    );
    return mappings.filter((mapping) => mapping.issueTypeSchemeId === schemeId).map((m) => m.issueTypeId);
  }

  async addIssueTypesToScheme(schemeId: string, issueTypeIds: readonly string[]): Promise<void> {
    const endpoint = 'PUT /rest/api/3/issuetypescheme/{issueTypeSchemeId}/issuetype';
    // Not repeatable: Jira refuses an issue type that is already in the scheme.
    const response = await this.send(endpoint, 'once', () =>
      this.fetcher.requestJira(route`/rest/api/3/issuetypescheme/${schemeId}/issuetype`, {
        method: 'PUT',
        body: json({ issueTypeIds }),
      }),
    );
    await ensureOk(endpoint, response);
  }

  async assignIssueTypeScheme(schemeId: string, projectId: string): Promise<void> {
    const endpoint = 'PUT /rest/api/3/issuetypescheme/project';
    const response = await this.send(endpoint, 'safe', () =>
      this.fetcher.requestJira(route`/rest/api/3/issuetypescheme/project`, {
        method: 'PUT',
        body: json({ issueTypeSchemeId: schemeId, projectId }),
      }),
    );
    await ensureOk(endpoint, response);
  }

  // ---- statuses and workflows -----------------------------------------------------------------------------------

  async searchStatuses(searchString: string): Promise<JiraStatus[]> {
    return this.allPages('GET /rest/api/3/statuses/search', StatusSchema, (startAt) =>
      this.fetcher.requestJira(
        route`/rest/api/3/statuses/search?searchString=${searchString}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        { method: 'GET' },
      ),
    );
  }

  async createStatuses(statuses: readonly NewStatus[]): Promise<JiraStatus[]> {
    return this.createOnce('POST /rest/api/3/statuses', z.array(StatusSchema), () =>
      this.fetcher.requestJira(route`/rest/api/3/statuses`, {
        method: 'POST',
        body: json({ scope: { type: 'GLOBAL' }, statuses }),
      }),
    );
  }

  async readWorkflowsByName(names: readonly string[]): Promise<Workflow[]> {
    const endpoint = 'POST /rest/api/3/workflows';
    const body = await this.read(endpoint, WorkflowsSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/workflows`, {
        method: 'POST',
        body: json({ workflowNames: names }),
      }),
    );
    return toWorkflows(endpoint, body);
  }

  /** Validation reads nothing and writes nothing, so it is repeated like a read. */
  async validateWorkflow(workflow: NewWorkflow): Promise<WorkflowValidationProblem[]> {
    const endpoint = 'POST /rest/api/3/workflows/create/validation';
    const body = await this.read(endpoint, WorkflowValidationSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/workflows/create/validation`, {
        method: 'POST',
        body: json({
          payload: workflowCreateBody(workflow),
          validationOptions: { levels: ['ERROR', 'WARNING'] },
        }),
      }),
    );
    return (body.errors ?? []).map(toValidationProblem);
  }

  async createWorkflow(workflow: NewWorkflow): Promise<Workflow> {
    const endpoint = 'POST /rest/api/3/workflows/create';
    const body = await this.createOnce(endpoint, WorkflowsSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/workflows/create`, {
        method: 'POST',
        body: json(workflowCreateBody(workflow)),
      }),
    );
    const created = toWorkflows(endpoint, body).find((candidate) => candidate.name === workflow.name);
    if (created === undefined)
      throw new JiraResponseShapeError(endpoint, ['workflows: the workflow is missing']);
    return created;
  }

  async listForgeRules(where: { projectId: string; issueTypeId: string }): Promise<ForgeRule[]> {
    const capabilities = await this.read('GET /rest/api/3/workflows/capabilities', CapabilitiesSchema, () =>
      this.fetcher.requestJira(
        route`/rest/api/3/workflows/capabilities?projectId=${where.projectId}&issueTypeId=${where.issueTypeId}`,
        { method: 'GET' },
      ),
    );
    return (capabilities.forgeRules ?? []).map((rule) => ({
      id: rule.id,
      ruleKey: rule.ruleKey,
      ruleType: rule.ruleType ?? '',
      name: rule.name ?? '',
    }));
  }

  async listWorkflowSchemes(): Promise<WorkflowScheme[]> {
    const schemes = await this.allPages('GET /rest/api/3/workflowscheme', WorkflowSchemeSchema, (startAt) =>
      this.fetcher.requestJira(route`/rest/api/3/workflowscheme?startAt=${startAt}&maxResults=${PAGE_SIZE}`, {
        method: 'GET',
      }),
    );
    return schemes.map(toWorkflowScheme);
  }

  async createWorkflowScheme(scheme: NewWorkflowScheme): Promise<WorkflowScheme> {
    const created = await this.createOnce('POST /rest/api/3/workflowscheme', WorkflowSchemeSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/workflowscheme`, {
        method: 'POST',
        body: json({
          name: scheme.name,
          description: scheme.description,
          ...(scheme.defaultWorkflow === null ? {} : { defaultWorkflow: scheme.defaultWorkflow }),
          issueTypeMappings: scheme.issueTypeMappings,
        }),
      }),
    );
    return toWorkflowScheme(created);
  }

  async getWorkflowSchemeOfProject(projectId: string): Promise<WorkflowScheme | null> {
    const associations = await this.read(
      'GET /rest/api/3/workflowscheme/project',
      WorkflowSchemeAssociationsSchema,
      () =>
        this.fetcher.requestJira(route`/rest/api/3/workflowscheme/project?projectId=${projectId}`, {
          method: 'GET',
        }),
    );
    const association = associations.values.find((value) => value.projectIds.includes(projectId));
    return association === undefined ? null : toWorkflowScheme(association.workflowScheme);
  }

  async assignWorkflowScheme(schemeId: string, projectId: string): Promise<void> {
    const endpoint = 'PUT /rest/api/3/workflowscheme/project';
    const response = await this.send(endpoint, 'safe', () =>
      this.fetcher.requestJira(route`/rest/api/3/workflowscheme/project`, {
        method: 'PUT',
        body: json({ workflowSchemeId: schemeId, projectId }),
      }),
    );
    await ensureOk(endpoint, response);
  }

  // ---- screens --------------------------------------------------------------------------------------------------

  async searchScreens(queryString: string): Promise<Screen[]> {
    return this.allPages('GET /rest/api/3/screens', ScreenSchema, (startAt) =>
      this.fetcher.requestJira(
        route`/rest/api/3/screens?queryString=${queryString}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        { method: 'GET' },
      ),
    );
  }

  async createScreen(screen: { name: string; description: string }): Promise<Screen> {
    return this.createOnce('POST /rest/api/3/screens', ScreenSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/screens`, { method: 'POST', body: json(screen) }),
    );
  }

  async listScreenTabs(screenId: string): Promise<ScreenTab[]> {
    return this.read('GET /rest/api/3/screens/{screenId}/tabs', z.array(ScreenTabSchema), () =>
      this.fetcher.requestJira(route`/rest/api/3/screens/${screenId}/tabs`, { method: 'GET' }),
    );
  }

  async createScreenTab(screenId: string, name: string): Promise<ScreenTab> {
    return this.createOnce('POST /rest/api/3/screens/{screenId}/tabs', ScreenTabSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/screens/${screenId}/tabs`, {
        method: 'POST',
        body: json({ name }),
      }),
    );
  }

  async listScreenTabFields(screenId: string, tabId: string): Promise<string[]> {
    const fields = await this.read(
      'GET /rest/api/3/screens/{screenId}/tabs/{tabId}/fields',
      z.array(ScreenFieldSchema),
      () =>
        this.fetcher.requestJira(route`/rest/api/3/screens/${screenId}/tabs/${tabId}/fields`, {
          method: 'GET',
        }),
    );
    return fields.map((field) => field.id);
  }

  async addScreenTabField(screenId: string, tabId: string, fieldId: string): Promise<void> {
    await this.createOnce('POST /rest/api/3/screens/{screenId}/tabs/{tabId}/fields', ScreenFieldSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/screens/${screenId}/tabs/${tabId}/fields`, {
        method: 'POST',
        body: json({ fieldId }),
      }),
    );
  }

  async listScreenSchemes(): Promise<ScreenScheme[]> {
    const schemes = await this.allPages('GET /rest/api/3/screenscheme', ScreenSchemeSchema, (startAt) =>
      this.fetcher.requestJira(route`/rest/api/3/screenscheme?startAt=${startAt}&maxResults=${PAGE_SIZE}`, {
        method: 'GET',
      }),
    );
    return schemes.map((scheme) => ({
      id: scheme.id,
      name: scheme.name,
      description: scheme.description,
      screens: Object.fromEntries(Object.entries(scheme.screens ?? {}).filter(([, id]) => id !== undefined)),
    }));
  }

  async createScreenScheme(scheme: {
    name: string;
    description: string;
    screens: ScreenTypes;
  }): Promise<{ id: string }> {
    return this.createOnce('POST /rest/api/3/screenscheme', CreatedIdSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/screenscheme`, {
        method: 'POST',
        body: json({
          name: scheme.name,
          description: scheme.description,
          screens: screenTypesBody(scheme.screens),
        }),
      }),
    );
  }

  async listIssueTypeScreenSchemes(): Promise<IssueTypeScreenScheme[]> {
    return this.allPages('GET /rest/api/3/issuetypescreenscheme', IssueTypeScreenSchemeSchema, (startAt) =>
      this.fetcher.requestJira(
        route`/rest/api/3/issuetypescreenscheme?startAt=${startAt}&maxResults=${PAGE_SIZE}`,
        { method: 'GET' },
      ),
    );
  }

  async createIssueTypeScreenScheme(scheme: {
    name: string;
    description: string;
    issueTypeMappings: readonly IssueTypeScreenSchemeMapping[];
  }): Promise<{ id: string }> {
    return this.createOnce('POST /rest/api/3/issuetypescreenscheme', CreatedIdSchema, () =>
      this.fetcher.requestJira(route`/rest/api/3/issuetypescreenscheme`, {
        method: 'POST',
        body: json(scheme),
      }),
    );
  }

  async listIssueTypeScreenSchemeMappings(schemeId: string): Promise<IssueTypeScreenSchemeMapping[]> {
    const items = await this.allPages(
      'GET /rest/api/3/issuetypescreenscheme/mapping',
      IssueTypeScreenSchemeItemSchema,
      (startAt) =>
        this.fetcher.requestJira(
          route`/rest/api/3/issuetypescreenscheme/mapping?issueTypeScreenSchemeId=${schemeId}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
          { method: 'GET' },
        ),
    );
    return items
      .filter((item) => item.issueTypeScreenSchemeId === schemeId)
      .map((item) => ({ issueTypeId: item.issueTypeId, screenSchemeId: item.screenSchemeId }));
  }

  async getIssueTypeScreenSchemeOfProject(projectId: string): Promise<IssueTypeScreenScheme | null> {
    const page = await this.read(
      'GET /rest/api/3/issuetypescreenscheme/project',
      pageSchema(IssueTypeScreenSchemeProjectsSchema),
      () =>
        this.fetcher.requestJira(route`/rest/api/3/issuetypescreenscheme/project?projectId=${projectId}`, {
          method: 'GET',
        }),
    );
    const association = (page.values ?? []).find((value) => value.projectIds.includes(projectId));
    return association?.issueTypeScreenScheme ?? null;
  }

  async assignIssueTypeScreenScheme(schemeId: string, projectId: string): Promise<void> {
    const endpoint = 'PUT /rest/api/3/issuetypescreenscheme/project';
    const response = await this.send(endpoint, 'safe', () =>
      this.fetcher.requestJira(route`/rest/api/3/issuetypescreenscheme/project`, {
        method: 'PUT',
        body: json({ issueTypeScreenSchemeId: schemeId, projectId }),
      }),
    );
    await ensureOk(endpoint, response);
  }

  // ---- groups ---------------------------------------------------------------------------------------------------

  /**
   * One lookup per name: `groupName` repeats in the query (ISSUE6 A2), and a literal `route` cannot carry a
   * variable number of parameters. Policies name a handful of groups, so this stays a few calls.
   */
  async findGroupsByName(names: readonly string[]): Promise<JiraGroup[]> {
    const found: JiraGroup[] = [];
    for (const name of new Set(names)) {
      const groups = await this.allPages('GET /rest/api/3/group/bulk', GroupDetailsSchema, (startAt) =>
        this.fetcher.requestJira(
          route`/rest/api/3/group/bulk?groupName=${name}&startAt=${startAt}&maxResults=${PAGE_SIZE}`,
          { method: 'GET' },
        ),
      );
      const groupId = groups.find(
        (candidate) => candidate.name === name && (candidate.groupId ?? '') !== '',
      )?.groupId;
      if (groupId != null) found.push({ groupId, name });
    }
    return found;
  }
}
