/**
 * ISSUE 7 item 3, done-when: the gadget's getKpis through the simulator with the REAL resolver, over a site seeded
 * with 1,050 exceptions in 3 projects and the KPI read model rebuilt by the real rebuild. Its report is, byte for
 * byte (key-sorted JSON), what `security-exceptions kpi` prints on the register `security-exceptions export` reads
 * from the same site; a viewer who may not browse a project, or may not see an issue's security level, gets numbers
 * without them, whether the level was set before the read model was built or after.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { rebuildKpiProject } from '../../../src/application/kpi/kpi-read-model';
import { kpiKeys } from '../../../src/application/kpi/kpi-store-layout';
import { GetKpisResponseSchema, type GadgetConfig } from '../../../src/contracts/gadget-kpis';
import { computeKpis } from '../../../src/domain/kpi';
import { defaultPolicy } from '../../../src/domain/policy-schema';
import type { ExceptionRecord, Register } from '../../../src/domain/register-schema';
import { createJiraSimulator, type JiraSimulator } from '../../../simulator';
import { realisticRegister } from '../../../simulator/seed/realistic-register';
import { PARTICIPANTS_GROUP } from '../../../simulator/seed/register-people';
import { SITE_ADMIN_EMAIL, seedSiteFromRegister, type SeededSite } from '../../../simulator/seed/seed-site';
import { cliInMemory } from '../../support/cli-in-memory';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { sortedJson } from '../../support/sorted-json';
import { forgeRuntime } from '../../support/forge-on-simulator';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { UNLIMITED } from '../lifecycle/sweep-harness';
import { invokeGadgetResolver as invoke } from '../transitions/exception-harness';
import { testClock } from '../transitions/test-clock';

jest.setTimeout(300_000);

const NOW = '2026-11-29T09:00:00Z';
const ADMIN_TOKEN = 'admin-token';
const policy = defaultPolicy();

let sim: JiraSimulator;
let site: SeededSite;
let register: Register;

const cli = (args: string[], files: Record<string, string> = {}): Promise<string> =>
  cliInMemory(args, NOW, files);

/** `security-exceptions export --site … | security-exceptions kpi --register -`, as a security lead would run it. */
const kpiOfExport = async (projects: readonly string[]): Promise<unknown> => {
  const exported = await cli([
    'export',
    ...['--site', sim.baseUrl, '--email', SITE_ADMIN_EMAIL, '--token', ADMIN_TOKEN],
    ...projects.flatMap((key) => ['--project', key]),
    ...['--now', NOW, '--format', 'json', '--from', '2024-01-01', '--to', '2026-11-29'],
  ]);
  return JSON.parse(
    await cli(['kpi', '--register', 'exported.json', '--now', NOW], { 'exported.json': exported }),
  );
};

const getKpis = async (accountId: string, config?: GadgetConfig) => {
  const answer = GetKpisResponseSchema.parse(
    await invoke('getKpis', config === undefined ? {} : { config }, accountId),
  );
  if (!answer.ok) throw new Error(`getKpis refused: ${answer.error.message}`);
  return answer;
};

const rebuildAll = async (): Promise<void> => {
  const jiraAsApp = new JiraRestClient(simulatorFetcher(sim), fastRetryPolicy());
  for (const project of site.config.projects) {
    let cursor: string | undefined;
    for (;;) {
      const result = await rebuildKpiProject(
        { jiraAsApp, store: new KvsStore(), clock: testClock, budget: UNLIMITED },
        project.id,
        cursor,
      );
      if (result.done) break;
      cursor = result.cursor;
    }
  }
};

const inProject = (key: string) => (exception: ExceptionRecord) => exception.key.startsWith(`${key}-`);

beforeAll(async () => {
  testClock.set(NOW);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  sim = await createJiraSimulator({ now: () => new Date(testClock.now()) });
  forgeRuntime.sim = sim;
  register = realisticRegister({ count: 1050, projects: ['SEC', 'OPS', 'PAY'], now: NOW, policy });
  site = await seedSiteFromRegister(sim, register, { store: new KvsStore(), adminToken: ADMIN_TOKEN });
  // PAY is browsed by its own team only; everyone seeded from the register is in it too, Sam is not.
  sim.state.addGroup({ name: 'pay-team', members: [...sim.state.users.keys()] });
  sim.state.project('PAY')!.browse = ['pay-team'];
  sim.state.addUser({ accountId: 'sam', displayName: 'Sam Viewer', groups: [PARTICIPANTS_GROUP] });
  await rebuildAll();
});

afterAll(async () => {
  await sim.close();
});

afterEach(() => {
  sim.assertNoContractViolations();
});

