/**
 * The application's Jira ports over Jira Cloud REST v3, for any JiraFetcher: `api.asApp()` / `api.asUser()` in
 * Forge, the plain-HTTP fetcher from the command line and in tests against the simulator. Each call is written
 * with a literal `route` and method so Forge's linter can check its scope; every answer is parsed loosely with
 * zod; failures surface as the typed errors of jira-errors.ts, naming the endpoint template, never the issue.
 *
 * Repeating a call: reads and PUTs are safe to repeat, and so is `POST /issueLink` (Jira reports a duplicate link
 * as created and does not store it twice). The other POSTs must happen once, and a 5xx or a lost answer leaves
 * them ambiguous; the client then looks at Jira before sending again (write-once.ts):
 * - a comment or an issue carries an idempotency marker (a comment property / issue property written in the
 *   same request), and the client looks for the marker;
 * - a transition is refused by Jira from any status but its source, so the client re-reads the issue's status
 *   and the transitions offered from it;
 * - an edit that adds a comment and sets issue properties carries fresh property values, so the client reads the
 *   properties back.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { route } from '@forge/api';
import { z } from 'zod';
import {
  CommentOnEditRefusedError,
  JqlRejectedError,
  type IssueExpansion,
  type AdfDocument,
  type BulkReadPort,
  type ChangeHistory,
  type ChangelogPort,
  type CreateIssueOptions,
  type DirectoryPort,
  type IssuesPort,
  type JiraIssue,
  type JiraTransition,
  type JiraUser,
  type SearchPage,
  type WriteOnceOptions,
} from '../../application/ports/jira-port';
import type { JiraFetcher, JiraResponse } from './jira-fetcher';
import {
  BulkChangelogSchema,
  BulkIssuesSchema,
  type ChangeHistorySchema,
  CommentSchema,
  CreatedIssueSchema,
  EntityPropertySchema,
  GroupNamesSchema,
  IdempotencyMarkerSchema,
  IssueBeanSchema,
  MyPermissionsSchema,
  PageOfCommentsSchema,
  SearchResultsSchema,
  TransitionsSchema,
  UserSchema,
  UsersSchema,
} from './jira-schemas';
import { JiraHttpError } from './jira-errors';
import { ensureOk, readJson } from './read-json';
import { sendWithRetries, type RetryPolicy, type RetryStats } from './send-with-retries';
import { emptyWriteOnceStats, writeOnce, type Recovery, type WriteOnceStats } from './write-once';

/** The comment / issue property that carries a write's idempotency key. */
export const IDEMPOTENCY_PROPERTY_KEY = 'security-exceptions-idempotency';

/** How far back the recovery search looks for an issue created under an idempotency key. */
const RECENTLY_CREATED = '-1d';
/** Pages of 100 the recovery search reads before it gives up (and so refuses to create blindly). */
const MAX_RECOVERY_SEARCH_PAGES = 10;
const COMMENT_PAGE_SIZE = 100;
/** Comment markers a client keeps (JiraRestClient.knownMarkers); far more than one invocation writes or reads. */
const MAX_KNOWN_MARKERS = 10_000;

