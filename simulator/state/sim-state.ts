import { isValidAdf } from '../issues/adf-validator';
import { normalizeFieldValue, type FieldValueLookup } from '../issues/field-values';
import { IdSequence } from './id-sequence';
import { CUSTOM_FIELD_TYPES, FORGE_FIELD_KINDS, customFieldTypeKey, systemFields } from './field-types';
import { toIsoInstant } from './jira-time';
import type {
  SimAttachment,
  SimField,
  SimFieldContext,
  SimFieldOption,
  SimGroup,
  SimIssue,
  SimIssueLink,
  SimIssueLinkType,
  SimIssueType,
  SimIssueTypeScheme,
  SimIssueTypeScreenScheme,
  SimProject,
  SimSecurityLevel,
  SimScreen,
  SimScreenScheme,
  SimStatus,
  SimUser,
  SimWorkflow,
  SimWorkflowScheme,
  StatusCategoryKey,
} from './model';
import { sequentialUuid } from './sequential-uuid';

export interface UserSeed {
  accountId: string;
  displayName?: string;
  emailAddress?: string;
  active?: boolean;
  /** Defaults to [`token-${accountId}`]. */
  apiTokens?: string[];
  siteAdmin?: boolean;
  /** False: a site admin who browses only the projects their groups may (see SimUser). */
  browsesEveryProject?: boolean;
  /** Group names the user joins (created when missing). */
  groups?: string[];
}

export interface GroupSeed {
  name: string;
  groupId?: string;
  members?: string[];
}

export interface ProjectSeed {
  key: string;
  name?: string;
  /** 'everyone' (default) or group names holding Browse projects. */
  browse?: 'everyone' | string[];
  administerGroups?: string[];
  lead?: string;
  projectTypeKey?: SimProject['projectTypeKey'];
}

export interface CustomFieldSeed {
  name: string;
  /** A classic type key or its short name ('select', 'textarea', 'userpicker', 'datepicker', 'labels', …). */
  type?: string;
  description?: string;
  /** Options of the field's global context (select, radio, checkbox, multi-select). */
  options?: string[];
  /** A Forge field (jira:customField): schema.custom is the module's extension ARI, key is appId__ENV__moduleKey. */
  forge?: { appId: string; environmentId: string; environmentType?: string; moduleKey: string; type: string };
}

export interface IssueSeed {
  /** Project key or id. */
  project: string;
  /** Issue type name or id; defaults to the first type of the project's scheme. */
  issueType?: string;
  summary: string;
  /** Status name or id; defaults to the target of the workflow's initial transition. */
  status?: string;
  reporter?: string | null;
  creator?: string;
  created?: string;
  updated?: string;
  /** REST v3 input values keyed by field id or name, e.g. {'Exception Type': {value: 'MFA bypass'}}. */
  fields?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  comments?: { author: string; body: unknown; created?: string }[];
  attachments?: { filename: string; mimeType?: string; size?: number; author?: string }[];
}

export interface PropertyIndexPath {
  /** Dot path inside the property value, e.g. "nextActionAt". */
  path: string;
  /** Jira entity-property index types (jira:entityProperty values[].type). */
  type: 'number' | 'string' | 'text' | 'user' | 'date';
  /** The name JQL may use for this path instead of issue.property[key].path. */
  searchAlias?: string;
}

const lower = (value: string): string => value.toLowerCase();

/**
 * All simulator state, with read access for assertions and seed helpers that bypass HTTP (and therefore
 * workflow rules, events and contract checks).
 */
export class SimState implements FieldValueLookup {
  readonly ids = new IdSequence({
    screen: 1,
    screenscheme: 1,
    issuetypescreenscheme: 1,
    workflowscheme: 10001,
  });
  readonly users = new Map<string, SimUser>();
  readonly groups = new Map<string, SimGroup>();
  readonly projects = new Map<string, SimProject>();
  readonly issueTypes = new Map<string, SimIssueType>();
  readonly issueTypeSchemes = new Map<string, SimIssueTypeScheme>();
  readonly statuses = new Map<string, SimStatus>();
  readonly fields = new Map<string, SimField>();
  readonly fieldContexts = new Map<string, SimFieldContext>();
  readonly issues = new Map<string, SimIssue>();
  readonly linkTypes = new Map<string, SimIssueLinkType>();
  readonly links: SimIssueLink[] = [];
  readonly workflows = new Map<string, SimWorkflow>();
  readonly workflowSchemes = new Map<number, SimWorkflowScheme>();
  readonly screens = new Map<number, SimScreen>();
  readonly screenSchemes = new Map<number, SimScreenScheme>();
  readonly issueTypeScreenSchemes = new Map<string, SimIssueTypeScreenScheme>();
  readonly propertyIndexes = new Map<string, PropertyIndexPath[]>();
  readonly securityLevels = new Map<string, SimSecurityLevel>();
  readonly defaultWorkflowName = 'Default Workflow';
  private uuidCounter = 1;

