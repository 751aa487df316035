/**
 * ISSUE 7 item 3, the read model against a seeded site (1,200 exceptions in 3 projects, simulator/seed): a rebuild
 * of each project followed by kpiReportFromSummary of the merged summaries is, byte for byte, what computeKpis
 * gives over the register the command line reads from the same site; at the lower bound of search requests; cut by
 * the budget it resumes from its cursor to the same model; a change applied while it runs is not lost.
 */
import { JiraRestClient } from '../../../src/adapters/jira/jira-rest-client';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import {
  applyKpiChange,
  readKpiFacts,
  readKpiProjects,
  rebuildKpiProject,
  type KpiProjectView,
  type RebuildKpiDependencies,
} from '../../../src/application/kpi/kpi-read-model';
import { KPI_REBUILD_PAGE_SIZE } from '../../../src/application/kpi/rebuild-kpi-project';
import { refreshKpiIssue } from '../../../src/application/kpi/refresh-kpi-issue';
import type { InvocationBudget } from '../../../src/application/ports/invocation-budget';
import type { StorePort } from '../../../src/application/ports/store-port';
import { SITE_CONFIG_KEY } from '../../../src/application/site-config';
import { readSiteRegister } from '../../../src/application/register/read-site-register';
import { computeKpis, kpiReportFromSummary, mergeKpiSummaries } from '../../../src/domain/kpi';
import { createJiraSimulator, type JiraSimulator } from '../../../simulator';
import { seedSiteFromRegister, type SeededSite } from '../../../simulator/seed/seed-site';
import { simulatorFetcher } from '../../../simulator/seed/simulator-fetcher';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { CountingStore } from '../../application/kpi/counting-store';
import { kpiRegister } from './kpi-register';

jest.setTimeout(300_000);

const NOW = '2026-11-21T09:00:00Z';
const PROJECTS = ['KPA', 'KPB', 'KPC'];
const PER_PROJECT = 400;
const SEARCH = 'POST /rest/api/3/search/jql';
const UNLIMITED: InvocationBudget = { remainingMs: () => Number.POSITIVE_INFINITY };

/** A budget with room for `pages` search pages (it is asked once before each), then none. */
const budgetFor = (pages: number): InvocationBudget => {
  let asked = 0;
  return {
    remainingMs: () => {
      asked += 1;
      return asked <= pages ? Number.POSITIVE_INFINITY : 0;
    },
  };
};

let sim: JiraSimulator;
let site: SeededSite;
let jira: JiraRestClient;

const depsWith = (store: StorePort, budget: InvocationBudget = UNLIMITED): RebuildKpiDependencies => ({
  jiraAsApp: jira,
  store,
  clock: { now: () => sim.state.nowIso() },
  budget,
});

/** An empty app store but for the site config setup wrote (the rebuild reads it). */
const freshStore = async (): Promise<MemoryStore> => {
  const store = new MemoryStore(() => Date.parse(sim.state.nowIso()));
  await store.set(SITE_CONFIG_KEY, site.config);
  return store;
};

const projectIds = (): string[] => site.config.projects.map((project) => project.id);

const views = async (store: StorePort): Promise<KpiProjectView[]> => {
  const read = await readKpiProjects(store, projectIds());
  return projectIds().map((id) => {
    const view = read.get(id);
    if (view === null || view === undefined) throw new Error(`no KPI model for project ${id}`);
    return view;
  });
};

const rebuildAll = async (store: StorePort): Promise<void> => {
  for (const id of projectIds()) expect(await rebuildKpiProject(depsWith(store), id)).toEqual({ done: true });
};

/** Rebuilds `projectId` `pages` search pages per invocation, following the cursor; answers the invocations. */
const rebuildInSteps = async (store: StorePort, projectId: string, pages: number): Promise<number> => {
  let result = await rebuildKpiProject(depsWith(store, budgetFor(pages)), projectId);
  let invocations = 1;
  while (!result.done) {
    result = await rebuildKpiProject(depsWith(store, budgetFor(pages)), projectId, result.cursor);
    invocations += 1;
  }
  return invocations;
};

beforeAll(async () => {
  sim = await createJiraSimulator({ now: () => new Date(NOW) });
  site = await seedSiteFromRegister(sim, kpiRegister(PROJECTS, PER_PROJECT), { adminToken: 'admin-token' });
  jira = new JiraRestClient(simulatorFetcher(sim), fastRetryPolicy());
});
afterAll(() => sim.close());