describe('getKpis over the KPI read model', () => {
  it('answers, for a viewer of every project, exactly what `kpi` prints on the exported register', async () => {
    const answer = await getKpis(site.admin.accountId);

    expect(register.exceptions).toHaveLength(1050);
    expect(sortedJson(answer.report)).toBe(sortedJson(await kpiOfExport(['OPS', 'PAY', 'SEC'])));
    expect(answer.projects.map((project) => [project.key, project.source])).toEqual([
      ['OPS', 'read-model'],
      ['PAY', 'read-model'],
      ['SEC', 'read-model'],
    ]);
    expect(answer.notes).toEqual([]);
  });

  it('leaves out a project the viewer may not browse, and says nothing about it', async () => {
    const answer = await getKpis('sam');

    expect(answer.projects.map((project) => project.key)).toEqual(['OPS', 'SEC']);
    expect(answer.notes).toEqual([]);
    expect(sortedJson(answer.report)).toBe(
      sortedJson(
        computeKpis(
          register.exceptions.filter((e) => !inProject('PAY')(e)),
          policy,
          NOW,
        ),
      ),
    );
  });

  it('says, without naming them, that chosen projects are not counted', async () => {
    const answer = await getKpis('sam', {
      scope: { kind: 'projects', projectKeys: ['PAY', 'OPS', 'NOPE'] },
      period: { kind: 'rolling', months: 12 },
      refreshMinutes: 15,
    });

    expect(answer.projects.map((project) => project.key)).toEqual(['OPS']);
    expect(answer.notes).toEqual([
      '2 chosen projects are not counted: the app is not set up in them, or you may not browse them.',
    ]);
    expect(sortedJson(answer.report)).toBe(
      sortedJson(computeKpis(register.exceptions.filter(inProject('OPS')), policy, NOW)),
    );
  });

  it('counts a JQL scope as the viewer runs it, ORDER BY and all', async () => {
    const answer = await getKpis('sam', {
      scope: { kind: 'jql', jql: 'project in (OPS, SEC) AND status = Approved ORDER BY created DESC' },
      period: { kind: 'fixed', from: '2026-01', to: '2026-11' },
      refreshMinutes: 0,
    });
    const approved = register.exceptions.filter(
      (exception) => exception.status === 'Approved' && !inProject('PAY')(exception),
    );

    expect(approved.length).toBeGreaterThan(50);
    expect(sortedJson(answer.report)).toBe(
      sortedJson(computeKpis(approved, policy, NOW, { from: '2026-01', to: '2026-11' })),
    );
    expect(answer.notes).toEqual([]);
  });

  it('refuses a JQL filter Jira refuses, with Jira’s words for the person who wrote it', async () => {
    const answer = await invoke(
      'getKpis',
      {
        config: {
          scope: { kind: 'jql', jql: 'nosuchfield = 1' },
          period: { kind: 'rolling', months: 12 },
          refreshMinutes: 0,
        },
      },
      'sam',
    );

    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(answer)).toContain("Jira refused the gadget's JQL filter.");
  });

  it('counts a project whose read model is not built yet live, as the viewer, and asks for its rebuild', async () => {
    const sec = site.config.projects.find((project) => project.key === 'SEC')!;
    await new KvsStore().delete(kpiKeys.manifest(sec.id));
    forgeRuntime.pushes.length = 0;
    try {
      const answer = await getKpis(site.admin.accountId);

      expect(answer.projects.map((project) => [project.key, project.source])).toEqual([
        ['OPS', 'read-model'],
        ['PAY', 'read-model'],
        ['SEC', 'live'],
      ]);
      expect(answer.asOf).toBe(NOW);
      expect(sortedJson(answer.report)).toBe(sortedJson(await kpiOfExport(['OPS', 'PAY', 'SEC'])));
      expect(forgeRuntime.pushes.flatMap((push) => push.events.map((event) => event.body))).toEqual([
        { kind: 'rebuild-kpis', projectId: sec.id },
      ]);
    } finally {
      await rebuildAll();
    }
  });

  it.each([
    ['before the read model was built', true],
    ['after it was built (no event told it)', false],
  ])('keeps secured issues from viewers outside their level: level set %s', async (_when, rebuild) => {
    const level = sim.state.addSecurityLevel({
      name: `Incident ${String(rebuild)}`,
      groups: ['incident-team'],
    });
    const secured = register.exceptions.filter(inProject('OPS')).slice(0, 40);
    for (const exception of secured) sim.state.setSecurityLevel(exception.key, level.id);
    sim.state.addUser({
      accountId: 'ivy',
      displayName: 'Ivy Incident',
      groups: [PARTICIPANTS_GROUP, 'incident-team'],
    });
    try {
      if (rebuild) await rebuildAll();
      const hidden = new Set(secured.map((exception) => exception.key));
      const visibleToSam = register.exceptions.filter((e) => !inProject('PAY')(e) && !hidden.has(e.key));
      const visibleToIvy = register.exceptions.filter((e) => !inProject('PAY')(e));

      expect(sortedJson((await getKpis('sam')).report)).toBe(
        sortedJson(computeKpis(visibleToSam, policy, NOW)),
      );
      expect(sortedJson((await getKpis('ivy')).report)).toBe(
        sortedJson(computeKpis(visibleToIvy, policy, NOW)),
      );
    } finally {
      for (const exception of secured) sim.state.setSecurityLevel(exception.key, null);
      await rebuildAll();
    }
  });
});