  constructor(private readonly clock: () => Date) {
    for (const field of systemFields()) this.fields.set(field.id, field);
    this.seedDefaults();
  }

  nowIso(): string {
    return this.clock().toISOString();
  }

  nextUuid(): string {
    return sequentialUuid(this.uuidCounter++);
  }

  // ---- lookups -------------------------------------------------------------------------------------------

  user(accountId: string): SimUser | undefined {
    return this.users.get(accountId);
  }

  isValidAdf(value: unknown): boolean {
    return isValidAdf(value);
  }

  userByEmail(email: string): SimUser | undefined {
    return [...this.users.values()].find((user) => lower(user.emailAddress) === lower(email));
  }

  group(name: string): SimGroup | undefined {
    return this.groups.get(name);
  }

  groupById(groupId: string): SimGroup | undefined {
    return [...this.groups.values()].find((group) => group.groupId === groupId);
  }

  project(keyOrId: string): SimProject | undefined {
    return (
      this.projects.get(keyOrId) ??
      [...this.projects.values()].find((project) => lower(project.key) === lower(keyOrId))
    );
  }

  issue(idOrKey: string): SimIssue | undefined {
    return (
      this.issues.get(idOrKey) ??
      [...this.issues.values()].find((issue) => lower(issue.key) === lower(idOrKey))
    );
  }

  issueType(idOrName: string): SimIssueType | undefined {
    return (
      this.issueTypes.get(idOrName) ??
      [...this.issueTypes.values()].find((type) => lower(type.name) === lower(idOrName))
    );
  }

  status(idOrName: string): SimStatus | undefined {
    return (
      this.statuses.get(idOrName) ??
      [...this.statuses.values()].find((status) => lower(status.name) === lower(idOrName))
    );
  }

  /** By id ("customfield_10000"), key, or name (case-insensitive). */
  field(idKeyOrName: string): SimField | undefined {
    return (
      this.fields.get(idKeyOrName) ??
      [...this.fields.values()].find(
        (field) => field.key === idKeyOrName || lower(field.name) === lower(idKeyOrName),
      )
    );
  }

  workflowByName(name: string): SimWorkflow | undefined {
    return [...this.workflows.values()].find((workflow) => workflow.name === name);
  }

  issueTypesOfProject(project: SimProject): SimIssueType[] {
    const scheme = this.issueTypeSchemes.get(project.issueTypeSchemeId);
    return (scheme?.issueTypeIds ?? []).flatMap((id) => this.issueTypes.get(id) ?? []);
  }

  /** The workflow the project's workflow scheme maps the issue type to. */
  workflowFor(project: SimProject, issueTypeId: string): SimWorkflow {
    const scheme = this.workflowSchemes.get(Number(project.workflowSchemeId));
    const name =
      scheme?.issueTypeMappings[issueTypeId] ?? scheme?.defaultWorkflow ?? this.defaultWorkflowName;
    const workflow = this.workflowByName(name) ?? this.workflowByName(this.defaultWorkflowName);
    if (workflow === undefined) throw new Error(`workflow ${name} is missing`);
    return workflow;
  }

  optionsFor(field: SimField, where: { projectId: string; issueTypeId: string }): SimFieldOption[] {
    const contexts = [...this.fieldContexts.values()].filter((context) => context.fieldId === field.id);
    const applicable = contexts.filter(
      (context) =>
        (context.projectIds.length === 0 || context.projectIds.includes(where.projectId)) &&
        (context.issueTypeIds.length === 0 || context.issueTypeIds.includes(where.issueTypeId)),
    );
    return applicable.flatMap((context) => context.options);
  }

  // ---- seed helpers --------------------------------------------------------------------------------------

  addUser(seed: UserSeed): SimUser {
    const user: SimUser = {
      accountId: seed.accountId,
      displayName: seed.displayName ?? seed.accountId,
      emailAddress: seed.emailAddress ?? `${seed.accountId}@example.com`,
      active: seed.active ?? true,
      accountType: 'atlassian',
      apiTokens: seed.apiTokens ?? [`token-${seed.accountId}`],
      siteAdmin: seed.siteAdmin ?? false,
      ...(seed.browsesEveryProject === undefined ? {} : { browsesEveryProject: seed.browsesEveryProject }),
      timeZone: 'UTC',
    };
    this.users.set(user.accountId, user);
    for (const name of seed.groups ?? []) this.addToGroup(name, user.accountId);
    return user;
  }

