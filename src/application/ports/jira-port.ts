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
  /**
   * Asked for with `expand: ['changelog']`: the change histories Jira sent with the issue, oldest first, and
   * whether they are all of them (Jira sends only "recent updates" and says how many there are in all).
   */
  readonly changelog?: { readonly histories: readonly ChangeHistory[]; readonly complete: boolean };
  /** Asked for with `expand: ['transitions']`: the transitions Jira offers the caller from the issue's status. */
  readonly transitions?: readonly JiraTransition[];
}

/** What a search or a bulk read can bring with each issue besides its fields and properties. */
export type IssueExpansion = 'changelog' | 'transitions';

/** Jira refused to add a comment through an issue edit (the site's edit screen or the issue's status forbids it). */
export class CommentOnEditRefusedError extends Error {
  override readonly name = 'CommentOnEditRefusedError';

  constructor(readonly status: number) {
    super(`Jira refused a comment sent with an issue edit (${status})`);
  }
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

export interface CreateIssueOptions extends WriteOnceOptions {
  /** Issue properties written in the create request itself, so the issue never exists without them. */
  readonly properties?: Readonly<Record<string, unknown>>;
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
      expand?: readonly IssueExpansion[];
    },
  ): Promise<SearchPage>;
  /**
   * With an idempotency key, at most one issue is created per key (the adapter marks the issue and looks for the
   * mark before creating and after an ambiguous failure); without one, a retry still never duplicates the issue.
   */
  createIssue(
    fields: Readonly<Record<string, unknown>>,
    options?: CreateIssueOptions,
  ): Promise<{ id: string; key: string }>;
  getTransitions(issueIdOrKey: string): Promise<JiraTransition[]>;
  transitionIssue(
    issueIdOrKey: string,
    transitionId: string,
    options?: {
      fields?: Readonly<Record<string, unknown>>;
      comment?: AdfDocument;
      /** Issue properties set by the transition request itself: they change if and only if the status does. */
      properties?: Readonly<Record<string, unknown>>;
    },
  ): Promise<void>;
  /** With an idempotency key, at most one comment is added per key and issue (see createIssue). */
  addComment(issueIdOrKey: string, body: AdfDocument, options?: WriteOnceOptions): Promise<{ id: string }>;
  /**
   * A comment and issue properties in ONE edit request (PUT /issue, `update.comment`), so both land or neither:
   * the properties are the record that the comment was written. At most once: after a lost answer the adapter
   * reads the properties back before sending again. Throws CommentOnEditRefusedError when Jira refuses the
   * comment in an edit (then nothing was written).
   */
  commentWithProperties(
    issueIdOrKey: string,
    body: AdfDocument,
    properties: Readonly<Record<string, unknown>>,
  ): Promise<void>;
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

/** Many issues in one request each, for the sweep: what it would otherwise read issue by issue. */
export interface BulkReadPort {
  /** The issues of `issueIdsOrKeys` (at most 100) the caller may see; missing or hidden ones are left out. */
  getIssues(
    issueIdsOrKeys: readonly string[],
    options: { fields: readonly string[]; properties: readonly string[]; expand?: readonly IssueExpansion[] },
  ): Promise<JiraIssue[]>;
  /** The change histories touching `fieldIds` of each issue of `issueIds` (at most 1000), oldest first, by issue id. */
  getChangelogs(
    issueIds: readonly string[],
    fieldIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly ChangeHistory[]>>;
}

/**
 * Which projects the caller may browse. A JQL query as a user that names a project they may not browse is refused
 * whole (400, "does not exist for the field 'project'"), so a reader as the user asks first and names only those.
 */
export interface ProjectBrowsingPort {
  /** Whether the caller holds Browse projects on the project (false for a project Jira does not show them). */
  callerCanBrowseProject(projectKey: string): Promise<boolean>;
}
