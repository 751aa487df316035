import { createSimClient, type JiraSimulator } from '../../simulator';
import {
  appClient,
  clientAs,
  type ErrorCollection,
  type SearchPage,
  startSeededSimulator,
} from './simulator-fixture';

interface Me {
  accountId: string;
  displayName: string;
  accountType: string;
}

interface MyPermissions {
  permissions: Record<string, { havePermission: boolean }>;
}

describe('identity and permissions', () => {
  let sim: JiraSimulator;

  beforeAll(async () => {
    sim = await startSeededSimulator();
    sim.state.addIssue({ project: 'SEC', summary: 'MFA bypass for legacy CRM', reporter: 'ana' });
    sim.state.addIssue({ project: 'OPS', summary: 'Patch the proxy', reporter: 'bo' });
  });

  afterEach(() => {
    sim.assertNoContractViolations();
  });

  afterAll(async () => {
    await sim.close();
  });

  const searchAll = (accountId: string) =>
    clientAs(sim, accountId).post<SearchPage>('/rest/api/3/search/jql', {
      jql: 'project in (OPS) OR key = OPS-1 OR created >= "2000-01-01" ORDER BY key',
      fields: ['summary'],
    });

  it.each<[string, string[]]>([
    ['ana', ['OPS-1', 'SEC-1']],
    ['bo', ['OPS-1']],
    ['cy', ['OPS-1', 'SEC-1']],
  ])('search as %s only returns issues of projects they may browse', async (accountId, keys) => {
    const response = await searchAll(accountId);

    expect(response.body.issues.map((issue) => issue.key)).toEqual(keys);
  });

  it('answers 404 to a user who may not browse the issue, as for a missing one', async () => {
    const hidden = await clientAs(sim, 'bo').get<ErrorCollection>('/rest/api/3/issue/SEC-1');
    const missing = await clientAs(sim, 'bo').get<ErrorCollection>('/rest/api/3/issue/SEC-99');

    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
    expect(missing.body).toEqual(hidden.body);
  });

  it('refuses JQL naming a project the user cannot see, as Jira does', async () => {
    const response = await clientAs(sim, 'bo').post<ErrorCollection>('/rest/api/3/search/jql', {
      jql: 'project = SEC',
    });

    expect(response.status).toBe(400);
    expect(response.body.errorMessages).toEqual(["The value 'SEC' does not exist for the field 'project'."]);
  });

  it('lets the app see everything, and act as a user through the impersonation header', async () => {
    const asApp = await appClient(sim).get<{ key: string }>('/rest/api/3/issue/SEC-1?fields=summary');
    const asBo = await appClient(sim, 'bo').get('/rest/api/3/issue/SEC-1?fields=summary');
    const asAna = await appClient(sim, 'ana').get<{ key: string }>('/rest/api/3/issue/SEC-1?fields=summary');

    expect([asApp.status, asBo.status, asAna.status]).toEqual([200, 404, 200]);
    expect(asAna.body.key).toBe('SEC-1');
  });

  it.each<[string, Record<string, string>]>([
    ['no credentials', {}],
    [
      'a wrong API token',
      { authorization: `Basic ${Buffer.from('ana@example.com:wrong').toString('base64')}` },
    ],
    ['an unknown bearer token', { authorization: 'Bearer not-the-app' }],
    [
      'impersonation of an unknown user',
      { authorization: 'Bearer app-token-simulator', 'x-sim-as-user': 'nobody' },
    ],
  ])('answers 401 to %s', async (_case, headers) => {
    const response = await createSimClient(sim.baseUrl, headers).get<ErrorCollection>('/rest/api/3/myself');

    expect(response.status).toBe(401);
    expect(response.body.errorMessages).toEqual([
      'You are not authenticated. Authentication required to perform this operation.',
    ]);
  });

  it('answers 401 even where the operation does not document it, without a contract violation', async () => {
    const response = await createSimClient(sim.baseUrl, {}).post('/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['OPS-1'],
    });

    expect(response.status).toBe(401);
    expect(sim.contractViolations).toEqual([]);
  });

  it('answers /myself for the caller', async () => {
    const ana = await clientAs(sim, 'ana').get<Me>('/rest/api/3/myself');
    const app = await appClient(sim).get<Me>('/rest/api/3/myself');
    const impersonated = await appClient(sim, 'bo').get<Me>('/rest/api/3/myself');

    expect(
      [ana.body, app.body, impersonated.body].map(({ accountId, displayName, accountType }) => [
        accountId,
        displayName,
        accountType,
      ]),
    ).toEqual([
      ['ana', 'Ana', 'atlassian'],
      ['simulator-app', 'Security Exceptions (app)', 'app'],
      ['bo', 'Bo', 'atlassian'],
    ]);
  });

  it.each<[string, string, Record<string, boolean>]>([
    ['ana', 'projectKey=SEC', { BROWSE_PROJECTS: true, TRANSITION_ISSUES: true, ADMINISTER: false }],
    ['bo', 'projectKey=SEC', { BROWSE_PROJECTS: false, TRANSITION_ISSUES: false, ADMINISTER: false }],
    ['bo', 'issueKey=OPS-1', { BROWSE_PROJECTS: true, TRANSITION_ISSUES: true, ADMINISTER: false }],
    ['cy', 'projectKey=SEC', { BROWSE_PROJECTS: true, TRANSITION_ISSUES: true, ADMINISTER: true }],
  ])('answers /mypermissions for %s in %s', async (accountId, context, expected) => {
    const response = await clientAs(sim, accountId).get<MyPermissions>(
      `/rest/api/3/mypermissions?${context}&permissions=BROWSE_PROJECTS,TRANSITION_ISSUES,ADMINISTER`,
    );

    expect(response.status).toBe(200);
    expect(
      Object.fromEntries(
        Object.entries(response.body.permissions).map(([key, value]) => [key, value.havePermission]),
      ),
    ).toEqual(expected);
  });

  it('lists groups and their members', async () => {
    const groups = await clientAs(sim, 'bo').get<{ name: string }[]>('/rest/api/3/user/groups?accountId=ana');
    const members = await clientAs(sim, 'bo').get<{ values: { accountId: string }[]; total: number }>(
      '/rest/api/3/group/member?groupname=security',
    );

    expect(groups.body.map((group) => group.name)).toEqual(['security']);
    expect(members.body.values.map((user) => user.accountId)).toEqual(['ana']);
    expect(members.body.total).toBe(1);
  });

  it('refuses Jira administration to a user who is not a site admin', async () => {
    const bo = await clientAs(sim, 'bo').post<ErrorCollection>('/rest/api/3/issuetype', {
      name: 'Exception',
    });
    const cy = await clientAs(sim, 'cy').post<{ name: string }>('/rest/api/3/issuetype', {
      name: 'Exception',
    });

    // POST /field documents only 201 and 400, so the refusal is a 400 there.
    const field = await clientAs(sim, 'bo').post<ErrorCollection>('/rest/api/3/field', {
      name: 'Urgency',
      type: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
    });

    expect(bo.status).toBe(403);
    expect(field.status).toBe(400);
    expect(field.body.errorMessages).toEqual([
      'You do not have permission to perform this operation: Administer Jira is required.',
    ]);
    expect(cy.status).toBe(201);
    expect(cy.body.name).toBe('Exception');
  });
});
