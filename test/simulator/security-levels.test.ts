import type { JiraSimulator } from '../../simulator';
import {
  appClient,
  clientAs,
  type ErrorCollection,
  type SearchPage,
  startSeededSimulator,
} from './simulator-fixture';

/**
 * Issue security levels: a secured issue is hidden from people outside its level even in a project they may
 * browse, in search, in the issue API and by key in JQL, and the app still sees it. The KPI gadget relies on
 * this to leave out what a viewer may not see.
 */
describe('issue security levels', () => {
  let sim: JiraSimulator;

  beforeAll(async () => {
    sim = await startSeededSimulator();
    sim.state.addUser({ accountId: 'di', displayName: 'Di', groups: ['engineering', 'incident-team'] });
    sim.state.addIssue({ project: 'OPS', summary: 'Patch the proxy', reporter: 'bo' });
    sim.state.addIssue({ project: 'OPS', summary: 'Incident 7 exception', reporter: 'di' });
    const level = sim.state.addSecurityLevel({ name: 'Incident', groups: ['incident-team'] });
    sim.state.setSecurityLevel('OPS-2', level.id);
  });

  afterEach(() => {
    sim.assertNoContractViolations();
  });
  afterAll(() => sim.close());

  const keysFound = async (client: ReturnType<typeof appClient>, jql: string): Promise<string[]> => {
    const response = await client.post<SearchPage>('/rest/api/3/search/jql', { jql, fields: ['summary'] });
    expect(response.status).toBe(200);
    return response.body.issues.map((issue) => issue.key ?? issue.id);
  };

  it.each<[string, string, string[]]>([
    ['a browser outside the level', 'bo', ['OPS-1']],
    ['a member of the level', 'di', ['OPS-1', 'OPS-2']],
    ['a site admin outside the level', 'cy', ['OPS-1']],
  ])('search by %s returns only what that person may see', async (_who, accountId, keys) => {
    expect(await keysFound(clientAs(sim, accountId), 'project = OPS ORDER BY key')).toEqual(keys);
  });

  it('the app sees secured issues', async () => {
    expect(await keysFound(appClient(sim), 'project = OPS ORDER BY key')).toEqual(['OPS-1', 'OPS-2']);
  });

  it('answers 404 for a secured issue to someone outside its level, as for a missing one', async () => {
    const hidden = await clientAs(sim, 'bo').get<ErrorCollection>('/rest/api/3/issue/OPS-2');

    expect(hidden.status).toBe(404);
    expect(hidden.body.errorMessages).toEqual([
      'Issue does not exist or you do not have permission to see it.',
    ]);
  });

  it('renders the Security Level field and answers JQL on level', async () => {
    const issue = await appClient(sim).get<{ fields: { security: unknown } }>(
      '/rest/api/3/issue/OPS-2?fields=security',
    );
    const unsecured = await appClient(sim).get<{ fields: { security: unknown } }>(
      '/rest/api/3/issue/OPS-1?fields=security',
    );

    expect(issue.body.fields.security).toMatchObject({ name: 'Incident', description: '' });
    expect(unsecured.body.fields.security).toBeNull();
    expect(await keysFound(appClient(sim), 'project = OPS AND level is EMPTY')).toEqual(['OPS-1']);
    expect(await keysFound(appClient(sim), 'project = OPS AND level is not EMPTY')).toEqual(['OPS-2']);
    expect(await keysFound(appClient(sim), 'project = OPS AND level = "Incident"')).toEqual(['OPS-2']);
  });
});