const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const SEARCH = 'POST /rest/api/3/search/jql';
const CREATE_ISSUE = 'POST /rest/api/3/issue';
const GET_TRANSITIONS = 'GET /rest/api/3/issue/{issueIdOrKey}/transitions';
const DO_TRANSITION = 'POST /rest/api/3/issue/{issueIdOrKey}/transitions';
const ADD_COMMENT = 'POST /rest/api/3/issue/{issueIdOrKey}/comment';
const GET_COMMENTS = 'GET /rest/api/3/issue/{issueIdOrKey}/comment';
const GET_COMMENT_PROPERTY = 'GET /rest/api/3/comment/{commentId}/properties/{propertyKey}';
const GET_ISSUE_PROPERTY = 'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const SET_ISSUE_PROPERTY = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const LINK_ISSUES = 'POST /rest/api/3/issueLink';
const MYSELF = 'GET /rest/api/3/myself';
const GET_USER = 'GET /rest/api/3/user';
const USERS_WHO_BROWSE = 'GET /rest/api/3/user/viewissue/search';
const GET_USER_GROUPS = 'GET /rest/api/3/user/groups';
const MY_PERMISSIONS = 'GET /rest/api/3/mypermissions';
const BULK_CHANGELOG = 'POST /rest/api/3/changelog/bulkfetch';
const BULK_ISSUES = 'POST /rest/api/3/issue/bulkfetch';
const EDIT_ISSUE = 'PUT /rest/api/3/issue/{issueIdOrKey}';
/** Issues per POST /rest/api/3/issue/bulkfetch, and issues per changelog bulk fetch (the document's limits). */
export const MAX_BULK_ISSUES = 100;
export const MAX_BULK_CHANGELOG_ISSUES = 1000;
/** Pages of change histories read before giving up (1000 a page: far beyond any exception's life). */
const MAX_CHANGELOG_PAGES = 20;

/** What the client did, for benchmarks and the fault-injection figures. Calls = attempts − retries. */
export interface JiraClientStats extends RetryStats, WriteOnceStats {}

export const emptyJiraClientStats = (): JiraClientStats => ({
  attempts: 0,
  retries: 0,
  waitedMs: 0,
  ...emptyWriteOnceStats(),
});

const StatusFieldSchema = z.looseObject({ status: z.looseObject({ id: z.string() }) });

/** Project keys and ids as Jira has them; anything else is not placed into JQL. */
const PROJECT_REFERENCE = /^[A-Za-z][A-Za-z0-9_]*$|^\d+$/;

/** The `project = "…"` clause for the fields of an issue to create, or undefined when they name no usable project. */
const projectClause = (fields: Readonly<Record<string, unknown>>): string | undefined => {
  const project = z
    .looseObject({ key: z.string().optional(), id: z.string().optional() })
    .safeParse(fields.project);
  const reference = project.success ? (project.data.key ?? project.data.id) : undefined;
  return reference !== undefined && PROJECT_REFERENCE.test(reference)
    ? `project = "${reference}"`
    : undefined;
};

const markerOf = (value: unknown): string | undefined => {
  const marker = IdempotencyMarkerSchema.safeParse(value);
  return marker.success ? marker.data.idempotencyKey : undefined;
};

const toUser = (user: z.infer<typeof UserSchema>): JiraUser => ({
  accountId: user.accountId,
  displayName: user.displayName ?? '',
  active: user.active,
  ...(user.accountType === undefined ? {} : { accountType: user.accountType }),
});

/** A change history as the app reads it; undefined when its time is unreadable (it cannot be placed). */
const toChangeHistory = (history: z.infer<typeof ChangeHistorySchema>): ChangeHistory | undefined => {
  const at = Date.parse(history.created);
  if (Number.isNaN(at)) return undefined;
  return {
    id: history.id,
    at: new Date(at).toISOString(),
    authorAccountId: history.author?.accountId ?? null,
    items: (history.items ?? []).map((item) => ({
      fieldId: item.fieldId ?? item.field ?? '',
      from: item.from ?? null,
      to: item.to ?? null,
      fromText: item.fromText ?? null,
      toText: item.toText ?? null,
    })),
  };
};

const toTransition = (
  transition: z.infer<typeof TransitionsSchema>['transitions'] & object,
): JiraTransition[] =>
  transition.map((offered) => ({
    id: offered.id,
    name: offered.name,
    toStatusId: offered.to.id,
    toStatusName: offered.to.name,
  }));

