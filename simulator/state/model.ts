/** The simulator's in-memory entities. Values are stored the way the simulator needs them, not as Jira renders them. */

export type StatusCategoryKey = 'TODO' | 'IN_PROGRESS' | 'DONE';

export interface SimUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  active: boolean;
  accountType: 'atlassian' | 'app';
  /** API tokens accepted in `Authorization: Basic base64(email:token)`. */
  apiTokens: string[];
  /** Site admins hold the global ADMINISTER permission and browse every project. */
  siteAdmin: boolean;
  /**
   * False for an admin whose Browse projects comes from groups like anyone's (Jira's Administer Jira permission
   * does not itself grant Browse projects); absent: a site admin browses every project.
   */
  browsesEveryProject?: boolean;
  timeZone: string;
}

export interface SimGroup {
  groupId: string;
  name: string;
  members: Set<string>;
}

/**
 * An issue security level: only members of its groups (and the app) see an issue that carries it, whatever the
 * project's browse permission says. Jira also lets a level name roles and the reporter; groups are enough to
 * prove the app never shows a secured issue to someone outside the level.
 */
export interface SimSecurityLevel {
  id: string;
  name: string;
  description: string;
  /** Names of the groups whose members may see issues at this level. */
  groups: string[];
}

export interface SimProject {
  id: string;
  key: string;
  name: string;
  projectTypeKey: 'software' | 'business' | 'service_desk';
  leadAccountId: string | undefined;
  /** 'everyone' (any logged-in user) or the names of the groups holding Browse projects. */
  browse: 'everyone' | string[];
  /** Names of the groups holding Administer projects. */
  administerGroups: string[];
  issueTypeSchemeId: string;
  workflowSchemeId: string;
  issueTypeScreenSchemeId: string;
  nextIssueNumber: number;
}

export interface SimIssueType {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
}

export interface SimIssueTypeScheme {
  id: string;
  name: string;
  description: string;
  defaultIssueTypeId: string | undefined;
  issueTypeIds: string[];
  isDefault: boolean;
}

export interface SimStatus {
  id: string;
  name: string;
  description: string;
  statusCategory: StatusCategoryKey;
  scope: { type: 'GLOBAL' } | { type: 'PROJECT'; projectId: string };
}

/** How the simulator reads and writes a field's values. */
export type FieldValueKind =
  'string' | 'adf' | 'number' | 'date' | 'datetime' | 'user' | 'option' | 'options' | 'labels' | 'any';

export interface SimField {
  id: string;
  key: string;
  name: string;
  description: string;
  custom: boolean;
  /** Jira's JsonTypeBean: {type, items?, system?, custom?, customId?}. */
  schema: { type: string; items?: string; system?: string; custom?: string; customId?: number };
  searcherKey: string | undefined;
  kind: FieldValueKind;
  /** Fields such as status, project or created that an edit cannot set. */
  editable: boolean;
  navigable: boolean;
  clauseNames: string[];
}

export interface SimFieldOption {
  id: string;
  value: string;
  disabled: boolean;
  optionId: string | undefined;
}

export interface SimFieldContext {
  id: string;
  fieldId: string;
  name: string;
  description: string;
  projectIds: string[];
  issueTypeIds: string[];
  options: SimFieldOption[];
}

export interface SimComment {
  id: string;
  authorAccountId: string;
  body: unknown;
  created: string;
  updated: string;
  visibility: unknown;
  /** Comment properties (set with the comment's `properties` on create, or PUT /comment/{id}/properties/{key}). */
  properties?: Map<string, unknown>;
}

export interface SimChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface SimChangeHistory {
  id: string;
  authorAccountId: string;
  created: string;
  items: SimChangeItem[];
}

export interface SimIssueLink {
  id: string;
  typeId: string;
  inwardIssueId: string;
  outwardIssueId: string;
}

export interface SimIssueLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface SimAttachment {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  authorAccountId: string;
  created: string;
}

export interface SimIssue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  workflowId: string;
  reporterAccountId: string | null;
  creatorAccountId: string;
  created: string;
  updated: string;
  /** Editable field values in stored form (see issues/field-values.ts), keyed by field id. */
  fields: Map<string, unknown>;
  properties: Map<string, unknown>;
  comments: SimComment[];
  changelog: SimChangeHistory[];
  attachments: SimAttachment[];
  /** The issue's security level (SimSecurityLevel id), when it has one. */
  securityLevelId?: string;
}

export type RuleConfiguration = { id: string; ruleKey: string; parameters: Record<string, string> };

export interface ConditionGroup {
  operation: 'ALL' | 'ANY';
  conditions: RuleConfiguration[];
  conditionGroups: ConditionGroup[];
}

export interface SimTransition {
  id: string;
  name: string;
  description: string;
  type: 'INITIAL' | 'GLOBAL' | 'DIRECTED';
  toStatusReference: string;
  links: { fromStatusReference: string | null; fromPort?: number; toPort?: number }[];
  validators: RuleConfiguration[];
  actions: RuleConfiguration[];
  conditions: ConditionGroup | undefined;
  /** `system:transition-screen` with parameters.screenId; stored and rendered, not enforced. */
  transitionScreen?: RuleConfiguration | undefined;
  properties: Record<string, string>;
}

export interface SimWorkflowStatus {
  statusReference: string;
  statusId: string;
  properties: Record<string, string>;
}

export interface SimWorkflow {
  id: string;
  name: string;
  description: string;
  scope: { type: 'GLOBAL' } | { type: 'PROJECT'; projectId: string };
  statuses: SimWorkflowStatus[];
  transitions: SimTransition[];
  created: string;
  updated: string;
  versionId: string;
}

export interface SimWorkflowScheme {
  id: number;
  name: string;
  description: string;
  defaultWorkflow: string;
  /** issue type id → workflow name */
  issueTypeMappings: Record<string, string>;
}

export interface SimScreenTab {
  id: number;
  name: string;
  fieldIds: string[];
}

export interface SimScreen {
  id: number;
  name: string;
  description: string;
  tabs: SimScreenTab[];
}

export interface SimScreenScheme {
  id: number;
  name: string;
  description: string;
  screens: { default: number; create?: number; edit?: number; view?: number };
}

export interface SimIssueTypeScreenScheme {
  id: string;
  name: string;
  description: string;
  /** issue type id (or "default") → screen scheme id */
  mappings: { issueTypeId: string; screenSchemeId: string }[];
}
