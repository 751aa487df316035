/**
 * In-memory fakes of IssuesPort and DirectoryPort for use-case tests: state the tests set up and assert, with
 * Jira's habits that matter here (a read returns only the fields and properties asked for; a property write
 * stores JSON; transitions move the status). Validators do not run here: the integration tests do that.
 */
import type {
  AdfDocument,
  DirectoryPort,
  IssuesPort,
  JiraIssue,
  JiraTransition,
  JiraUser,
  SearchPage,
  WriteOnceOptions,
} from '../../../src/application/ports/jira-port';

export interface FakeUser extends JiraUser {
  readonly groups: readonly string[];
  /** Keys of the issues the user may NOT browse (everyone active browses everything else). */
  readonly hiddenIssues?: readonly string[];
}

export interface FakeTransition {
  readonly id: string;
  readonly name: string;
  readonly fromStatusIds: readonly string[];
  readonly toStatusId: string;
  readonly toStatusName: string;
}

export class FakeJiraError extends Error {
  override readonly name = 'FakeJiraError';
}

interface StoredIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  properties: Record<string, string>;
  comments: { id: string; authorAccountId: string; body: AdfDocument; idempotencyKey?: string }[];
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class FakeIssues implements IssuesPort {
  private readonly issues = new Map<string, StoredIssue>();
  /** Every transition made, in order: what the tests assert instead of "was called". */
  readonly transitionsMade: { issueKey: string; transitionId: string }[] = [];
  /** Every property write, in order (a duplicated write shows up here). */
  readonly propertyWrites: { issueKey: string; propertyKey: string }[] = [];
  private nextCommentId = 1;

  constructor(
    private readonly workflow: readonly FakeTransition[],
    /** The account that writes as the app: comments' author. */
    private readonly actingAccountId: string,
  ) {}

  put(issue: {
    id: string;
    key: string;
    fields: Record<string, unknown>;
    properties?: Record<string, unknown>;
  }): void {
    this.issues.set(issue.key, {
      id: issue.id,
      key: issue.key,
      fields: clone(issue.fields),
      properties: Object.fromEntries(
        Object.entries(issue.properties ?? {}).map(([key, value]) => [key, JSON.stringify(value)]),
      ),
      comments: [],
    });
  }

  private stored(key: string): StoredIssue {
    const issue = this.issues.get(key);
    if (issue === undefined) throw new FakeJiraError(`Issue does not exist: ${key}`);
    return issue;
  }

  /** The stored property value, as a later read would see it. */
  property(issueKey: string, propertyKey: string): unknown {
    const json = this.stored(issueKey).properties[propertyKey];
    return json === undefined ? undefined : JSON.parse(json);
  }

  statusOf(issueKey: string): unknown {
    return this.stored(issueKey).fields.status;
  }

  commentsOn(issueKey: string): { authorAccountId: string; body: AdfDocument }[] {
    return this.stored(issueKey).comments.map(({ authorAccountId, body }) => ({ authorAccountId, body }));
  }

  setField(issueKey: string, fieldId: string, value: unknown): void {
    this.stored(issueKey).fields[fieldId] = clone(value);
  }

  getIssue(
    key: string,
    options: { fields: readonly string[]; properties: readonly string[] },
  ): Promise<JiraIssue> {
    const issue = this.stored(key);
    const fields: Record<string, unknown> = {};
    for (const id of options.fields) {
      if (id === 'comment')
        fields.comment = {
          comments: issue.comments.map((comment) => ({
            id: comment.id,
            author: { accountId: comment.authorAccountId },
            body: clone(comment.body),
          })),
        };
      else if (id in issue.fields) fields[id] = clone(issue.fields[id]);
    }
    const properties: Record<string, unknown> = {};
    for (const key of options.properties) {
      const json = issue.properties[key];
      if (json !== undefined) properties[key] = JSON.parse(json);
    }
    return Promise.resolve({ id: issue.id, key: issue.key, fields, properties });
  }

  search(): Promise<SearchPage> {
    return Promise.reject(new FakeJiraError('search is not used by these use cases'));
  }

  createIssue(): Promise<{ id: string; key: string }> {
    return Promise.reject(new FakeJiraError('createIssue is not used by these use cases'));
  }

  getTransitions(issueIdOrKey: string): Promise<JiraTransition[]> {
    const statusId = (this.stored(issueIdOrKey).fields.status as { id: string }).id;
    return Promise.resolve(
      this.workflow
        .filter((transition) => transition.fromStatusIds.includes(statusId))
        .map(({ id, name, toStatusId, toStatusName }) => ({ id, name, toStatusId, toStatusName })),
    );
  }

  transitionIssue(
    issueIdOrKey: string,
    transitionId: string,
    options: { properties?: Readonly<Record<string, unknown>> } = {},
  ): Promise<void> {
    const issue = this.stored(issueIdOrKey);
    const statusId = (issue.fields.status as { id: string }).id;
    const transition = this.workflow.find(
      (candidate) => candidate.id === transitionId && candidate.fromStatusIds.includes(statusId),
    );
    if (transition === undefined)
      return Promise.reject(
        new FakeJiraError(`Transition id '${transitionId}' is not valid for this issue.`),
      );
    issue.fields.status = { id: transition.toStatusId, name: transition.toStatusName };
    this.transitionsMade.push({ issueKey: issueIdOrKey, transitionId });
    for (const [key, value] of Object.entries(options.properties ?? {}))
      issue.properties[key] = JSON.stringify(value);
    return Promise.resolve();
  }

  /** As the port promises: with an idempotency key, at most one comment per key and issue. */
  addComment(
    issueIdOrKey: string,
    body: AdfDocument,
    options: WriteOnceOptions = {},
  ): Promise<{ id: string }> {
    const issue = this.stored(issueIdOrKey);
    const key = options.idempotencyKey;
    const existing = issue.comments.find((comment) => key !== undefined && comment.idempotencyKey === key);
    if (existing !== undefined) return Promise.resolve({ id: existing.id });
    const id = String(this.nextCommentId++);
    issue.comments.push({
      id,
      authorAccountId: this.actingAccountId,
      body: clone(body),
      ...(key === undefined ? {} : { idempotencyKey: key }),
    });
    return Promise.resolve({ id });
  }

  /** As Jira does with an edit: the comment and the properties together. */
  async commentWithProperties(
    issueIdOrKey: string,
    body: AdfDocument,
    properties: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    await this.addComment(issueIdOrKey, body);
    for (const [key, value] of Object.entries(properties))
      await this.setIssueProperty(issueIdOrKey, key, value);
  }

  /** A comment made by someone on a transition screen. */
  addCommentBy(issueKey: string, authorAccountId: string, body: AdfDocument): string {
    const id = String(this.nextCommentId++);
    this.stored(issueKey).comments.push({ id, authorAccountId, body });
    return id;
  }

  getIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<unknown> {
    return Promise.resolve(this.property(issueIdOrKey, propertyKey));
  }

  setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void> {
    this.stored(issueIdOrKey).properties[propertyKey] = JSON.stringify(value);
    this.propertyWrites.push({ issueKey: issueIdOrKey, propertyKey });
    return Promise.resolve();
  }

  linkIssues(): Promise<void> {
    return Promise.reject(new FakeJiraError('linkIssues is not used by these use cases'));
  }
}

