import { z } from 'zod';
import { JiraHttpError } from '../../../src/adapters/jira/jira-errors';
import { forgeDependencies } from '../../../src/adapters/forge/forge-dependencies';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { forgeRuntime, type ForgeOnSimulator } from '../../support/forge-on-simulator';
import {
  SEC_PROJECT,
  SITE_USERS,
  startSimulatedSite,
  type SimulatedSite,
} from '../../support/simulated-site';

jest.mock('@forge/api', () =>
  jest.requireActual<ForgeOnSimulator>('../../support/forge-on-simulator').forgeApiOnSimulator(),
);
jest.mock('@forge/kvs', () =>
  jest.requireActual<ForgeOnSimulator>('../../support/forge-on-simulator').forgeKvsInMemory(),
);
jest.mock('@forge/events', () =>
  jest.requireActual<ForgeOnSimulator>('../../support/forge-on-simulator').forgeEventsRecorded(),
);

describe('forgeDependencies on the simulated Forge runtime', () => {
  let site: SimulatedSite;

  beforeAll(async () => {
    site = await startSimulatedSite();
    forgeRuntime.sim = site.sim;
  });
  beforeEach(() => {
    forgeRuntime.reset();
  });
  afterEach(() => {
    site.sim.assertNoContractViolations();
  });
  afterAll(() => site.close());

  const dependencies = () => forgeDependencies({ retryPolicy: fastRetryPolicy() });

  it('calls Jira as the app through asApp()', async () => {
    await expect(dependencies().jiraAsApp.myself()).resolves.toMatchObject({
      accountId: site.sim.appUser.accountId,
    });
  });

  it('calls Jira as the invoking user through asUser(), with that user’s permissions', async () => {
    const issue = site.sim.state.addIssue({ project: SEC_PROJECT, summary: 'VPN exception' });
    const deps = dependencies();

    forgeRuntime.actingUser = SITE_USERS.ciso;
    await expect(deps.jiraAsUser.myself()).resolves.toMatchObject({ accountId: SITE_USERS.ciso });
    await expect(
      deps.jiraAsUser.getIssue(issue.key, { fields: ['summary'], properties: [] }),
    ).resolves.toMatchObject({ fields: { summary: 'VPN exception' } });

    forgeRuntime.actingUser = SITE_USERS.outsider;
    const error = await deps.jiraAsUser
      .getIssue(issue.key, { fields: ['summary'], properties: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraHttpError);
    expect(error).toMatchObject({ status: 404 });
  });

  it('builds the configuration client over asApp(), like every other port (setup needs no user)', async () => {
    const projectCalls = site.sim.calls.count('GET /rest/api/3/project/{projectIdOrKey}');
    await expect(dependencies().configuration.getProject(SEC_PROJECT)).resolves.toMatchObject({
      key: SEC_PROJECT,
    });
    await expect(dependencies().configuration.getProject('NOPE')).resolves.toBeNull();
    expect(site.sim.calls.count('GET /rest/api/3/project/{projectIdOrKey}')).toBe(projectCalls + 2);
  });

  it('fails a Jira call as the user where there is no user (a scheduled trigger), reaching no Jira', async () => {
    const myselfCalls = site.sim.calls.count('GET /rest/api/3/myself');

    // The refusal is not a network failure: it surfaces at once, without retries.
    await expect(dependencies().jiraAsUser.myself()).rejects.toThrow(
      'asUser() outside a user context: set forgeRuntime.actingUser',
    );
    expect(site.sim.calls.count('GET /rest/api/3/myself')).toBe(myselfCalls);
  });

  it('stores in the app’s KVS installation', async () => {
    const { store } = dependencies();

    await expect(store.setIfAbsent('lock:lifecycle-sweep', { holder: 'run-1' }, 900)).resolves.toBe(true);
    await expect(store.setIfAbsent('lock:lifecycle-sweep', { holder: 'run-2' }, 900)).resolves.toBe(false);

    expect(forgeRuntime.kvs.keys()).toEqual(['lock:lifecycle-sweep']);
    await expect(store.get('lock:lifecycle-sweep', z.object({ holder: z.string() }))).resolves.toEqual({
      holder: 'run-1',
    });
  });

  it('pushes lifecycle work to the lifecycle-actions queue', async () => {
    await dependencies().queue.push([{ kind: 'sweep-issues', issueKeys: ['SEC-1'] }]);

    expect(forgeRuntime.pushes).toEqual([
      { queueName: 'lifecycle-actions', events: [{ body: { kind: 'sweep-issues', issueKeys: ['SEC-1'] } }] },
    ]);
  });

  it('tells the time as an ISO instant', () => {
    const before = Date.now();
    const now = Date.parse(dependencies().clock.now());

    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