  addGroup(seed: GroupSeed): SimGroup {
    const existing = this.groups.get(seed.name);
    const group: SimGroup = existing ?? {
      groupId: seed.groupId ?? this.nextUuid(),
      name: seed.name,
      members: new Set(),
    };
    for (const accountId of seed.members ?? []) group.members.add(accountId);
    this.groups.set(group.name, group);
    return group;
  }

  /** An issue security level whose issues only members of `groups` (and the app) may see. */
  addSecurityLevel(seed: { name: string; description?: string; groups: string[] }): SimSecurityLevel {
    const level: SimSecurityLevel = {
      id: this.ids.nextString('securitylevel'),
      name: seed.name,
      description: seed.description ?? '',
      groups: [...seed.groups],
    };
    this.securityLevels.set(level.id, level);
    return level;
  }

  /** Puts an issue at a security level (or none), as an admin editing the Security Level field would. */
  setSecurityLevel(issueIdOrKey: string, levelId: string | null): void {
    const issue = this.issue(issueIdOrKey);
    if (issue === undefined) throw new Error(`setSecurityLevel: no issue ${issueIdOrKey}`);
    if (levelId !== null && !this.securityLevels.has(levelId))
      throw new Error(`setSecurityLevel: no security level ${levelId}`);
    if (levelId === null) delete issue.securityLevelId;
    else issue.securityLevelId = levelId;
  }

  addToGroup(groupName: string, accountId: string): void {
    this.addGroup({ name: groupName, members: [accountId] });
  }

  addProject(seed: ProjectSeed): SimProject {
    const project: SimProject = {
      id: this.ids.nextString('project'),
      key: seed.key,
      name: seed.name ?? seed.key,
      projectTypeKey: seed.projectTypeKey ?? 'software',
      leadAccountId: seed.lead,
      browse: seed.browse ?? 'everyone',
      administerGroups: seed.administerGroups ?? [],
      issueTypeSchemeId: this.defaultIssueTypeScheme().id,
      workflowSchemeId: '10000',
      issueTypeScreenSchemeId: '1',
      nextIssueNumber: 1,
    };
    this.projects.set(project.id, project);
    return project;
  }

  /** Adds an issue type (and, as Jira does, to the default issue type scheme). */
  addIssueType(seed: { name: string; description?: string; subtask?: boolean }): SimIssueType {
    const subtask = seed.subtask ?? false;
    const type: SimIssueType = {
      id: this.ids.nextString('issuetype'),
      name: seed.name,
      description: seed.description ?? '',
      subtask,
      hierarchyLevel: subtask ? -1 : 0,
    };
    this.issueTypes.set(type.id, type);
    this.defaultIssueTypeScheme().issueTypeIds.push(type.id);
    return type;
  }

  addStatus(seed: {
    name: string;
    statusCategory: StatusCategoryKey;
    description?: string;
    scope?: SimStatus['scope'];
  }): SimStatus {
    const status: SimStatus = {
      id: this.ids.nextString('status'),
      name: seed.name,
      description: seed.description ?? '',
      statusCategory: seed.statusCategory,
      scope: seed.scope ?? { type: 'GLOBAL' },
    };
    this.statuses.set(status.id, status);
    return status;
  }

  /** A custom field with a global context (and its options), as POST /field + context + options would leave it. */
  addCustomField(seed: CustomFieldSeed): SimField {
    const number = this.ids.next('customfield');
    const id = `customfield_${number}`;
    let field: SimField;
    if (seed.forge !== undefined) {
      const { appId, environmentId, moduleKey, type } = seed.forge;
      const kind = FORGE_FIELD_KINDS[type];
      if (kind === undefined) throw new Error(`unknown Forge field type ${type}`);
      field = {
        id,
        key: `${appId}__${seed.forge.environmentType ?? 'DEVELOPMENT'}__${moduleKey}`,
        name: seed.name,
        description: seed.description ?? '',
        custom: true,
        schema: {
          type: type === 'object' ? 'any' : type,
          custom: `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${moduleKey}`,
          customId: number,
        },
        searcherKey: undefined,
        kind,
        editable: true,
        navigable: true,
        clauseNames: [`cf[${number}]`, seed.name],
      };
    } else {
      const typeKey = customFieldTypeKey(seed.type ?? 'textfield');
      const type = CUSTOM_FIELD_TYPES[typeKey];
      if (type === undefined) throw new Error(`unknown custom field type ${typeKey}`);
      field = {
        id,
        key: id,
        name: seed.name,
        description: seed.description ?? '',
        custom: true,
        schema: { ...type.schema, custom: typeKey, customId: number },
        searcherKey: type.searcherKey,
        kind: type.kind,
        editable: true,
        navigable: true,
        clauseNames: [`cf[${number}]`, seed.name],
      };
    }
    this.fields.set(id, field);
    const context = this.addFieldContext(field.id, { name: `Default Configuration Scheme for ${seed.name}` });
    for (const value of seed.options ?? []) this.addFieldOption(context, { value });
    return field;
  }

