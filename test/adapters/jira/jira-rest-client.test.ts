import { JiraHttpError } from '../../../src/adapters/jira/jira-errors';
import type { JiraFetcher } from '../../../src/adapters/jira/jira-fetcher';
import { IDEMPOTENCY_PROPERTY_KEY, JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import { LIFECYCLE_PROPERTY_KEY } from '../../../src/application/lifecycle-property';
import { CommentOnEditRefusedError, type AdfDocument } from '../../../src/application/ports/jira-port';
import type { SimIssue } from '../../../simulator';
import { answerLosingFetcher } from '../../support/answer-losing-fetcher';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import {
  C_LEVEL_GROUP,
  ENG_PROJECT,
  SEC_PARTICIPANTS_GROUP,
  SEC_PROJECT,
  SITE_USERS,
  startSimulatedSite,
  type SimulatedSite,
} from '../../support/simulated-site';
import { simulatorFetcher } from '../../support/simulator-fetcher';

const adf = (text: string): AdfDocument => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe('JiraRestClient against the simulator', () => {
  let site: SimulatedSite;
  const { requester, riskOwner, securityReviewer, ciso, jiraAdmin, outsider } = SITE_USERS;

  beforeAll(async () => {
    site = await startSimulatedSite();
  });
  afterEach(() => {
    site.sim.faults.clear();
    site.sim.assertNoContractViolations();
  });
  afterAll(() => site.close());

  const addException = (summary = 'MFA bypass for legacy CRM', properties: Record<string, unknown> = {}) =>
    site.sim.state.addIssue({
      project: SEC_PROJECT,
      summary,
      reporter: requester,
      fields: { labels: ['crm-legacy-01'] },
      properties,
    });
  const statusName = (issue: SimIssue): string | undefined =>
    site.sim.state.statuses.get(issue.statusId)?.name;
  const engineeringIssues = () =>
    [...site.sim.state.issues.values()].filter(
      (issue) => site.sim.state.projects.get(issue.projectId)?.key === ENG_PROJECT,
    );
  /** A client whose every applied write loses its answer (a dropped connection, then a 502, alternately). */
  const losingEveryAnswer = () => {
    const fetcher = answerLosingFetcher(simulatorFetcher(site.sim), { rate: 1, seed: 1 });
    return { client: new JiraRestClient(fetcher, fastRetryPolicy()), lost: fetcher.stats.lost };
  };

  describe('issues', () => {
    it('reads the fields and properties asked for', async () => {
      const lifecycle = { version: 1, history: [], nextActionAt: null, policyVersion: null };
      const issue = addException('Firewall rule for vendor VPN', { [LIFECYCLE_PROPERTY_KEY]: lifecycle });

      const read = await site.asApp.getIssue(issue.key, {
        fields: ['summary', 'labels'],
        properties: [LIFECYCLE_PROPERTY_KEY, 'absent-property'],
      });

      expect(read).toEqual({
        id: issue.id,
        key: issue.key,
        fields: { summary: 'Firewall rule for vendor VPN', labels: ['crm-legacy-01'] },
        properties: { [LIFECYCLE_PROPERTY_KEY]: lifecycle },
      });
    });

    it('shows a user only what they may browse: the outsider gets a 404 naming no issue', async () => {
      const issue = addException();

      await expect(
        site.asUser(requester).getIssue(issue.key, { fields: ['summary'], properties: [] }),
      ).resolves.toMatchObject({ key: issue.key });
      const error = await rejectionOf(
        site.asUser(outsider).getIssue(issue.key, { fields: ['summary'], properties: [] }),
      );

      expect(error).toBeInstanceOf(JiraHttpError);
      expect(error).toMatchObject({
        endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}',
        status: 404,
        jiraMessages: ['Issue does not exist or you do not have permission to see it.'],
        message: 'Jira answered 404 to GET /rest/api/3/issue/{issueIdOrKey}',
      });
      expect((error as Error).message).not.toContain(issue.key);
    });

    it('creates an issue as the caller, marked with an idempotency key', async () => {
      const client = new JiraRestClient(
        simulatorFetcher(site.sim),
        fastRetryPolicy(),
        undefined,
        () => 'key-1',
      );

      const created = await client.createIssue({
        project: { key: ENG_PROJECT },
        issuetype: { name: 'Task' },
        summary: 'Replace the legacy CRM login',
      });

      const stored = site.sim.state.issue(created.key);
      expect(stored?.id).toBe(created.id);
      expect(stored?.fields.get('summary')).toBe('Replace the legacy CRM login');
      expect(stored?.reporterAccountId).toBe(site.sim.appUser.accountId);
      expect(stored?.properties.get(IDEMPOTENCY_PROPERTY_KEY)).toEqual({ idempotencyKey: 'key-1' });
    });

    it('creates one issue per idempotency key, however often it is asked', async () => {
      const before = engineeringIssues().length;
      const fields = {
        project: { key: ENG_PROJECT },
        issuetype: { name: 'Task' },
        summary: 'Root cause of SEC-9',
      };

      const first = await site.asApp.createIssue(fields, { idempotencyKey: '10009:escalate-chronic' });
      const second = await site.asApp.createIssue(fields, { idempotencyKey: '10009:escalate-chronic' });
      const other = await site.asApp.createIssue(fields, { idempotencyKey: '10010:escalate-chronic' });

      expect(second).toEqual(first);
      expect(other.key).not.toBe(first.key);
      expect(engineeringIssues().length - before).toBe(2);
    });

    it('refuses a create with a typed 400 carrying Jira’s field messages', async () => {
      const error = await rejectionOf(
        site.asApp.createIssue({ project: { key: ENG_PROJECT }, issuetype: { name: 'Task' }, summary: '' }),
      );

      expect(error).toMatchObject({
        endpoint: 'POST /rest/api/3/issue',
        status: 400,
        jiraMessages: ['summary: You must specify a summary of the issue.'],
      });
    });
  });

  describe('search', () => {
    it('pages through 120 issues with nextPageToken and stops on isLast', async () => {
      site.sim.state.addProject({ key: 'PAGE', browse: 'everyone' });
      const seeded = Array.from({ length: 120 }, (_, index) =>
        site.sim.state.addIssue({ project: 'PAGE', summary: `Issue ${index + 1}` }),
      );

      const pages: { keys: string[]; isLast: boolean; token: string | null }[] = [];
      let nextPageToken: string | undefined;
      do {
        const page = await site.asApp.search('project = PAGE ORDER BY key', {
          fields: ['summary'],
          properties: [],
          maxResults: 50,
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        });
        pages.push({
          keys: page.issues.map((issue) => issue.key),
          isLast: page.isLast,
          token: page.nextPageToken,
        });
        nextPageToken = page.nextPageToken ?? undefined;
      } while (nextPageToken !== undefined);

      expect(pages.map((page) => [page.keys.length, page.isLast, page.token === null])).toEqual([
        [50, false, false],
        [50, false, false],
        [20, true, true],
      ]);
      expect(new Set(pages.flatMap((page) => page.keys))).toEqual(new Set(seeded.map((issue) => issue.key)));
      expect(site.sim.calls.count('POST /rest/api/3/search/jql')).toBeGreaterThanOrEqual(3);
    });

    it('returns the fields and properties of each issue', async () => {
      const issue = addException('Searchable', {
        [LIFECYCLE_PROPERTY_KEY]: { nextActionAt: '2026-12-01T00:00:00Z' },
      });

      const page = await site.asApp.search(`key = ${issue.key}`, {
        fields: ['summary'],
        properties: [LIFECYCLE_PROPERTY_KEY],
        maxResults: 10,
      });

      expect(page).toEqual({
        issues: [
          {
            id: issue.id,
            key: issue.key,
            fields: { summary: 'Searchable' },
            properties: { [LIFECYCLE_PROPERTY_KEY]: { nextActionAt: '2026-12-01T00:00:00Z' } },
          },
        ],
        nextPageToken: null,
        isLast: true,
      });
    });

    it('leaves out of a user’s results what they may not browse', async () => {
      const hidden = addException();
      hidden.fields.set('labels', ['shared-asset-77']);
      const visible = site.sim.state.addIssue({
        project: ENG_PROJECT,
        summary: 'Visible',
        fields: { labels: ['shared-asset-77'] },
      });
      const search = (client: JiraRestClient) =>
        client.search('labels = shared-asset-77', { fields: ['summary'], properties: [], maxResults: 50 });

      expect((await search(site.asUser(outsider))).issues.map((issue) => issue.key)).toEqual([visible.key]);
      expect((await search(site.asUser(requester))).issues.map((issue) => issue.key).sort()).toEqual(
        [hidden.key, visible.key].sort(),
      );
    });
  });

  describe('transitions', () => {
    it('lists the transitions offered from the current status with their targets', async () => {
      const issue = addException();

      const transitions = await site.asUser(securityReviewer).getTransitions(issue.key);

      const idOf = (name: string) => site.sim.state.status(name)?.id;
      expect(transitions).toEqual([
        { id: '21', name: 'In Progress', toStatusId: idOf('In Progress'), toStatusName: 'In Progress' },
        { id: '31', name: 'Done', toStatusId: idOf('Done'), toStatusName: 'Done' },
      ]);
    });

    it('moves the issue and adds the comment given with the transition', async () => {
      const issue = addException();

      await site.asUser(securityReviewer).transitionIssue(issue.key, '21', { comment: adf('Triaged.') });

      expect(statusName(issue)).toBe('In Progress');
      expect(issue.comments.map((comment) => [comment.authorAccountId, comment.body])).toEqual([
        [securityReviewer, adf('Triaged.')],
      ]);
    });

    it('surfaces a refused transition as a typed 400 with Jira’s message, not in the error text', async () => {
      const issue = addException();

      const error = await rejectionOf(site.asApp.transitionIssue(issue.key, '999'));

      expect(error).toMatchObject({
        endpoint: 'POST /rest/api/3/issue/{issueIdOrKey}/transitions',
        status: 400,
        jiraMessages: ["Transition id '999' is not valid for this issue."],
        message: 'Jira answered 400 to POST /rest/api/3/issue/{issueIdOrKey}/transitions',
      });
      expect(statusName(issue)).toBe('To Do');
    });
  });

  describe('comments', () => {
    it('adds an ADF comment as the caller and returns its id', async () => {
      const issue = addException();

      const { id } = await site.asUser(riskOwner).addComment(issue.key, adf('Controls still in place.'));

      expect(issue.comments).toEqual([
        expect.objectContaining({ id, authorAccountId: riskOwner, body: adf('Controls still in place.') }),
      ]);
    });

    it('adds one comment per idempotency key and issue', async () => {
      const issue = addException();
      const reminder = adf('Reminder: 14 days left.');

      const first = await site.asApp.addComment(issue.key, reminder, {
        idempotencyKey: `${issue.id}:remind-14d`,
      });
      const again = await site.asApp.addComment(issue.key, reminder, {
        idempotencyKey: `${issue.id}:remind-14d`,
      });
      const other = await site.asApp.addComment(issue.key, reminder, {
        idempotencyKey: `${issue.id}:remind-75`,
      });

      expect(again).toEqual(first);
      expect(issue.comments.map((comment) => comment.id)).toEqual([first.id, other.id]);
    });

    it('adds a comment and sets issue properties in one edit, as the caller', async () => {
      const issue = addException();
      const lifecycle = { version: 1, history: [], nextActionAt: null, policyVersion: null, revision: 3 };

      await site.asApp.commentWithProperties(issue.key, adf('Reminder: 75 %.'), {
        [LIFECYCLE_PROPERTY_KEY]: lifecycle,
      });

      expect(issue.comments.map((comment) => comment.body)).toEqual([adf('Reminder: 75 %.')]);
      expect(issue.properties.get(LIFECYCLE_PROPERTY_KEY)).toEqual(lifecycle);
    });

    it('says so, and writes nothing, where Jira refuses a comment in an edit', async () => {
      const issue = addException('Edit screen without comments', {
        [LIFECYCLE_PROPERTY_KEY]: { revision: 1 },
      });
      site.sim.habits.commentOnEdit = 'refused';
      try {
        const error = await rejectionOf(
          site.asApp.commentWithProperties(issue.key, adf('Reminder.'), {
            [LIFECYCLE_PROPERTY_KEY]: { revision: 2 },
          }),
        );

        expect(error).toBeInstanceOf(CommentOnEditRefusedError);
        expect(error).toMatchObject({ status: 400 });
        expect(issue.comments).toEqual([]);
        expect(issue.properties.get(LIFECYCLE_PROPERTY_KEY)).toEqual({ revision: 1 });
      } finally {
        site.sim.habits.commentOnEdit = 'accepted';
      }
    });
  });

  describe('expanded issues', () => {
    it('brings the changelog (oldest first, complete or not) and the transitions offered with a search', async () => {
      const issue = addException('Expanded');
      await site.asUser(securityReviewer).transitionIssue(issue.key, '21');
      await site.asUser(securityReviewer).transitionIssue(issue.key, '31');
      const jql = `key = ${issue.key}`;
      const options = { fields: ['status'], properties: [], maxResults: 1 } as const;

      const page = await site.asApp.search(jql, { ...options, expand: ['changelog', 'transitions'] });
      site.sim.habits.expandedChangelogLimit = 1;
      const cut = await site.asApp.search(jql, { ...options, expand: ['changelog'] }).finally(() => {
        site.sim.habits.expandedChangelogLimit = 20;
      });
      const plain = await site.asApp.search(jql, options);

      const moves = (histories: readonly { items: readonly { toText: string | null }[] }[]) =>
        histories.map((history) => history.items.map((item) => item.toText).join());
      expect(moves(page.issues[0]?.changelog?.histories ?? [])).toEqual(['In Progress', 'Done']);
      expect(page.issues[0]?.changelog?.complete).toBe(true);
      expect(page.issues[0]?.transitions).toEqual(await site.asApp.getTransitions(issue.key));
      // Jira sends the most recent first and says how many there are: one of two is not the whole changelog.
      expect(moves(cut.issues[0]?.changelog?.histories ?? [])).toEqual(['Done']);
      expect(cut.issues[0]?.changelog?.complete).toBe(false);
      expect(plain.issues[0]).not.toHaveProperty('changelog');
      expect(plain.issues[0]).not.toHaveProperty('transitions');
    });

    it('sets issue properties with a transition, and only if it is made', async () => {
      const issue = addException('Transition with properties');

      await site.asUser(securityReviewer).transitionIssue(issue.key, '21', { properties: { marker: 1 } });
      const refused = await rejectionOf(
        site.asUser(securityReviewer).transitionIssue(issue.key, '999', { properties: { marker: 2 } }),
      );

      expect(statusName(issue)).toBe('In Progress');
      expect(refused).toMatchObject({ status: 400 });
      expect(issue.properties.get('marker')).toBe(1);
    });
  });

  describe('issue properties', () => {
    it('writes a property and reads it back; an absent one reads as undefined', async () => {
      const issue = addException();
      const value = { version: 1, history: [], nextActionAt: '2026-12-01T00:00:00Z', policyVersion: 3 };

      await expect(site.asApp.getIssueProperty(issue.key, LIFECYCLE_PROPERTY_KEY)).resolves.toBeUndefined();
      await site.asApp.setIssueProperty(issue.key, LIFECYCLE_PROPERTY_KEY, value);

      expect(issue.properties.get(LIFECYCLE_PROPERTY_KEY)).toEqual(value);
      await expect(site.asApp.getIssueProperty(issue.key, LIFECYCLE_PROPERTY_KEY)).resolves.toEqual(value);
    });

    it('does not mistake a missing issue for a missing property', async () => {
      const error = await rejectionOf(site.asApp.getIssueProperty('SEC-99999', LIFECYCLE_PROPERTY_KEY));

      expect(error).toMatchObject({ endpoint: 'GET /rest/api/3/issue/{issueIdOrKey}', status: 404 });
    });
  });

  describe('links', () => {
    it('links two issues once, however often it is asked', async () => {
      const exception = addException();
      const engineering = site.sim.state.addIssue({ project: ENG_PROJECT, summary: 'Root cause' });
      const linksBetween = () =>
        site.sim.state.links.filter(
          (link) => link.inwardIssueId === exception.id && link.outwardIssueId === engineering.id,
        );

      await site.asApp.linkIssues('Relates', exception.key, engineering.key);
      await site.asApp.linkIssues('Relates', exception.key, engineering.key);

      expect(linksBetween()).toHaveLength(1);
    });
  });

  describe('directory', () => {
    it('answers who is calling: the app itself, or the user it acts for', async () => {
      await expect(site.asApp.myself()).resolves.toEqual({
        accountId: site.sim.appUser.accountId,
        displayName: 'Security Exceptions (app)',
        active: true,
        accountType: 'app',
      });
      await expect(site.asUser(ciso).myself()).resolves.toEqual({
        accountId: ciso,
        displayName: 'Cleo Ciso',
        active: true,
        accountType: 'atlassian',
      });
    });

    it('finds a user, and answers null for an account Jira does not know', async () => {
      await expect(site.asApp.getUser(riskOwner)).resolves.toEqual({
        accountId: riskOwner,
        displayName: 'Owen Owner',
        active: true,
        accountType: 'atlassian',
      });
      await expect(site.asApp.getUser('deleted-account')).resolves.toBeNull();
    });

    it('tells whether a user may browse an issue (GET /user/viewissue/search)', async () => {
      const { key } = addException();
      await expect(site.asApp.canBrowseIssue(riskOwner, key)).resolves.toBe(true);
      await expect(site.asApp.canBrowseIssue(outsider, key)).resolves.toBe(false);
      await expect(site.asApp.canBrowseIssue('deleted-account', key)).resolves.toBe(false);
    });

    it('lists a user’s groups; an unknown user has none', async () => {
      await expect(site.asApp.groupsOf(ciso).then((groups) => groups.sort())).resolves.toEqual(
        [C_LEVEL_GROUP, SEC_PARTICIPANTS_GROUP].sort(),
      );
      await expect(site.asApp.groupsOf('deleted-account')).resolves.toEqual([]);
    });

    it.each([
      ['the Jira admin', jiraAdmin, true],
      ['the CISO', ciso, false],
      ['the requester', requester, false],
    ])('tells whether the caller administers Jira: %s → %s', async (_who, accountId, expected) => {
      await expect(site.asUser(accountId).callerIsJiraAdmin()).resolves.toBe(expected);
    });
  });

  describe('writes whose answer is lost after Jira applied them', () => {
    it('finds the comment by its marker instead of adding it twice (dropped connection, then 502)', async () => {
      const issue = addException();
      const { client, lost } = losingEveryAnswer();

      const first = await client.addComment(issue.key, adf('Reminder: 75 % of the period.'));
      const second = await client.addComment(issue.key, adf('Reminder: 14 days left.'));

      expect(lost).toEqual([
        `POST /rest/api/3/issue/${issue.key}/comment`,
        `POST /rest/api/3/issue/${issue.key}/comment`,
      ]);
      expect(issue.comments.map((comment) => [comment.id, comment.body])).toEqual([
        [first.id, adf('Reminder: 75 % of the period.')],
        [second.id, adf('Reminder: 14 days left.')],
      ]);
      expect(client.stats).toMatchObject({ ambiguousFailures: 2, foundApplied: 2, resent: 0 });
    });

    it('finds the created issue by its marker instead of creating it twice', async () => {
      const before = engineeringIssues().length;
      const { client, lost } = losingEveryAnswer();

      const created = await client.createIssue({
        project: { key: ENG_PROJECT },
        issuetype: { name: 'Task' },
        summary: 'Lost answer',
      });

      expect(lost).toEqual(['POST /rest/api/3/issue']);
      expect(engineeringIssues().length - before).toBe(1);
      expect(site.sim.state.issue(created.key)?.fields.get('summary')).toBe('Lost answer');
      expect(client.stats).toMatchObject({ ambiguousFailures: 1, foundApplied: 1, resent: 0 });
    });

    it('reads the properties back instead of editing twice (a comment with its record)', async () => {
      const issue = addException();
      const { client, lost } = losingEveryAnswer();

      await client.commentWithProperties(issue.key, adf('Reminder: 75 %.'), {
        [LIFECYCLE_PROPERTY_KEY]: { revision: 7 },
      });

      expect(lost).toEqual([`PUT /rest/api/3/issue/${issue.key}`]);
      expect(issue.comments.map((comment) => comment.body)).toEqual([adf('Reminder: 75 %.')]);
      expect(client.stats).toMatchObject({ ambiguousFailures: 1, foundApplied: 1, resent: 0 });
    });

    it('reads the status back instead of transitioning twice', async () => {
      const issue = addException();
      const { client } = losingEveryAnswer();

      await client.transitionIssue(issue.key, '21');

      expect(statusName(issue)).toBe('In Progress');
      expect(issue.changelog.flatMap((history) => history.items).map((item) => item.fieldId)).toEqual([
        'status',
      ]);
      expect(client.stats).toMatchObject({ ambiguousFailures: 1, foundApplied: 1, resent: 0 });
    });
  });

  describe('writes that failed before Jira applied them (5xx)', () => {
    /** Answers the first write (POST or PUT) with 503 without passing it on, then lets everything through. */
    const failingFirstPost = (): JiraFetcher => {
      const inner = simulatorFetcher(site.sim);
      let failed = false;
      return {
        requestJira: (path, init) => {
          const write = init?.method === 'POST' || init?.method === 'PUT';
          if (!write || failed) return inner.requestJira(path, init);
          failed = true;
          return Promise.resolve({
            status: 503,
            headers: { get: () => null },
            text: () => Promise.resolve(''),
          });
        },
      };
    };

    it.each([
      [
        'a comment',
        async (client: JiraRestClient, issue: SimIssue) => {
          await client.addComment(issue.key, adf('Once.'));
          return issue.comments.length;
        },
      ],
      [
        'a transition',
        async (client: JiraRestClient, issue: SimIssue) => {
          await client.transitionIssue(issue.key, '31');
          return issue.changelog.length;
        },
      ],
      [
        'a comment with its record',
        async (client: JiraRestClient, issue: SimIssue) => {
          await client.commentWithProperties(issue.key, adf('Once.'), {
            [LIFECYCLE_PROPERTY_KEY]: { revision: 1 },
          });
          return issue.comments.length;
        },
      ],
    ])('sends %s again once it has looked and found it absent', async (_what, write) => {
      const issue = addException();
      const client = new JiraRestClient(failingFirstPost(), fastRetryPolicy());

      await expect(write(client, issue)).resolves.toBe(1);
      expect(client.stats).toMatchObject({ ambiguousFailures: 1, foundApplied: 0, resent: 1 });
    });
  });
});
