/**
 * Reads what setup left on the simulated site back through Jira's REST API, as an admin would see it, and puts
 * it in shapes a test can compare with exact expectations (names instead of ids where ids mean nothing).
 */
import type { SimClient } from '../../../simulator';

interface Rule {
  ruleKey: string;
  parameters: Record<string, string>;
}

interface WorkflowsRead {
  statuses: { id: string; name: string; statusCategory: string; statusReference: string }[];
  workflows: {
    name: string;
    transitions: {
      name: string;
      type: string;
      toStatusReference: string;
      links: { fromStatusReference: string | null }[];
      validators: Rule[];
      actions: Rule[];
      conditions?: { operation: string; conditions: Rule[] };
      transitionScreen?: Rule;
    }[];
  }[];
}

interface Page<T> {
  values: T[];
}

const ok = <T>(response: { status: number; body: T }, what: string): T => {
  if (response.status !== 200) throw new Error(`${what} answered ${response.status}`);
  return response.body;
};

export const readScreens = async (ada: SimClient): Promise<Record<string, string[]>> => {
  const screens = ok(
    await ada.get<Page<{ id: number; name: string }>>('/rest/api/3/screens?queryString=Security%20Exception'),
    'screens',
  ).values;
  const fieldNames = await readFieldNames(ada);
  const result: Record<string, string[]> = {};
  for (const screen of screens) {
    const tabs = ok(await ada.get<{ id: number }[]>(`/rest/api/3/screens/${screen.id}/tabs`), 'tabs');
    const fields: string[] = [];
    for (const tab of tabs) {
      const onTab = ok(
        await ada.get<{ id: string }[]>(`/rest/api/3/screens/${screen.id}/tabs/${tab.id}/fields`),
        'tab fields',
      );
      fields.push(...onTab.map((field) => fieldNames[field.id] ?? field.id));
    }
    result[screen.name] = fields;
  }
  return result;
};

/** Field id → name, system and custom fields. */
export const readFieldNames = async (ada: SimClient): Promise<Record<string, string>> => {
  const fields = ok(await ada.get<{ id: string; name: string }[]>('/rest/api/3/field'), 'fields');
  return Object.fromEntries(fields.map((field) => [field.id, field.name]));
};

/** Custom fields by name: their type and the options of each of their contexts. */
export const readCustomFields = async (
  ada: SimClient,
): Promise<Record<string, { id: string; type: string | undefined; options: string[] }>> => {
  const page = ok(
    await ada.get<Page<{ id: string; name: string; schema: { custom?: string } }>>(
      '/rest/api/3/field/search?type=custom&maxResults=100',
    ),
    'field search',
  );
  const result: Record<string, { id: string; type: string | undefined; options: string[] }> = {};
  for (const field of page.values) {
    const contexts = ok(
      await ada.get<Page<{ id: string }>>(`/rest/api/3/field/${field.id}/context`),
      'contexts',
    ).values;
    const options: string[] = [];
    for (const context of contexts) {
      const page = ok(
        await ada.get<Page<{ value: string }>>(`/rest/api/3/field/${field.id}/context/${context.id}/option`),
        'options',
      );
      options.push(...page.values.map((option) => option.value));
    }
    result[field.name] = { id: field.id, type: field.schema.custom, options };
  }
  return result;
};

export interface TransitionSummary {
  name: string;
  type: string;
  from: string[];
  to: string;
  validators: string[];
  postFunctions: string[];
  conditions: string[];
  screen: string | null;
}

/** `<ruleKey> <module key from the extension ARI> <config>` */
const describeRule = (rule: Rule): string =>
  [rule.ruleKey, rule.parameters.key ?? '', rule.parameters.config ?? ''].join(' ').trim();

export const readWorkflow = async (
  ada: SimClient,
  name: string,
): Promise<
  { statuses: { name: string; category: string }[]; transitions: TransitionSummary[] } | undefined