  addFieldContext(
    fieldId: string,
    seed: { name: string; description?: string; projectIds?: string[]; issueTypeIds?: string[] },
  ): SimFieldContext {
    const context: SimFieldContext = {
      id: this.ids.nextString('fieldcontext'),
      fieldId,
      name: seed.name,
      description: seed.description ?? '',
      projectIds: seed.projectIds ?? [],
      issueTypeIds: seed.issueTypeIds ?? [],
      options: [],
    };
    this.fieldContexts.set(context.id, context);
    return context;
  }

  addFieldOption(
    context: SimFieldContext,
    seed: { value: string; disabled?: boolean; optionId?: string },
  ): SimFieldOption {
    const option: SimFieldOption = {
      id: this.ids.nextString('option'),
      value: seed.value,
      disabled: seed.disabled ?? false,
      optionId: seed.optionId,
    };
    context.options.push(option);
    return option;
  }

  registerPropertyIndex(propertyKey: string, paths: PropertyIndexPath[]): void {
    this.propertyIndexes.set(propertyKey, [...(this.propertyIndexes.get(propertyKey) ?? []), ...paths]);
  }

  /** Creates an issue directly: no validators, post functions, events or changelog (other than seeded). */
  addIssue(seed: IssueSeed): SimIssue {
    const project = this.project(seed.project);
    if (project === undefined) throw new Error(`addIssue: no project ${seed.project}`);
    const issueType =
      seed.issueType === undefined ? this.issueTypesOfProject(project)[0] : this.issueType(seed.issueType);
    if (issueType === undefined) throw new Error(`addIssue: no issue type ${seed.issueType ?? '(default)'}`);
    const workflow = this.workflowFor(project, issueType.id);
    const status = seed.status === undefined ? this.initialStatusOf(workflow) : this.status(seed.status);
    if (status === undefined) throw new Error(`addIssue: no status ${seed.status ?? '(initial)'}`);
    const created = toIsoInstant(seed.created ?? this.nowIso());
    const issue = this.createIssueRecord(project, issueType, status, workflow, {
      reporter: seed.reporter === undefined ? null : seed.reporter,
      creator: seed.creator ?? seed.reporter ?? 'unknown',
      created,
      updated: seed.updated === undefined ? created : toIsoInstant(seed.updated),
    });
    const where = { projectId: project.id, issueTypeId: issueType.id };
    issue.fields.set('summary', seed.summary);
    for (const [name, value] of Object.entries(seed.fields ?? {})) {
      const field = this.field(name);
      if (field === undefined) throw new Error(`addIssue: no field ${name}`);
      issue.fields.set(field.id, normalizeFieldValue(this, field, where, value));
    }
    for (const [key, value] of Object.entries(seed.properties ?? {})) issue.properties.set(key, value);
    for (const comment of seed.comments ?? []) {
      const at = toIsoInstant(comment.created ?? created);
      issue.comments.push({
        id: this.ids.nextString('comment'),
        authorAccountId: comment.author,
        body: comment.body,
        created: at,
        updated: at,
        visibility: undefined,
      });
    }
    for (const attachment of seed.attachments ?? []) {
      const record: SimAttachment = {
        id: this.ids.nextString('attachment'),
        filename: attachment.filename,
        mimeType: attachment.mimeType ?? 'application/octet-stream',
        size: attachment.size ?? 1024,
        authorAccountId: attachment.author ?? seed.reporter ?? 'unknown',
        created,
      };
      issue.attachments.push(record);
    }
    return issue;
  }

  setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): void {
    const issue = this.issue(issueIdOrKey);
    if (issue === undefined) throw new Error(`setIssueProperty: no issue ${issueIdOrKey}`);
    issue.properties.set(propertyKey, value);
  }

  // ---- used by routes and seeds ---------------------------------------------------------------------------

  initialStatusOf(workflow: SimWorkflow): SimStatus | undefined {
    const initial = workflow.transitions.find((transition) => transition.type === 'INITIAL');
    const reference = initial?.toStatusReference ?? workflow.statuses[0]?.statusReference;
    const statusId = workflow.statuses.find((status) => status.statusReference === reference)?.statusId;
    return statusId === undefined ? undefined : this.statuses.get(statusId);
  }

  createIssueRecord(
    project: SimProject,
    issueType: SimIssueType,
    status: SimStatus,
    workflow: SimWorkflow,
    who: { reporter: string | null; creator: string; created: string; updated: string },
  ): SimIssue {
    const issue: SimIssue = {
      id: this.ids.nextString('issue'),
      key: `${project.key}-${project.nextIssueNumber++}`,
      projectId: project.id,
      issueTypeId: issueType.id,
      statusId: status.id,
      workflowId: workflow.id,
      reporterAccountId: who.reporter,
      creatorAccountId: who.creator,
      created: who.created,
      updated: who.updated,
      fields: new Map(),
      properties: new Map(),
      comments: [],
      changelog: [],
      attachments: [],
    };
    this.issues.set(issue.id, issue);
    return issue;
  }

  defaultIssueTypeScheme(): SimIssueTypeScheme {
    const scheme = [...this.issueTypeSchemes.values()].find((candidate) => candidate.isDefault);
    if (scheme === undefined) throw new Error('default issue type scheme is missing');
    return scheme;
  }

  private seedDefaults(): void {
    this.issueTypeSchemes.set('10000', {
      id: '10000',
      name: 'Default Issue Type Scheme',
      description:
        'Default issue type scheme is the list of global issue types. All newly created issue types will automatically be added to this scheme.',
      defaultIssueTypeId: undefined,
      issueTypeIds: [],
      isDefault: true,
    });
    this.addIssueType({ name: 'Task', description: 'A small, distinct piece of work.' });
    const todo = this.addStatus({ name: 'To Do', statusCategory: 'TODO' });
    const inProgress = this.addStatus({ name: 'In Progress', statusCategory: 'IN_PROGRESS' });
    const done = this.addStatus({ name: 'Done', statusCategory: 'DONE' });
    const reference = (status: SimStatus): string => `ref-${status.id}`;
    const global = (id: string, to: SimStatus): SimWorkflow['transitions'][number] => ({
      id,
      name: to.name,
      description: '',
      type: 'GLOBAL',
      toStatusReference: reference(to),
      links: [],
      validators: [],
      actions: [],
      conditions: undefined,
      properties: {},
    });
    const now = this.nowIso();
    const workflow: SimWorkflow = {
      id: this.nextUuid(),
      name: this.defaultWorkflowName,
      description: 'The simulator default: three statuses, any status to any status.',
      scope: { type: 'GLOBAL' },
      statuses: [todo, inProgress, done].map((status) => ({
        statusReference: reference(status),
        statusId: status.id,
        properties: {},
      })),
      transitions: [
        { ...global('1', todo), name: 'Create', type: 'INITIAL' },
        global('11', todo),
        global('21', inProgress),
        global('31', done),
      ],
      created: now,
      updated: now,
      versionId: this.nextUuid(),
    };
    this.workflows.set(workflow.id, workflow);
    this.workflowSchemes.set(10000, {
      id: 10000,
      name: 'Default Workflow Scheme',
      description: '',
      defaultWorkflow: workflow.name,
      issueTypeMappings: {},
    });
    for (const [name, inward, outward] of [
      ['Blocks', 'is blocked by', 'blocks'],
      ['Cloners', 'is cloned by', 'clones'],
      ['Duplicate', 'is duplicated by', 'duplicates'],
      ['Relates', 'relates to', 'relates to'],
    ] as const) {
      const id = this.ids.nextString('linktype');
      this.linkTypes.set(id, { id, name, inward, outward });
    }
    this.screens.set(1, {
      id: 1,
      name: 'Default Screen',
      description: '',
      tabs: [
        {
          id: this.ids.next('tab'),
          name: 'Field Tab',
          fieldIds: ['summary', 'description', 'labels', 'assignee'],
        },
      ],
    });
    this.ids.next('screen');
    this.screenSchemes.set(1, {
      id: 1,
      name: 'Default Screen Scheme',
      description: '',
      screens: { default: 1 },
    });
    this.ids.next('screenscheme');
    this.issueTypeScreenSchemes.set('1', {
      id: '1',
      name: 'Default Issue Type Screen Scheme',
      description: '',
      mappings: [{ issueTypeId: 'default', screenSchemeId: '1' }],
    });
    this.ids.next('issuetypescreenscheme');
  }
}
