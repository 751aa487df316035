/**
 * What one-click setup needs from Jira's administration APIs (REST v3), in Jira's own terms: custom fields with
 * their contexts and options, issue types and issue type schemes, statuses, workflows (created through
 * `POST /rest/api/3/workflows/create`, Forge rules found through `GET /rest/api/3/workflows/capabilities`),
 * workflow schemes, screens with tabs and fields, screen schemes and issue type screen schemes, and groups.
 *
 * Ids are strings throughout (Jira mixes numbers and strings; the adapter converts). Lists are complete: the
 * adapter reads every page. Creates are sent once; a create whose answer is lost fails, and the caller finds out
 * by looking again (setup discovers everything by name, so repeating a step never duplicates an object).
 */

export type StatusCategory = 'TODO' | 'IN_PROGRESS' | 'DONE';

export interface ProjectSummary {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  /** Team-managed ("next-gen", simplified) projects keep their own workflows and fields. */
  readonly teamManaged: boolean;
  readonly issueTypeIds: readonly string[];
}

// ---- fields ---------------------------------------------------------------------------------------------------

export interface CustomField {
  /** `customfield_10020` */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The field type key (`schema.custom`), e.g. `com.atlassian.jira.plugin.system.customfieldtypes:select`. */
  readonly type: string | null;
}

export interface NewCustomField {
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly searcherKey: string;
}

export interface FieldContext {
  readonly id: string;
  readonly name: string;
  readonly isGlobalContext: boolean;
  readonly isAnyIssueType: boolean;
}

export interface NewFieldContext {
  readonly name: string;
  readonly description: string;
  readonly projectIds: readonly string[];
  readonly issueTypeIds: readonly string[];
}

export interface FieldOption {
  readonly id: string;
  readonly value: string;
  readonly disabled: boolean;
}

export interface FieldsConfiguration {
  /** Every custom field of the site. */
  listCustomFields(): Promise<CustomField[]>;
  createCustomField(field: NewCustomField): Promise<CustomField>;
  listFieldContexts(fieldId: string): Promise<FieldContext[]>;
  createFieldContext(fieldId: string, context: NewFieldContext): Promise<FieldContext>;
  listFieldOptions(fieldId: string, contextId: string): Promise<FieldOption[]>;
  createFieldOptions(fieldId: string, contextId: string, values: readonly string[]): Promise<FieldOption[]>;
}

// ---- issue types ----------------------------------------------------------------------------------------------

export interface IssueType {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly subtask: boolean;
}

export interface IssueTypeScheme {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly isDefault: boolean;
  readonly defaultIssueTypeId: string | null;
}

export interface NewIssueTypeScheme {
  readonly name: string;
  readonly description: string;
  readonly issueTypeIds: readonly string[];
  readonly defaultIssueTypeId: string | null;
}

export interface IssueTypesConfiguration {
  listIssueTypes(): Promise<IssueType[]>;
  /** A standard (not sub-task) issue type. */
  createIssueType(issueType: { readonly name: string; readonly description: string }): Promise<IssueType>;
  listIssueTypeSchemes(): Promise<IssueTypeScheme[]>;
  createIssueTypeScheme(scheme: NewIssueTypeScheme): Promise<{ id: string }>;
  getIssueTypeSchemeOfProject(projectId: string): Promise<IssueTypeScheme | null>;
  /** The issue type ids of a scheme. */
  listIssueTypeSchemeMembers(schemeId: string): Promise<string[]>;
  addIssueTypesToScheme(schemeId: string, issueTypeIds: readonly string[]): Promise<void>;
  assignIssueTypeScheme(schemeId: string, projectId: string): Promise<void>;
}

// ---- statuses and workflows -----------------------------------------------------------------------------------

export interface JiraStatus {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly statusCategory: StatusCategory;
}

export interface NewStatus {
  readonly name: string;
  readonly description: string;
  readonly statusCategory: StatusCategory;
}

/** Jira's WorkflowRuleConfiguration: a validator, post function, condition or transition screen. */
export interface WorkflowRule {
  /** A UUID the creator mints (FORGE_NOTES §16: rules without one are reported to fail validation). */
  readonly id?: string;
  readonly ruleKey: string;
  readonly parameters: Readonly<Record<string, string>>;
}

export interface WorkflowConditionGroup {
  readonly operation: 'ALL' | 'ANY';
  readonly conditions: readonly WorkflowRule[];
  readonly conditionGroups: readonly WorkflowConditionGroup[];
}

export interface WorkflowTransition {
  /** Unique in the workflow; the SPEC example numbers them "1" (the initial one), "11", "21", … */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly type: 'INITIAL' | 'GLOBAL' | 'DIRECTED';
  readonly toStatusReference: string;
  /** The statuses the transition starts from; none for the initial transition. */
  readonly links: readonly { readonly fromStatusReference: string }[];
  readonly validators: readonly WorkflowRule[];
  /** Post functions. */
  readonly actions: readonly WorkflowRule[];
  readonly conditions: WorkflowConditionGroup | null;
  readonly transitionScreen: WorkflowRule | null;
}

/** POST /rest/api/3/workflows/create for one global workflow over existing statuses. */
export interface NewWorkflow {
  readonly name: string;
  readonly description: string;
  readonly statuses: readonly {
    readonly statusReference: string;
    readonly id: string;
    readonly name: string;
    readonly statusCategory: StatusCategory;
  }[];
  readonly transitions: readonly WorkflowTransition[];
}

export interface Workflow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly statuses: readonly {
    readonly statusReference: string;
    readonly statusId: string;
    readonly name: string;
  }[];
  readonly transitions: readonly WorkflowTransition[];
}