> => {
  const read = ok(
    await ada.post<WorkflowsRead>('/rest/api/3/workflows', { workflowNames: [name] }),
    'workflows',
  );
  const workflow = read.workflows.find((candidate) => candidate.name === name);
  if (workflow === undefined) return undefined;
  const statusName = (reference: string | null): string =>
    read.statuses.find((status) => status.statusReference === reference)?.name ?? `?${reference ?? 'null'}`;
  const screens = ok(
    await ada.get<Page<{ id: number; name: string }>>('/rest/api/3/screens'),
    'screens',
  ).values;
  return {
    statuses: read.statuses.map((status) => ({ name: status.name, category: status.statusCategory })),
    transitions: workflow.transitions.map((transition) => ({
      name: transition.name,
      type: transition.type,
      from: transition.links.map((link) => statusName(link.fromStatusReference)),
      to: statusName(transition.toStatusReference),
      validators: transition.validators.map(describeRule),
      postFunctions: transition.actions.map(describeRule),
      conditions: (transition.conditions?.conditions ?? []).map(describeRule),
      screen:
        transition.transitionScreen === undefined
          ? null
          : `${transition.transitionScreen.ruleKey} ${
              screens.find((screen) => String(screen.id) === transition.transitionScreen?.parameters.screenId)
                ?.name ?? '?'
            }`,
    })),
  };
};

export interface ProjectSchemes {
  issueTypes: string[];
  workflowScheme: { name: string; defaultWorkflow: string; mappings: Record<string, string> };
  screenScheme: { name: string; mappings: Record<string, string> };
}

/** The project's schemes with issue types and screen schemes by name. */
export const readProjectSchemes = async (ada: SimClient, projectKey: string): Promise<ProjectSchemes> => {
  const project = ok(
    await ada.get<{ id: string; issueTypes: { id: string; name: string }[] }>(
      `/rest/api/3/project/${projectKey}`,
    ),
    'project',
  );
  const typeName = (id: string): string =>
    id === 'default' ? 'default' : (project.issueTypes.find((type) => type.id === id)?.name ?? id);
  const workflowSchemes = ok(
    await ada.get<{
      values: {
        workflowScheme: { name: string; defaultWorkflow: string; issueTypeMappings: Record<string, string> };
      }[];
    }>(`/rest/api/3/workflowscheme/project?projectId=${project.id}`),
    'workflow scheme',
  );
  const workflowScheme = workflowSchemes.values[0]?.workflowScheme;
  const screenSchemes = ok(
    await ada.get<Page<{ issueTypeScreenScheme: { id: string; name: string } }>>(
      `/rest/api/3/issuetypescreenscheme/project?projectId=${project.id}`,
    ),
    'issue type screen scheme',
  );
  const screenScheme = screenSchemes.values[0]?.issueTypeScreenScheme;
  const mappings = ok(
    await ada.get<Page<{ issueTypeId: string; screenSchemeId: string }>>(
      `/rest/api/3/issuetypescreenscheme/mapping?issueTypeScreenSchemeId=${screenScheme?.id ?? ''}`,
    ),
    'issue type screen scheme mapping',
  );
  const schemeNames = ok(
    await ada.get<Page<{ id: number; name: string }>>('/rest/api/3/screenscheme'),
    'schemes',
  );
  const schemeName = (id: string): string =>
    schemeNames.values.find((scheme) => String(scheme.id) === id)?.name ?? id;
  return {
    issueTypes: project.issueTypes.map((type) => type.name),
    workflowScheme: {
      name: workflowScheme?.name ?? '',
      defaultWorkflow: workflowScheme?.defaultWorkflow ?? '',
      mappings: Object.fromEntries(
        Object.entries(workflowScheme?.issueTypeMappings ?? {}).map(([id, name]) => [typeName(id), name]),
      ),
    },
    screenScheme: {
      name: screenScheme?.name ?? '',
      mappings: Object.fromEntries(
        mappings.values.map((mapping) => [typeName(mapping.issueTypeId), schemeName(mapping.screenSchemeId)]),
      ),
    },
  };
};
