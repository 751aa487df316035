/**
 * What the use cases need from Jira, in Jira's own terms (REST v3). Implemented by adapters over `@forge/api`
 * (asApp / asUser) and over plain HTTP (site URL + API token); in tests, by the simulator behind those adapters.
 * Responses are parsed (loosely: Jira adds members) by the adapter; fields stay `unknown` until a use case maps them.
 */

/** An issue as Jira returns it: fields by field id (`customfield_10020`), properties by key. */
export interface JiraIssue {
  readonly id: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * Jira refused a search's JQL (400): it is not valid, or names a field, value or project the caller cannot see.
 * `jiraMessages` are Jira's own words, for the person who wrote the query, never for logs.
 */
export class JqlRejectedError extends Error {
  override readonly name = 'JqlRejectedError';

  constructor(readonly jiraMessages: readonly string[]) {
    super('Jira refused the JQL query (400)');
  }
}

export interface SearchPage {
  readonly issues: readonly JiraIssue[];
  readonly nextPageToken: string | null;
  readonly isLast: boolean;
}

export interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly active: boolean;
  /** `atlassian` for a person, `app` for an app's account, `customer` for a JSM portal customer; absent if unsaid. */
  readonly accountType?: string;
}

export interface JiraTransition {
  readonly id: string;
  readonly name: string;
  readonly toStatusId: string;
  readonly toStatusName: string;
}

/** An Atlassian Document Format document (validated against @atlaskit/adf-schema in tests). */
export interface AdfDocument {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly unknown[];
}

export interface WriteOnceOptions {
  /** A caller-chosen key for the effect, e.g. the lifecycle action key `10001:remind-75:2026-09-02`. */
  readonly idempotencyKey?: string;
}

export interface IssuesPort {
  getIssue(
    issueIdOrKey: string,
    options: { fields: readonly string[]; properties: readonly string[] },
  ): Promise<JiraIssue>;
  /** One page of a bounded JQL search (POST /rest/api/3/search/jql). */
  search(
    jql: string,
    options: {
      fields: readonly string[];
      properties: readonly string[];
      maxResults: number;
      nextPageToken?: string;
    },
  ): Promise<SearchPage>;
  /**
   * With an idempotency key, at most one issue is created per key (the adapter marks the issue and looks for the
   * mark before creating and after an ambiguous failure); without one, a retry still never duplicates the issue.
   */
  createIssue(
    fields: Readonly<Record<string, unknown>>,
    options?: WriteOnceOptions,
  ): Promise<{ id: string; key: string }>;
  getTransitions(issueIdOrKey: string): Promise<JiraTransition[]>;
  transitionIssue(
    issueIdOrKey: string,
    transitionId: string,
    options?: { fields?: Readonly<Record<string, unknown>>; comment?: AdfDocument },
  ): Promise<void>;
  /** With an idempotency key, at most one comment is added per key and issue (see createIssue). */
  addComment(issueIdOrKey: string, body: AdfDocument, options?: WriteOnceOptions): Promise<{ id: string }>;
  getIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<unknown>;
  setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void>;
  linkIssues(linkTypeName: string, inwardIssueKey: string, outwardIssueKey: string): Promise<void>;
}

export interface DirectoryPort {
  /** The caller: the acting user under asUser, the app's own account under asApp. */
  myself(): Promise<JiraUser>;
  /** null when Jira has no such user (deleted accounts answer 404). */
  getUser(accountId: string): Promise<JiraUser | null>;
  /** Names of the groups the user belongs to. */
  groupsOf(accountId: string): Promise<string[]>;
  /** Whether the user may browse the issue (Browse projects on its project and its security level). */
  canBrowseIssue(accountId: string, issueKey: string): Promise<boolean>;
  /** Whether the caller holds the global ADMINISTER permission (Jira admin). */
  callerIsJiraAdmin(): Promise<boolean>;
}

/**
 * One item of a change history: a field's value before and after, ids in from/to and display text in
 * fromText/toText (Jira's `fromString`/`toString`; renamed, as `toString` would shadow Object's method).
 */
export interface ChangeItem {
  readonly fieldId: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly fromText: string | null;
  readonly toText: string | null;
}

/** One change history of an issue: who changed what, when (an ISO instant). */
export interface ChangeHistory {
  readonly id: string;
  readonly at: string;
  /** null when Jira names no author (an anonymous or deleted actor). */
  readonly authorAccountId: string | null;
  readonly items: readonly ChangeItem[];
}

export interface ChangelogPort {
  /** The issue's change histories touching `fieldIds` (e.g. `status`), oldest first, every page. */
  getChangelog(issueIdOrKey: string, fieldIds: readonly string[]): Promise<ChangeHistory[]>;
}

/**
 * Which projects the caller may browse. A JQL query as a user that names a project they may not browse is refused
 * whole (400, "does not exist for the field 'project'"), so a reader as the user asks first and names only those.
 */
export interface ProjectBrowsingPort {
  /** Whether the caller holds Browse projects on the project (false for a project Jira does not show them). */
  callerCanBrowseProject(projectKey: string): Promise<boolean>;
}