export class FakeDirectory implements DirectoryPort {
  private readonly users = new Map<string, FakeUser>();
  /** Set to make every call fail, as Jira does when it is down. */
  unavailable = false;

  constructor(
    /** Who `myself()` answers: the calling user, or the app's account; null when there is no user context. */
    private readonly me: string | null,
    private readonly admin = false,
  ) {}

  addUser(user: FakeUser): this {
    this.users.set(user.accountId, user);
    return this;
  }

  private guard(): void {
    if (this.unavailable) throw new FakeJiraError('Jira is unavailable');
  }

  myself(): Promise<JiraUser> {
    this.guard();
    if (this.me === null) return Promise.reject(new FakeJiraError('No user context'));
    const user = this.users.get(this.me) ?? { accountId: this.me, displayName: this.me, active: true };
    return Promise.resolve({ accountId: user.accountId, displayName: user.displayName, active: user.active });
  }

  getUser(accountId: string): Promise<JiraUser | null> {
    this.guard();
    const user = this.users.get(accountId);
    return Promise.resolve(
      user === undefined
        ? null
        : { accountId: user.accountId, displayName: user.displayName, active: user.active },
    );
  }

  groupsOf(accountId: string): Promise<string[]> {
    this.guard();
    return Promise.resolve([...(this.users.get(accountId)?.groups ?? [])]);
  }

  canBrowseIssue(accountId: string, issueKey: string): Promise<boolean> {
    this.guard();
    const user = this.users.get(accountId);
    return Promise.resolve(
      user !== undefined && user.active && !(user.hiddenIssues ?? []).includes(issueKey),
    );
  }

  callerIsJiraAdmin(): Promise<boolean> {
    this.guard();
    return Promise.resolve(this.admin);
  }

  /** The same directory seen by another caller (as the app, as a user). */
  as(me: string | null, admin = false): FakeDirectory {
    const view = new FakeDirectory(me, admin);
    for (const user of this.users.values()) view.addUser(user);
    return view;
  }
}

/** One client over both fakes, as the Jira adapter is one client implementing both ports. */
export const jiraClient = (issues: FakeIssues, directory: DirectoryPort): IssuesPort & DirectoryPort => ({
  getIssue: issues.getIssue.bind(issues),
  search: issues.search.bind(issues),
  createIssue: issues.createIssue.bind(issues),
  getTransitions: issues.getTransitions.bind(issues),
  transitionIssue: issues.transitionIssue.bind(issues),
  addComment: issues.addComment.bind(issues),
  commentWithProperties: issues.commentWithProperties.bind(issues),
  getIssueProperty: issues.getIssueProperty.bind(issues),
  setIssueProperty: issues.setIssueProperty.bind(issues),
  linkIssues: issues.linkIssues.bind(issues),
  myself: () => directory.myself(),
  getUser: (accountId) => directory.getUser(accountId),
  groupsOf: (accountId) => directory.groupsOf(accountId),
  canBrowseIssue: (accountId, issueKey) => directory.canBrowseIssue(accountId, issueKey),
  callerIsJiraAdmin: () => directory.callerIsJiraAdmin(),
});