describe('the KPI read model rebuilt from a seeded site', () => {
  it('reports byte for byte what `kpi` computes over the register read from the site, at the lower bound of searches', async () => {
    const store = new CountingStore(await freshStore());
    sim.calls.reset();
    await rebuildAll(store);
    const searches = sim.calls.count(SEARCH);
    const jiraCalls = sim.calls.total;
    const rebuildCounts = { ...store.counts };

    const { exceptions } = await readSiteRegister(jira, site.config);
    expect(exceptions).toHaveLength(PROJECTS.length * PER_PROJECT);
    store.reset();
    const read = await views(store);
    const report = kpiReportFromSummary(
      mergeKpiSummaries(read.map((view) => view.summary)),
      site.policy,
      NOW,
    );
    expect(JSON.stringify(report)).toBe(JSON.stringify(computeKpis(exceptions, site.policy, NOW)));

    // The lower bound: ceil(n / page size) searches per project, nothing else from Jira.
    expect(searches).toBe(PROJECTS.length * Math.ceil(PER_PROJECT / KPI_REBUILD_PAGE_SIZE));
    expect(jiraCalls).toBe(searches);
    // Two batch reads for three projects: the manifests, then every chunk.
    expect(store.counts).toEqual({ reads: 2, writes: 0, locks: 0 });
    console.info(
      `KPI rebuild of ${exceptions.length} issues: ${searches} searches (lower bound ${PROJECTS.length * Math.ceil(PER_PROJECT / KPI_REBUILD_PAGE_SIZE)}), KVS ${JSON.stringify(rebuildCounts)}; readKpiProjects(3): ${store.counts.reads} batch reads`,
    );
  });

  it('cut by the budget, resumes from its cursor to the same model', async () => {
    const whole = await freshStore();
    await rebuildAll(whole);
    const stepped = await freshStore();
    const [first] = projectIds();
    if (first === undefined) throw new Error('no project');
    // One page an invocation: the last page's invocation also swaps the model in.
    expect(await rebuildInSteps(stepped, first, 1)).toBe(Math.ceil(PER_PROJECT / KPI_REBUILD_PAGE_SIZE));
    const [wholeView] = await views(whole);
    const steppedView = (await readKpiProjects(stepped, [first])).get(first);
    expect(JSON.stringify(steppedView?.summary)).toBe(JSON.stringify(wholeView?.summary));
    expect([...(await readKpiFacts(stepped, first))].sort()).toEqual(
      [...(await readKpiFacts(whole, first))].sort(),
    );
  });

  it('keeps a change applied while a rebuild runs', async () => {
    const store = await freshStore();
    const [first] = projectIds();
    if (first === undefined) throw new Error('no project');
    // Right after the rebuild has read the first page (ids in order, KPA-2 in it) and before it writes what it
    // read, KPA-2 is retired in Jira and the change applied: the rebuild's read of it is now out of date.
    let pagesRead = 0;
    const changeMidRebuild = async (): Promise<void> => {
      const issue = sim.state.issue('KPA-2');
      if (issue === undefined) throw new Error('no KPA-2');
      issue.statusId = site.config.statuses.Retired;
      expect(await refreshKpiIssue(depsWith(store), 'KPA-2')).toBe('applied');
    };
    const racing: RebuildKpiDependencies = {
      ...depsWith(store),
      jiraAsApp: Object.assign(Object.create(jira) as JiraRestClient, {
        search: async (...args: Parameters<JiraRestClient['search']>) => {
          const page = await jira.search(...args);
          pagesRead += 1;
          if (pagesRead === 1) {
            expect(page.issues.some((issue) => issue.key === 'KPA-2')).toBe(true);
            await changeMidRebuild();
          }
          return page;
        },
      }),
    };
    expect(await rebuildKpiProject(racing, first)).toEqual({ done: true });

    const fresh = await freshStore();
    expect(await rebuildKpiProject(depsWith(fresh), first)).toEqual({ done: true });
    const after = (await readKpiProjects(store, [first])).get(first);
    const expected = (await readKpiProjects(fresh, [first])).get(first);
    expect(JSON.stringify(after?.summary)).toBe(JSON.stringify(expected?.summary));
  });

  it('applies the same change twice as once, and leaves secured issues out of the summary', async () => {
    const store = new CountingStore(await freshStore());
    const [first] = projectIds();
    if (first === undefined) throw new Error('no project');
    expect(await rebuildKpiProject(depsWith(store), first)).toEqual({ done: true });
    const facts = await readKpiFacts(store, first);
    const [issueId] = [...facts.keys()];
    if (issueId === undefined) throw new Error('no facts');
    const { exceptions } = await readSiteRegister(jira, site.config);
    const record = exceptions.find((candidate) => candidate.id === issueId);
    if (record === undefined) throw new Error('no record');
    const before = (await readKpiProjects(store, [first])).get(first);

    // The issue now has a security level: its facts leave the summary and are answered apart.
    store.reset();
    const change = { projectId: first, issueId, record, secured: true };
    expect(await applyKpiChange(depsWith(store), change)).toBe('applied');
    const perChange = { ...store.counts };
    const once = (await readKpiProjects(store, [first])).get(first);
    expect(await applyKpiChange(depsWith(store), change)).toBe('unchanged');
    const twice = (await readKpiProjects(store, [first])).get(first);
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
    expect(once?.securedFacts.get(issueId)).toEqual(facts.get(issueId)?.facts);
    expect(once?.summary.created).not.toEqual(before?.summary.created);
    const withoutIt = exceptions.filter(
      (candidate) => candidate.id !== issueId && candidate.key.startsWith('KPA-'),
    );
    expect(JSON.stringify(kpiReportFromSummary(once!.summary, site.policy, NOW))).toBe(
      JSON.stringify(computeKpis(withoutIt, site.policy, NOW)),
    );

    // And back: not secured any more, the summary is the rebuilt one again.
    expect(await applyKpiChange(depsWith(store), { ...change, secured: false })).toBe('applied');
    const back = (await readKpiProjects(store, [first])).get(first);
    expect(JSON.stringify(back?.summary)).toBe(JSON.stringify(before?.summary));
    expect(back?.securedFacts.size).toBe(0);
    console.info(`applyKpiChange: KVS ${JSON.stringify(perChange)}`);
  });
});
