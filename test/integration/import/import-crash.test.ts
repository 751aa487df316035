/**
 * ISSUE 7 item 4: an import killed after any number of Jira calls, then run again, gives each row exactly once,
 * at its status, with its history recorded once (the real validators, post functions and triage run on every
 * move); and an import that runs out of time returns a cursor that the next call resumes from.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import type { JiraFetcher } from '../../../src/adapters/jira/jira-fetcher';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { JiraConfigurationClient } from '../../../src/adapters/jira/jira-configuration-client';
import {
  importRegister,
  type ImportDependencies,
} from '../../../src/application/register/import/import-register';
import { ImportRegisterRequestSchema } from '../../../src/contracts/admin-import';
import type { InvocationBudget } from '../../../src/application/ports/invocation-budget';
import { IMPORT_PROPERTY_KEY } from '../../../src/application/register/import/import-property';
import { provisionProject } from '../../../src/application/setup/provision-project';
import { SITE_USERS } from '../../support/simulated-site';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { killedAfter, KilledError, UNLIMITED } from '../lifecycle/sweep-harness';
import { APP_ID } from '../transitions/exception-harness';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';
import { issuesIn } from './import-harness';

jest.setTimeout(600_000);

const site = exceptionSitePerTest();
const { requester, riskOwner, jiraAdmin } = SITE_USERS;

const period = (start: string, end: string) => ({ periodStart: start, periodEnd: end, policyVersion: 1 });

/** A register of three: in review, approved, in recertification; each with the history the app would have written. */
const REGISTER = {
  version: 1,
  exceptions: [
    {
      key: 'SEC-1',
      summary: 'In review',
      type: 'Endpoint control gap',
      status: 'Risk Review',
      requester: { accountId: requester },
      riskOwner: { accountId: riskOwner },
      justification: 'The EDR agent crashes the CAD build.',
      expirationDate: '2027-01-31',
      affectedAssets: ['cad-ws-07'],
      createdAt: '2026-11-21T09:00:00Z',
      history: [
        { at: '2026-11-21T09:00:00Z', action: 'submitted', by: requester },
        { at: '2026-11-21T09:00:00Z', action: 'triaged', by: null },
      ],
    },
    {
      key: 'SEC-2',
      summary: 'Approved',
      type: 'Endpoint control gap',
      status: 'Approved',
      urgency: 'Standard',
      requester: { accountId: requester },
      riskOwner: { accountId: riskOwner },
      justification: 'Line one\nLine two',
      compensatingControls: 'Lab VLAN.',
      expirationDate: '2027-01-31',
      affectedAssets: ['cad-ws-08', 'cad-ws-09'],
      createdAt: '2026-11-21T09:00:00Z',
      history: [
        { at: '2026-11-21T09:00:00Z', action: 'submitted', by: requester },
        {
          at: '2026-11-21T09:00:00Z',
          action: 'auto-approved',
          by: null,
          ...period('2026-11-21', '2027-01-31'),
        },
      ],
    },
    {
      key: 'SEC-3',
      summary: 'Recertifying',
      type: 'Firewall rule',
      status: 'Recertification',
      requester: { accountId: requester },
      riskOwner: { accountId: riskOwner },
      justification: 'Vendor support tunnel.',
      compensatingControls: 'Source IP allow-list.',
      expirationDate: '2027-01-31',
      affectedAssets: ['fw-01'],
      createdAt: '2026-11-21T09:00:00Z',
      history: [
        { at: '2026-11-21T09:00:00Z', action: 'submitted', by: requester },
        {
          at: '2026-11-21T09:00:00Z',
          action: 'auto-approved',
          by: null,
          ...period('2026-11-21', '2027-01-31'),
        },
        { at: '2027-01-10T09:00:00Z', action: 'recertification-started', by: riskOwner },
      ],
    },
  ],
};
const STATUSES = ['Risk Review', 'Approved', 'Recertification'];

const setUpProject = async (key: string): Promise<void> => {
  site().sim.state.addProject({ key, name: `Imported ${key}`, browse: 'everyone' });
  await provisionProject(
    {
      configuration: new JiraConfigurationClient(simulatorFetcher(site().sim), fastRetryPolicy()),
      store: new KvsStore(),
      appId: APP_ID,
    },
    { projectKey: key },
  );
};

const counting = (inner: JiraFetcher, count: { calls: number }): JiraFetcher => ({
  requestJira: (path, init) => {
    count.calls += 1;
    return inner.requestJira(path, init);
  },
});

