/**
 * ISSUE 7 item 3: the KPI model follows the app's own changes, through the REAL handlers on a simulated site. After
 * a transition recorded by the post function, a revert by the hourly sweep and an issue deleted, the stored summary
 * is exactly what a fresh rebuild of the project gives.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import {
  readKpiProjects,
  rebuildKpiProject,
  type KpiProjectView,
} from '../../../src/application/kpi/kpi-read-model';
import { runSweep } from '../../../src/application/lifecycle/run-sweep';
import { SITE_CONFIG_KEY } from '../../../src/application/site-config';
import { KpiManifestSchema, kpiKeys, writeDocument } from '../../../src/application/kpi/kpi-store-layout';
import { emptyKpiSummary } from '../../../src/domain/kpi';
import * as handlers from '../../../src/index';
import { SITE_USERS } from '../../support/simulated-site';
import { sweepDependencies } from '../lifecycle/sweep-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';

jest.setTimeout(120_000);

const site = exceptionSitePerTest();

const projectId = (): string => {
  const [project] = site().config.projects;
  if (project === undefined) throw new Error('no project set up');
  return project.id;
};

const stored = async (harness: ReturnType<typeof sweepDependencies>): Promise<KpiProjectView> => {
  const view = (await readKpiProjects(harness.deps.store, [projectId()])).get(projectId());
  if (view === null || view === undefined) throw new Error('no KPI model');
  return view;
};

/** The summary a rebuild from scratch gives now, in a store of its own. */
const rebuiltNow = async (harness: ReturnType<typeof sweepDependencies>): Promise<string> => {
  const fresh = new MemoryStore(() => Date.parse(testClock.now()));
  await fresh.set(SITE_CONFIG_KEY, site().config);
  expect(await rebuildKpiProject({ ...harness.deps, store: fresh }, projectId())).toEqual({ done: true });
  return JSON.stringify((await readKpiProjects(fresh, [projectId()])).get(projectId())?.summary);
};

describe('the KPI model kept up to date by the app', () => {
  it('follows a recorded transition, a sweep revert and a deletion exactly as a rebuild would', async () => {
    const retired = await site().raise(EDR_GAP);
    const lapsing = await site().raise({ ...EDR_GAP, affectedAssets: ['cad-ws-08'] });
    const deleted = await site().raise({ ...EDR_GAP, affectedAssets: ['cad-ws-09'] });
    const harness = sweepDependencies(site());
    expect(await rebuildKpiProject(harness.deps, projectId())).toEqual({ done: true });
    expect((await stored(harness)).summary.inForce).toBe(3);

    // The post function records Retire: the model follows at once.
    testClock.set('2026-11-22T09:00:00Z');
    await site().transition(retired, 'Retire', SITE_USERS.securityReviewer);
    const afterRetire = await stored(harness);
    expect(afterRetire.summary.inForce).toBe(2);
    expect(afterRetire.asOf).toBe('2026-11-22T09:00:00Z');
    expect(JSON.stringify(afterRetire.summary)).toBe(await rebuiltNow(harness));

    // The day after expiry the sweep reverts the other two.
    testClock.set('2027-02-01T01:00:00Z');
    const outcome = await runSweep(harness.deps);
    expect(outcome.outcome).toBe('swept');
    expect([site().statusOf(lapsing), site().statusOf(deleted)]).toEqual(['Reverted', 'Reverted']);
    const afterSweep = await stored(harness);
    expect(afterSweep.summary.inForce).toBe(0);
    expect(JSON.stringify(afterSweep.summary)).toBe(await rebuiltNow(harness));

    // An issue deleted: Jira's event (delivered twice) takes it out.
    const issue = site().sim.state.issue(deleted);
    if (issue === undefined) throw new Error('no issue');
    site().sim.state.issues.delete(issue.id);
    const event = { issue: { id: issue.id, key: deleted, fields: { project: { id: projectId() } } } };
    await handlers.kpiIssueDeleted(event);
    await handlers.kpiIssueDeleted(event);
    const afterDelete = await stored(harness);
    expect(Object.values(afterDelete.summary.created).reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(JSON.stringify(afterDelete.summary)).toBe(await rebuiltNow(harness));
  });

  it('unbuilds a project whose stored summary no longer holds what its buckets say, and the transition still goes through', async () => {
    const key = await site().raise(EDR_GAP);
    const harness = sweepDependencies(site());
    expect(await rebuildKpiProject(harness.deps, projectId())).toEqual({ done: true });
    // Tamper with the summary: it loses the exception its bucket still holds.
    const manifest = await harness.deps.store.get(kpiKeys.manifest(projectId()), KpiManifestSchema);
    if (manifest === undefined) throw new Error('no manifest');
    await writeDocument(
      harness.deps.store,
      projectId(),
      manifest.generation,
      { summary: emptyKpiSummary(), secured: {} },
      [],
    );

    await site().transition(key, 'Retire', SITE_USERS.securityReviewer);

    expect(site().statusOf(key)).toBe('Retired');
    expect((await readKpiProjects(harness.deps.store, [projectId()])).get(projectId())).toBeNull();
  });
});