/** One finding of `POST /rest/api/3/workflows/create/validation` (Jira's WorkflowValidationError). */
export interface WorkflowValidationProblem {
  readonly level: 'ERROR' | 'WARNING';
  /** Jira's own words, e.g. "You must use a unique status name." */
  readonly message: string;
  /** Jira's code, e.g. NON_UNIQUE_STATUS_NAME; '' when none. */
  readonly code: string;
  /** What it is about, e.g. `transition 21`, `rule <id>`, `status <reference>`; '' when the whole request. */
  readonly element: string;
}

/** A Forge app's workflow rule as `GET /workflows/capabilities` reports it. */
export interface ForgeRule {
  /** The module's extension ARI: ari:cloud:ecosystem::extension/{appId}/{environmentId}/static/{moduleKey} */
  readonly id: string;
  readonly ruleKey: string;
  readonly ruleType: string;
  readonly name: string;
}

export interface WorkflowScheme {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly defaultWorkflow: string | null;
  /** Issue type id → workflow name. */
  readonly issueTypeMappings: Readonly<Record<string, string>>;
}

export interface NewWorkflowScheme {
  readonly name: string;
  readonly description: string;
  readonly defaultWorkflow: string | null;
  readonly issueTypeMappings: Readonly<Record<string, string>>;
}

export interface WorkflowsConfiguration {
  /** Statuses whose name contains `searchString` (Jira matches case-insensitively, partially). */
  searchStatuses(searchString: string): Promise<JiraStatus[]>;
  createStatuses(statuses: readonly NewStatus[]): Promise<JiraStatus[]>;
  readWorkflowsByName(names: readonly string[]): Promise<Workflow[]>;
  /** Jira's verdict on a create request, without creating anything: the errors and warnings it would raise. */
  validateWorkflow(workflow: NewWorkflow): Promise<WorkflowValidationProblem[]>;
  createWorkflow(workflow: NewWorkflow): Promise<Workflow>;
  /** The Forge rules the site offers for the workflow a project uses for an issue type. */
  listForgeRules(where: { readonly projectId: string; readonly issueTypeId: string }): Promise<ForgeRule[]>;
  listWorkflowSchemes(): Promise<WorkflowScheme[]>;
  createWorkflowScheme(scheme: NewWorkflowScheme): Promise<WorkflowScheme>;
  getWorkflowSchemeOfProject(projectId: string): Promise<WorkflowScheme | null>;
  assignWorkflowScheme(schemeId: string, projectId: string): Promise<void>;
}

// ---- screens --------------------------------------------------------------------------------------------------

export interface Screen {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface ScreenTab {
  readonly id: string;
  readonly name: string;
}

export interface ScreenTypes {
  readonly default: string;
  readonly create?: string;
  readonly edit?: string;
  readonly view?: string;
}

export interface ScreenScheme {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly screens: Partial<ScreenTypes>;
}

export interface IssueTypeScreenScheme {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/** Issue type id, or `default` for every issue type without its own mapping. */
export interface IssueTypeScreenSchemeMapping {
  readonly issueTypeId: string;
  readonly screenSchemeId: string;
}

export interface ScreensConfiguration {
  /** Screens whose name contains `queryString`. */
  searchScreens(queryString: string): Promise<Screen[]>;
  createScreen(screen: { readonly name: string; readonly description: string }): Promise<Screen>;
  listScreenTabs(screenId: string): Promise<ScreenTab[]>;
  createScreenTab(screenId: string, name: string): Promise<ScreenTab>;
  /** Field ids on a tab. */
  listScreenTabFields(screenId: string, tabId: string): Promise<string[]>;
  addScreenTabField(screenId: string, tabId: string, fieldId: string): Promise<void>;
  listScreenSchemes(): Promise<ScreenScheme[]>;
  createScreenScheme(scheme: {
    readonly name: string;
    readonly description: string;
    readonly screens: ScreenTypes;
  }): Promise<{ id: string }>;
  listIssueTypeScreenSchemes(): Promise<IssueTypeScreenScheme[]>;
  createIssueTypeScreenScheme(scheme: {
    readonly name: string;
    readonly description: string;
    readonly issueTypeMappings: readonly IssueTypeScreenSchemeMapping[];
  }): Promise<{ id: string }>;
  listIssueTypeScreenSchemeMappings(schemeId: string): Promise<IssueTypeScreenSchemeMapping[]>;
  getIssueTypeScreenSchemeOfProject(projectId: string): Promise<IssueTypeScreenScheme | null>;
  assignIssueTypeScreenScheme(schemeId: string, projectId: string): Promise<void>;
}

// ---- groups ---------------------------------------------------------------------------------------------------

/** A Jira group: workflow rules name groups by `groupId`, the policy by name. */
export interface JiraGroup {
  readonly groupId: string;
  readonly name: string;
}

export interface GroupsConfiguration {
  /**
   * The groups among `names` that exist, each with its id (`GET /rest/api/3/group/bulk`). A name is matched
   * exactly, as the app's validator matches the acting user's groups; a group Jira reports without an id is left
   * out (no rule can name it).
   */
  findGroupsByName(names: readonly string[]): Promise<JiraGroup[]>;
}

export interface ConfigurationPort
  extends
    FieldsConfiguration,
    IssueTypesConfiguration,
    WorkflowsConfiguration,
    ScreensConfiguration,
    GroupsConfiguration {
  /** null when the project does not exist or the caller may not see it. */
  getProject(projectKey: string): Promise<ProjectSummary | null>;
}
