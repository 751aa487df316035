import { UNBOUNDED_JQL_MESSAGE, type JiraSimulator } from '../../simulator';
import { appClient, type ErrorCollection, type SearchPage, startSeededSimulator } from './simulator-fixture';

const LIFECYCLE = 'security-exception-lifecycle';

describe('search: POST/GET /rest/api/3/search/jql', () => {
  let sim: JiraSimulator;

  beforeAll(async () => {
    sim = await startSeededSimulator();
    const exception = sim.state.addIssueType({ name: 'Exception' });
    sim.state.addStatus({ name: 'Approved', statusCategory: 'IN_PROGRESS' });
    sim.state.addStatus({ name: 'Recertification', statusCategory: 'IN_PROGRESS' });
    sim.registerPropertyIndex(LIFECYCLE, [
      { path: 'nextActionAt', type: 'date', searchAlias: 'nextActionAt' },
      { path: 'renewals', type: 'number' },
    ]);
    for (let day = 1; day <= 120; day += 1) {
      const created = new Date(Date.UTC(2026, 0, day, 9)).toISOString();
      sim.state.addIssue({
        project: 'OPS',
        summary: `Issue ${day}`,
        created,
        issueType: day % 2 === 0 ? exception.id : 'Task',
        status: day <= 3 ? 'Approved' : 'To Do',
        fields: { labels: day === 7 ? ['prod-db-01'] : [] },
        properties:
          day <= 5
            ? {
                [LIFECYCLE]: {
                  nextActionAt: `2026-11-${String(15 + day).padStart(2, '0')}T09:00:00Z`,
                  renewals: day,
                },
              }
            : {},
      });
    }
    sim.state.addIssue({ project: 'SEC', summary: 'Secret exception', issueType: exception.id });
  });

  afterEach(() => {
    sim.assertNoContractViolations();
  });

  afterAll(async () => {
    await sim.close();
  });

  const search = (body: Record<string, unknown>) =>
    appClient(sim).post<SearchPage>('/rest/api/3/search/jql', body);

  it('pages through 120 issues with nextPageToken until isLast', async () => {
    const keys: string[] = [];
    const pageSizes: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const response = await search({
        jql: 'project = OPS ORDER BY key ASC',
        fields: ['summary'],
        maxResults: 50,
        ...(token === undefined ? {} : { nextPageToken: token }),
      });
      expect(response.status).toBe(200);
      pageSizes.push(response.body.issues.length);
      keys.push(...response.body.issues.map((issue) => issue.key ?? ''));
      token = response.body.nextPageToken;
      expect(token === undefined).toBe(response.body.isLast);
      pages += 1;
    } while (token !== undefined && pages < 10);

    expect(pageSizes).toEqual([50, 50, 20]);
    expect(keys).toEqual(Array.from({ length: 120 }, (_, index) => `OPS-${index + 1}`));
  });

  it('returns only ids by default, and caps pages at 100 when fields are requested, 5000 for ids', async () => {
    const idsOnly = await search({ jql: 'project = OPS', maxResults: 500 });
    const withFields = await search({ jql: 'project = OPS', maxResults: 500, fields: ['summary'] });

    expect(idsOnly.body.issues).toHaveLength(120);
    expect(Object.keys(idsOnly.body.issues[0] ?? {})).toEqual(['id']);
    expect(withFields.body.issues).toHaveLength(100);
    expect(withFields.body.isLast).toBe(false);
  });

  it.each([['ORDER BY key DESC'], ['']])('refuses the unbounded query %j with 400', async (jql) => {
    const response = await appClient(sim).post<ErrorCollection>('/rest/api/3/search/jql', { jql });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errorMessages: [UNBOUNDED_JQL_MESSAGE], errors: {} });
  });

  it.each<[string, string[]]>([
    [
      'project = OPS AND issuetype = "Exception" AND created < "2026-01-09" ORDER BY created ASC',
      ['OPS-2', 'OPS-4', 'OPS-6', 'OPS-8'],
    ],
    [
      'project in (OPS, SEC) AND status in ("Approved", "Recertification") ORDER BY key',
      ['OPS-1', 'OPS-2', 'OPS-3'],
    ],
    ['project = OPS AND status = Approved AND NOT key = OPS-2 ORDER BY key', ['OPS-1', 'OPS-3']],
    ['key in (OPS-9, OPS-3) ORDER BY key DESC', ['OPS-9', 'OPS-3']],
    ['project = OPS AND (labels = prod-db-01 OR key = OPS-1) ORDER BY key', ['OPS-1', 'OPS-7']],
    ['created >= "2026-04-29" AND project = OPS ORDER BY created DESC', ['OPS-120', 'OPS-119']],
    [
      `issue.property[${LIFECYCLE}].nextActionAt <= "2026-11-18T09:00:00Z" ORDER BY key`,
      ['OPS-1', 'OPS-2', 'OPS-3'],
    ],
    [`issue.property[${LIFECYCLE}].renewals > 3 ORDER BY key`, ['OPS-4', 'OPS-5']],
    // The Forge entity-property page documents the quoted key and the search alias (FORGE_NOTES §16).
    [
      `issue.property['${LIFECYCLE}'].nextActionAt <= "2026-11-18T09:00:00Z" ORDER BY key`,
      ['OPS-1', 'OPS-2', 'OPS-3'],
    ],
    [
      `issue.property["${LIFECYCLE}"].nextActionAt <= "2026-11-18T11:00:00+02:00" ORDER BY key`,
      ['OPS-1', 'OPS-2', 'OPS-3'],
    ],
    ['nextActionAt < "2026-11-18" ORDER BY key', ['OPS-1', 'OPS-2']],
    // A date without time is midnight UTC: OPS-4, created 2026-01-04 09:00, is after it.
    ['issuetype = 10001 AND created <= "2026-01-04" ORDER BY key', ['OPS-2']],
  ])('evaluates %s', async (jql, expectedKeys) => {
    const response = await search({ jql, fields: ['key'] });

    expect(response.status).toBe(200);
    expect(response.body.issues.map((issue) => issue.key)).toEqual(expectedKeys);
  });

  it.each<[string, string]>([
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['status = Closed', "The value 'Closed' does not exist for the field 'status'."],
    ['colour = red', "Field 'colour' does not exist or you do not have permission to view it."],
    [
      'issue.property[unindexed].x = 1',
      "Field 'issue.property[unindexed].x' does not exist or you do not have permission to view it.",
    ],
    ['project ~ OPS', "The operator '~' is not supported by the 'project' field."],
    [
      'project = OPS AND',
      "Error in the JQL Query: Expecting a field name but got 'EOF'. (line 1, character 18)",
    ],
    ['project = OPS ORDER BY labels', "Not able to sort using field 'labels'."],
    [
      'created > "next tuesday"',
      "Date value 'next tuesday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
  ])('refuses %s with a Jira-like message', async (jql, message) => {
    const response = await appClient(sim).post<ErrorCollection>('/rest/api/3/search/jql', { jql });

    expect(response.status).toBe(400);
    expect(response.body.errorMessages).toEqual([message]);
  });

  it.each(['2026-11-18T09:00:00.000Z', '2026-11-18 09:00', '2026/11/18', '-5d', '2026-11-18T09:00Z'])(
    'refuses the property date value %s, a format the entity-property page does not list',
    async (value) => {
      const response = await appClient(sim).post<ErrorCollection>('/rest/api/3/search/jql', {
        jql: `issue.property['${LIFECYCLE}'].nextActionAt <= "${value}"`,
      });
      expect(response.status).toBe(400);
      expect(response.body.errorMessages).toEqual([
        `Date value '${value}' for field 'issue.property['${LIFECYCLE}'].nextActionAt' is invalid. Valid formats include: 'yyyy-MM-dd' and 'yyyy-MM-ddTHH:mm:ss' followed by 'Z' or an offset such as '+02:00'.`,
      ]);
    },
  );

  it('does not index a stored property date in an unlisted format (milliseconds) unless told to', async () => {
    const issue = sim.state.addIssue({
      project: 'OPS',
      summary: 'Stored with milliseconds',
      properties: { [LIFECYCLE]: { nextActionAt: '2026-11-01T09:00:00.000Z' } },
    });
    const jql = `issue.property['${LIFECYCLE}'].nextActionAt < "2026-11-02" ORDER BY key`;
    expect((await search({ jql, fields: ['key'] })).body.issues).toEqual([]);
    sim.habits.indexOnlyDocumentedPropertyDates = false;
    try {
      const found = await search({ jql, fields: ['key'] });
      expect(found.body.issues.map((entry) => entry.key)).toEqual([issue.key]);
    } finally {
      sim.habits.indexOnlyDocumentedPropertyDates = true;
      sim.state.issues.delete(issue.id);
    }
  });

  it('counts matches with search/approximate-count, bounded queries only', async () => {
    const counted = await appClient(sim).post<{ count: number }>('/rest/api/3/search/approximate-count', {
      jql: 'project = OPS AND status = Approved',
    });
    const unbounded = await appClient(sim).post<ErrorCollection>('/rest/api/3/search/approximate-count', {
      jql: '',
    });

    expect(counted.body).toEqual({ count: 3 });
    expect(unbounded.status).toBe(400);
    expect(unbounded.body.errorMessages).toEqual([UNBOUNDED_JQL_MESSAGE]);
  });

  it('returns the requested issue properties', async () => {
    const response = await search({ jql: 'key = OPS-2', properties: [LIFECYCLE] });

    expect(response.body.issues[0]?.properties).toEqual({
      [LIFECYCLE]: { nextActionAt: '2026-11-17T09:00:00Z', renewals: 2 },
    });
  });

  it('answers the GET form with the same results', async () => {
    const response = await appClient(sim).get<SearchPage>(
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = OPS AND status = Approved ORDER BY key')}&fields=summary,status`,
    );

    expect(response.status).toBe(200);
    expect(response.body.issues.map((issue) => [issue.key, issue.fields?.summary])).toEqual([
      ['OPS-1', 'Issue 1'],
      ['OPS-2', 'Issue 2'],
      ['OPS-3', 'Issue 3'],
    ]);
  });
});