const deps = (fetcher: JiraFetcher, budget: InvocationBudget = UNLIMITED): ImportDependencies => ({
  jiraAsUser: site().site.asUser(jiraAdmin),
  jiraAsApp: new JiraRestClient(fetcher, fastRetryPolicy()),
  store: new KvsStore(),
  clock: testClock,
  budget,
});

/** The register with its keys moved to batch `batch`, so each batch is a new set of identities. */
const registerOf = (batch: number) => ({
  ...REGISTER,
  exceptions: REGISTER.exceptions.map((exception, index) => ({
    ...exception,
    key: `SEC-${String(batch * 10 + index + 1)}`,
  })),
});

const request = (projectKey: string, { cursor = 0, batch = 0 } = {}) =>
  ImportRegisterRequestSchema.parse({
    projectKey,
    format: 'json',
    content: JSON.stringify(registerOf(batch)),
    cursor,
  });

/** The issues of the project imported from the batch's rows, in creation order. */
const batchIssues = (projectKey: string, batch: number): string[] => {
  const identities = registerOf(batch).exceptions.map((exception) => `key:${exception.key}`);
  return issuesIn(site(), projectKey).filter((key) => {
    const property = site().sim.state.issue(key)?.properties.get(IMPORT_PROPERTY_KEY) as
      { identity?: string } | undefined;
    return identities.includes(property?.identity ?? '');
  });
};

/** Each register row once in the project, at its status, its history exactly the register's. */
const expectEachRowOnce = async (projectKey: string, batch = 0): Promise<void> => {
  const keys = batchIssues(projectKey, batch);
  expect(keys.map((key) => site().statusOf(key))).toEqual(STATUSES);
  for (const [index, key] of keys.entries())
    expect((await site().lifecycle(key)).history).toEqual(REGISTER.exceptions[index]?.history);
};

describe('importRegister killed mid-run', () => {
  it('gives each row exactly once after a kill at every Jira call and a re-run', async () => {
    testClock.set('2027-01-20T09:00:00Z');
    await setUpProject('FULL');
    const count = { calls: 0 };
    const full = await importRegister.run(
      request('FULL'),
      deps(counting(simulatorFetcher(site().sim), count)),
    );
    await site().sim.idle();
    expect(full.counts).toEqual({ created: 3, skipped: 0, rejected: 0, remaining: 0 });
    await expectEachRowOnce('FULL');
    const total = count.calls;
    expect(total).toBeGreaterThan(20);

    await setUpProject('KILL');
    for (let n = 0; n < total; n += 1) {
      const batch = n + 1;
      await expect(
        importRegister.run(request('KILL', { batch }), deps(killedAfter(simulatorFetcher(site().sim), n))),
      ).rejects.toThrow(KilledError);
      await site().sim.idle();
      const rerun = await importRegister.run(request('KILL', { batch }), deps(simulatorFetcher(site().sim)));
      await site().sim.idle();
      expect(rerun.counts.created + rerun.counts.skipped).toBe(3);
      expect(rerun.counts.rejected).toBe(0);
      await expectEachRowOnce('KILL', batch);
      const again = await importRegister.run(request('KILL', { batch }), deps(simulatorFetcher(site().sim)));
      expect(again.counts).toEqual({ created: 0, skipped: 3, rejected: 0, remaining: 0 });
    }
    expect(issuesIn(site(), 'KILL')).toHaveLength(3 * total);
  });

  it('stops when the time runs low and resumes from the cursor it returned', async () => {
    testClock.set('2027-01-20T09:00:00Z');
    await setUpProject('CUR');
    let rowsAllowed = 1;
    const budget: InvocationBudget = { remainingMs: () => (rowsAllowed-- > 0 ? 60_000 : 0) };
    const first = await importRegister.run(request('CUR'), deps(simulatorFetcher(site().sim), budget));
    expect(first).toMatchObject({
      counts: { created: 1, skipped: 0, rejected: 0, remaining: 2 },
      nextCursor: 1,
    });
    rowsAllowed = 5;
    const second = await importRegister.run(
      request('CUR', { cursor: 1 }),
      deps(simulatorFetcher(site().sim), budget),
    );
    await site().sim.idle();
    expect(second).toMatchObject({
      counts: { created: 2, skipped: 0, rejected: 0, remaining: 0 },
      nextCursor: null,
    });
    expect(second.created.map((created) => created.row)).toEqual([2, 3]);
    await expectEachRowOnce('CUR');
  });
});