/** The expanded changelog, oldest first (Jira sends the most recent first); complete when `total` says so. */
const toChangelog = (changelog: NonNullable<z.infer<typeof IssueBeanSchema>['changelog']>) => {
  const sent = changelog.histories ?? [];
  const histories = sent
    .map(toChangeHistory)
    .filter((history): history is ChangeHistory => history !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  // A history left out for an unreadable time makes the list incomplete: the caller reads the changelog then.
  const complete = histories.length === sent.length && (changelog.total ?? sent.length) <= sent.length;
  return { histories, complete };
};

const toIssue = (bean: z.infer<typeof IssueBeanSchema>): JiraIssue => ({
  id: bean.id,
  key: bean.key,
  fields: bean.fields ?? {},
  properties: bean.properties ?? {},
  ...(bean.changelog === undefined ? {} : { changelog: toChangelog(bean.changelog) }),
  ...(bean.transitions === undefined ? {} : { transitions: toTransition(bean.transitions) }),
});

/** EntityProperty[] of an IssueUpdateDetails. */
const entityProperties = (properties: Readonly<Record<string, unknown>>) =>
  Object.entries(properties).map(([key, value]) => ({ key, value }));

/** Jira returns only the id of an issue when no field is asked for; `key` makes it return the key too. */
const fieldsParameter = (fields: readonly string[]): string[] =>
  fields.length === 0 ? ['key'] : [...fields];

/** Reads and discards the body of a 404, so the connection is released; true when the answer is 404. */
const isNotFound = async (response: JiraResponse): Promise<boolean> => {
  if (response.status !== 404) return false;
  await response.text();
  return true;
};

export class JiraRestClient implements IssuesPort, DirectoryPort, ChangelogPort, BulkReadPort {
  private callerAccountId: Promise<string> | undefined;
  /**
   * The markers of the comments this client wrote or has read, by comment id: a comment's marker is written with
   * it and never changed by the app, so looking for a marker does not read one it already knows (the sweep's
   * second comment on an issue looks past its first). Bounded: an invocation writes a few hundred at most.
   */
  private readonly knownMarkers = new Map<string, string | undefined>();

  constructor(
    private readonly fetcher: JiraFetcher,
    private readonly policy: RetryPolicy,
    readonly stats: JiraClientStats = emptyJiraClientStats(),
    private readonly newIdempotencyKey: () => string = randomUUID,
  ) {}

  // ---- IssuesPort ------------------------------------------------------------------------------------------

  async getIssue(
    issueIdOrKey: string,
    options: { fields: readonly string[]; properties: readonly string[] },
  ): Promise<JiraIssue> {
    const query = new URLSearchParams({ fields: fieldsParameter(options.fields).join(',') });
    if (options.properties.length > 0) query.set('properties', options.properties.join(','));
    const response = await sendWithRetries(
      GET_ISSUE,
      'safe',
      () => this.fetcher.requestJira(route`/rest/api/3/issue/${issueIdOrKey}?${query}`, { method: 'GET' }),
      this.policy,
      this.stats,
    );
    return toIssue(await readJson(GET_ISSUE, response, IssueBeanSchema));
  }

  async search(
    jql: string,
    options: {
      fields: readonly string[];
      properties: readonly string[];
      maxResults: number;
      nextPageToken?: string;
      expand?: readonly IssueExpansion[];
    },
  ): Promise<SearchPage> {
    const body = JSON.stringify({
      jql,
      fields: fieldsParameter(options.fields),
      properties: options.properties,
      maxResults: options.maxResults,
      // A comma-separated string here, unlike most of Jira's `expand` members.
      ...(options.expand === undefined || options.expand.length === 0
        ? {}
        : { expand: options.expand.join(',') }),
      ...(options.nextPageToken === undefined ? {} : { nextPageToken: options.nextPageToken }),
    });
    const response = await sendWithRetries(
      SEARCH,
      'safe',
      () => this.fetcher.requestJira(route`/rest/api/3/search/jql`, { method: 'POST', body }),
      this.policy,
      this.stats,
    );
    const page = await readJson(SEARCH, response, SearchResultsSchema).catch((error: unknown) => {
      if (error instanceof JiraHttpError && error.status === 400)
        throw new JqlRejectedError(error.jiraMessages);
      throw error;
    });
    const nextPageToken = page.nextPageToken ?? null;
    // Stop on isLast; a page that is not last but carries no token could only be re-read forever, so it ends too.
    const isLast = page.isLast === true || nextPageToken === null;
    return {
      issues: (page.issues ?? []).map(toIssue),
      nextPageToken: isLast ? null : nextPageToken,
      isLast,
    };
  }

  async createIssue(
    fields: Readonly<Record<string, unknown>>,
    options: CreateIssueOptions = {},
  ): Promise<{ id: string; key: string }> {
    const idempotencyKey = options.idempotencyKey ?? this.newIdempotencyKey();
    const project = projectClause(fields);
    if (options.idempotencyKey !== undefined && project !== undefined) {
      const existing = await this.findIssueByMarker(project, idempotencyKey);
      if (existing.outcome === 'applied') return existing.value;
    }
    const body = JSON.stringify({
      fields,
      properties: [
        ...entityProperties(options.properties ?? {}),
        { key: IDEMPOTENCY_PROPERTY_KEY, value: { idempotencyKey } },
      ],
    });
    return writeOnce(
      async () => {
        const response = await sendWithRetries(
          CREATE_ISSUE,
          'once',
          () => this.fetcher.requestJira(route`/rest/api/3/issue`, { method: 'POST', body }),
          this.policy,
          this.stats,
        );
        const created = await readJson(CREATE_ISSUE, response, CreatedIssueSchema);
        return { id: created.id, key: created.key };
      },
      () =>
        project === undefined
          ? Promise.resolve({ outcome: 'unknown' as const })
          : this.findIssueByMarker(project, idempotencyKey),
      this.policy,
      this.stats,
    );
  }

  async getTransitions(issueIdOrKey: string): Promise<JiraTransition[]> {
    const response = await sendWithRetries(
      GET_TRANSITIONS,
      'safe',
      () => this.fetcher.requestJira(route`/rest/api/3/issue/${issueIdOrKey}/transitions`, { method: 'GET' }),
      this.policy,
      this.stats,
    );
    const { transitions = [] } = await readJson(GET_TRANSITIONS, response, TransitionsSchema);
    return toTransition(transitions);
  }

  async transitionIssue(
    issueIdOrKey: string,
    transitionId: string,
    options: {
      fields?: Readonly<Record<string, unknown>>;
      comment?: AdfDocument;
      properties?: Readonly<Record<string, unknown>>;
    } = {},
  ): Promise<void> {
    const body = JSON.stringify({
      transition: { id: transitionId },
      ...(options.fields === undefined ? {} : { fields: options.fields }),
      ...(options.comment === undefined ? {} : { update: { comment: [{ add: { body: options.comment } }] } }),
      ...(options.properties === undefined ? {} : { properties: entityProperties(options.properties) }),
    });
    await writeOnce(
      async () => {
        const response = await sendWithRetries(
          DO_TRANSITION,
          'once',
          () =>
            this.fetcher.requestJira(route`/rest/api/3/issue/${issueIdOrKey}/transitions`, {
              method: 'POST',
              body,
            }),
          this.policy,
          this.stats,
        );
        await ensureOk(DO_TRANSITION, response);
      },
      () => this.transitionRecovery(issueIdOrKey, transitionId),
      this.policy,
      this.stats,
    );
  }

  async addComment(
    issueIdOrKey: string,
    body: AdfDocument,
    options: WriteOnceOptions = {},
  ): Promise<{ id: string }> {
    const idempotencyKey = options.idempotencyKey ?? this.newIdempotencyKey();
    if (options.idempotencyKey !== undefined) {
      const existing = await this.findCommentByMarker(issueIdOrKey, idempotencyKey);
      if (existing.outcome === 'applied') return existing.value;
    }
    const payload = JSON.stringify({
      body,
      properties: [{ key: IDEMPOTENCY_PROPERTY_KEY, value: { idempotencyKey } }],
    });
    return writeOnce(
      async () => {
        const response = await sendWithRetries(
          ADD_COMMENT,
          'once',
          () =>
            this.fetcher.requestJira(route`/rest/api/3/issue/${issueIdOrKey}/comment`, {
              method: 'POST',
              body: payload,
            }),
          this.policy,
          this.stats,
        );
        const comment = await readJson(ADD_COMMENT, response, CommentSchema);
        this.rememberMarker(comment.id, idempotencyKey);
        return { id: comment.id };
      },
      () => this.findCommentByMarker(issueIdOrKey, idempotencyKey),
      this.policy,
      this.stats,
    );
  }

  async commentWithProperties(
    issueIdOrKey: string,
    body: AdfDocument,
    properties: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const payload = JSON.stringify({
      update: { comment: [{ add: { body } }] },
      properties: entityProperties(properties),
    });
    await writeOnce(
      async () => {
        const response = await sendWithRetries(
          EDIT_ISSUE,
          'once',
          () =>
            this.fetcher.requestJira(route`/rest/api/3/issue/${issueIdOrKey}`, {
              method: 'PUT',
              body: payload,
            }),
          this.policy,
          this.stats,
        );
        // 400 (the comment is not editable there: screen, status) or 403 (no edit permission): nothing was written.
        if (response.status === 400 || response.status === 403) {
          await response.text().catch(() => '');
          throw new CommentOnEditRefusedError(response.status);
        }
        await ensureOk(EDIT_ISSUE, response);
      },
      () => this.propertiesRecovery(issueIdOrKey, properties),
      this.policy,
      this.stats,
    );
  }

  /** The property's value, or undefined when the issue has no such property (a missing issue throws 404). */
  async getIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<unknown> {
    const response = await sendWithRetries(
      GET_ISSUE_PROPERTY,
      'safe',
      () =>
        this.fetcher.requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`, {
          method: 'GET',
        }),
      this.policy,
      this.stats,
    );
    if (await isNotFound(response)) {
      // Jira answers 404 both for a missing property and for a missing (or hidden) issue: tell them apart.
      await this.getIssue(issueIdOrKey, { fields: ['key'], properties: [] });
      return undefined;
    }
    return (await readJson(GET_ISSUE_PROPERTY, response, EntityPropertySchema)).value;
  }

  async setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void> {
    const body = JSON.stringify(value);
    const response = await sendWithRetries(
      SET_ISSUE_PROPERTY,
      'safe',
      () =>
        this.fetcher.requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`, {
          method: 'PUT',
          body,
        }),
      this.policy,
      this.stats,
    );
    await ensureOk(SET_ISSUE_PROPERTY, response);
  }

  async linkIssues(linkTypeName: string, inwardIssueKey: string, outwardIssueKey: string): Promise<void> {
    const body = JSON.stringify({
      type: { name: linkTypeName },
      inwardIssue: { key: inwardIssueKey },
      outwardIssue: { key: outwardIssueKey },
    });
    // Safe to repeat: "If the link request duplicates a link, the response indicates that the issue link was
    // created" and the link is not stored twice (POST /rest/api/3/issueLink); no comment is sent with it.
    const response = await sendWithRetries(
      LINK_ISSUES,
      'safe',
      () => this.fetcher.requestJira(route`/rest/api/3/issueLink`, { method: 'POST', body }),
      this.policy,
      this.stats,
    );
    await ensureOk(LINK_ISSUES, response);
  }

  // ---- ChangelogPort ---------------------------------------------------------------------------------------

  /**
   * POST /rest/api/3/changelog/bulkfetch for one issue (FORGE_NOTES §13): oldest first, `fieldIds` filtering the
   * items (≤ 10), pages of up to 1000 followed by `nextPageToken`. A read, so safe to repeat.
   */
  async getChangelog(issueIdOrKey: string, fieldIds: readonly string[]): Promise<ChangeHistory[]> {
    const all = await this.bulkChangelog([issueIdOrKey], fieldIds);
    return [...all.values()].flat();
  }

  /** The same for up to 1000 issues at once, by issue id (the answer names issues by id). */
  async getChangelogs(
    issueIds: readonly string[],
    fieldIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly ChangeHistory[]>> {
    const byIssue = new Map<string, ChangeHistory[]>(issueIds.map((id) => [id, []]));
    for (let start = 0; start < issueIds.length; start += MAX_BULK_CHANGELOG_ISSUES) {
      const part = await this.bulkChangelog(
        issueIds.slice(start, start + MAX_BULK_CHANGELOG_ISSUES),
        fieldIds,
      );
      for (const [issueId, histories] of part) byIssue.get(issueId)?.push(...histories);
    }
    return byIssue;
  }

  private async bulkChangelog(
    issueIdsOrKeys: readonly string[],
    fieldIds: readonly string[],
  ): Promise<Map<string, ChangeHistory[]>> {
    const byIssue = new Map<string, ChangeHistory[]>();
    let nextPageToken: string | undefined;
    for (let page = 0; page < MAX_CHANGELOG_PAGES; page += 1) {
      const body = JSON.stringify({
        issueIdsOrKeys,
        fieldIds,
        maxResults: 1000,
        ...(nextPageToken === undefined ? {} : { nextPageToken }),
      });
      const response = await sendWithRetries(
        BULK_CHANGELOG,
        'safe',
        () => this.fetcher.requestJira(route`/rest/api/3/changelog/bulkfetch`, { method: 'POST', body }),
        this.policy,
        this.stats,
      );
      const result = await readJson(BULK_CHANGELOG, response, BulkChangelogSchema);
      for (const log of result.issueChangeLogs ?? []) {
        const issueId = log.issueId ?? '';
        const histories = byIssue.get(issueId) ?? [];
        byIssue.set(issueId, histories);
        for (const history of log.changeHistories ?? []) {
          const read = toChangeHistory(history);
          if (read !== undefined) histories.push(read); // a history without a readable time cannot be placed
        }
      }
      nextPageToken = result.nextPageToken ?? undefined;
      if (nextPageToken === undefined) return byIssue;
    }
    return byIssue;
  }

  /** POST /rest/api/3/issue/bulkfetch: up to 100 issues a request; missing or hidden ones are issueErrors. */
  async getIssues(
    issueIdsOrKeys: readonly string[],
    options: { fields: readonly string[]; properties: readonly string[]; expand?: readonly IssueExpansion[] },
  ): Promise<JiraIssue[]> {
    const issues: JiraIssue[] = [];
    for (let start = 0; start < issueIdsOrKeys.length; start += MAX_BULK_ISSUES) {
      const body = JSON.stringify({
        issueIdsOrKeys: issueIdsOrKeys.slice(start, start + MAX_BULK_ISSUES),
        fields: fieldsParameter(options.fields),
        properties: options.properties,
        ...(options.expand === undefined || options.expand.length === 0 ? {} : { expand: options.expand }),
      });
      const response = await sendWithRetries(
        BULK_ISSUES,
        'safe',
        () => this.fetcher.requestJira(route`/rest/api/3/issue/bulkfetch`, { method: 'POST', body }),
        this.policy,
        this.stats,
      );
      const page = await readJson(BULK_ISSUES, response, BulkIssuesSchema);
      issues.push(...(page.issues ?? []).map(toIssue));
    }
    return issues;
  }

  // ---- DirectoryPort ---------------------------------------------------------------------------------------

  async myself(): Promise<JiraUser> {
    const response = await sendWithRetries(
      MYSELF,
      'safe',
      () => this.fetcher.requestJira(route`/rest/api/3/myself`, { method: 'GET' }),
      this.policy,
      this.stats,
    );
    const user = toUser(await readJson(MYSELF, response, UserSchema));
    this.callerAccountId ??= Promise.resolve(user.accountId);
    return user;
  }

  async getUser(accountId: string): Promise<JiraUser | null> {
    const response = await sendWithRetries(
      GET_USER,
      'safe',
      () => this.fetcher.requestJira(route`/rest/api/3/user?accountId=${accountId}`, { method: 'GET' }),
      this.policy,
      this.stats,
    );
    if (await isNotFound(response)) return null;
    return toUser(await readJson(GET_USER, response, UserSchema));
  }

  /** A user Jira does not know (404) belongs to no group. */
  async groupsOf(accountId: string): Promise<string[]> {
    const response = await sendWithRetries(
      GET_USER_GROUPS,
      'safe',
      () =>
        this.fetcher.requestJira(route`/rest/api/3/user/groups?accountId=${accountId}`, { method: 'GET' }),
      this.policy,
      this.stats,
    );
    if (await isNotFound(response)) return [];
    const groups = await readJson(GET_USER_GROUPS, response, GroupNamesSchema);
    return groups.flatMap((group) => (group.name === undefined ? [] : [group.name]));
  }

  /**
   * Jira answers the users, among those matching `accountId`, who may browse the issue: the user is in the answer
   * or may not browse it. An issue the app cannot see (404) is browsed by no one the app can vouch for.
   */
  async canBrowseIssue(accountId: string, issueKey: string): Promise<boolean> {
    const response = await sendWithRetries(
      USERS_WHO_BROWSE,
      'safe',
      () =>
        this.fetcher.requestJira(
          route`/rest/api/3/user/viewissue/search?accountId=${accountId}&issueKey=${issueKey}&maxResults=1`,
          { method: 'GET' },
        ),
      this.policy,
      this.stats,
    );
    if (await isNotFound(response)) return false;
    const users = await readJson(USERS_WHO_BROWSE, response, UsersSchema);
    return users.some((user) => user.accountId === accountId);
  }

  async callerIsJiraAdmin(): Promise<boolean> {
    const response = await sendWithRetries(
      MY_PERMISSIONS,
      'safe',
      () =>
        this.fetcher.requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, { method: 'GET' }),
      this.policy,
      this.stats,
    );
    const { permissions } = await readJson(MY_PERMISSIONS, response, MyPermissionsSchema);
    return permissions.ADMINISTER?.havePermission === true;
  }

  /** Jira answers 404 for a project the caller may not see (or that does not exist): no permission there. */
  async callerCanBrowseProject(projectKey: string): Promise<boolean> {
    const response = await sendWithRetries(
      MY_PERMISSIONS,
      'safe',
      () =>
        this.fetcher.requestJira(
          route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=BROWSE_PROJECTS`,
          { method: 'GET' },
        ),
      this.policy,
      this.stats,
    );
    if (await isNotFound(response)) return false;
    const { permissions } = await readJson(MY_PERMISSIONS, response, MyPermissionsSchema);
    return permissions.BROWSE_PROJECTS?.havePermission === true;
  }

  // ---- recovery after ambiguous failures -------------------------------------------------------------------

  /**
   * Whether an edit whose answer was lost took place: its properties were written in the same request, and each
   * value the app writes there is new (a lifecycle carries its revision), so finding them all is finding the edit.
   */
  private async propertiesRecovery(
    issueIdOrKey: string,
    properties: Readonly<Record<string, unknown>>,
  ): Promise<Recovery<void>> {
    for (const [key, value] of Object.entries(properties)) {
      if (!isDeepStrictEqual(await this.getIssueProperty(issueIdOrKey, key), value))
        return { outcome: 'not-applied' };
    }
    return { outcome: 'applied', value: undefined };
  }

  private accountIdOfCaller(): Promise<string> {
    this.callerAccountId ??= this.myself().then(
      (user) => user.accountId,
      (error: unknown) => {
        this.callerAccountId = undefined;
        throw error;
      },
    );
    return this.callerAccountId;
  }

  /**
   * Whether a transition whose answer was lost took place. The caller chose it from the transitions offered, so
   * it was offered from the issue's status then. Still offered now and leading elsewhere: Jira did not move the
   * issue, send it again. No longer offered: the issue left that status, which this request did (or another
   * actor did at the same moment, in which case a repeat would be refused by Jira anyway). Offered and leading to
   * the current status (a looped transition): nothing tells the two cases apart, so the failure stands.
   */
  private async transitionRecovery(issueIdOrKey: string, transitionId: string): Promise<Recovery<void>> {
    const [offered, issue] = await Promise.all([
      this.getTransitions(issueIdOrKey),
      this.getIssue(issueIdOrKey, { fields: ['status'], properties: [] }),
    ]);
    const transition = offered.find((candidate) => candidate.id === transitionId);
    if (transition === undefined) return { outcome: 'applied', value: undefined };
    const status = StatusFieldSchema.safeParse(issue.fields);
    if (!status.success || status.data.status.id === transition.toStatusId) return { outcome: 'unknown' };
    return { outcome: 'not-applied' };
  }

  /** The caller's comment on the issue carrying the idempotency key, newest first. */
  private async findCommentByMarker(
    issueIdOrKey: string,
    idempotencyKey: string,
  ): Promise<Recovery<{ id: string }>> {
    const caller = await this.accountIdOfCaller();
    for (let startAt = 0; ;) {
      const query = new URLSearchParams({
        orderBy: '-created',
        startAt: String(startAt),
        maxResults: String(COMMENT_PAGE_SIZE),
      });
      const response = await sendWithRetries(
        GET_COMMENTS,
        'safe',
        () =>
          this.fetcher.requestJira(route`/rest/api/3/issue/${issueIdOrKey}/comment?${query}`, {
            method: 'GET',
          }),
        this.policy,
        this.stats,
      );
      const page = await readJson(GET_COMMENTS, response, PageOfCommentsSchema);
      for (const comment of page.comments) {
        if (comment.author?.accountId !== caller) continue;
        if ((await this.commentMarker(comment.id)) === idempotencyKey) {
          return { outcome: 'applied', value: { id: comment.id } };
        }
      }
      startAt += page.comments.length;
      if (page.comments.length === 0 || startAt >= page.total) return { outcome: 'not-applied' };
    }
  }

  private rememberMarker(commentId: string, marker: string | undefined): void {
    if (this.knownMarkers.size >= MAX_KNOWN_MARKERS) this.knownMarkers.clear();
    this.knownMarkers.set(commentId, marker);
  }

  private async commentMarker(commentId: string): Promise<string | undefined> {
    if (this.knownMarkers.has(commentId)) return this.knownMarkers.get(commentId);
    const propertyKey = IDEMPOTENCY_PROPERTY_KEY;
    const response = await sendWithRetries(
      GET_COMMENT_PROPERTY,
      'safe',
      () =>
        this.fetcher.requestJira(route`/rest/api/3/comment/${commentId}/properties/${propertyKey}`, {
          method: 'GET',
        }),
      this.policy,
      this.stats,
    );
    const marker = (await isNotFound(response))
      ? undefined
      : markerOf((await readJson(GET_COMMENT_PROPERTY, response, EntityPropertySchema)).value);
    this.rememberMarker(commentId, marker);
    return marker;
  }

  /**
   * The issue created recently in the project under the idempotency key. Jira's search index can lag a write by
   * a moment (writeOnce waits before asking); a search that cannot be completed answers 'unknown', never 'absent'.
   */
  private async findIssueByMarker(
    project: string,
    idempotencyKey: string,
  ): Promise<Recovery<{ id: string; key: string }>> {
    const jql = `${project} AND created >= "${RECENTLY_CREATED}" ORDER BY created DESC`;
    let nextPageToken: string | undefined;
    for (let page = 0; page < MAX_RECOVERY_SEARCH_PAGES; page += 1) {
      const result = await this.search(jql, {
        fields: ['key'],
        properties: [IDEMPOTENCY_PROPERTY_KEY],
        maxResults: 100,
        ...(nextPageToken === undefined ? {} : { nextPageToken }),
      });
      const found = result.issues.find(
        (issue) => markerOf(issue.properties[IDEMPOTENCY_PROPERTY_KEY]) === idempotencyKey,
      );
      if (found !== undefined) return { outcome: 'applied', value: { id: found.id, key: found.key } };
      if (result.isLast || result.nextPageToken === null) return { outcome: 'not-applied' };
      nextPageToken = result.nextPageToken;
    }
    return { outcome: 'unknown' };
  }
}
