/**
 * Setup under Jira's everyday failures (10 % 429 with Retry-After, 5 % 5xx, 50–300 ms latency, seeded): it
 * completes in one run, reports exactly what a clean run reports, and creates every object once.
 */
import { provisionProject } from '../../../src/application/setup/provision-project';
import type { JiraFetcher } from '../../../src/adapters/jira/jira-fetcher';
import type { SimState } from '../../../simulator';
import { FRESH_SITE_CREATED } from './expected-reports';
import { startSetupSite, type SetupSite } from './setup-site';

let site: SetupSite;

afterEach(async () => {
  try {
    site.sim.assertNoContractViolations();
  } finally {
    await site.sim.close();
  }
});

/** How many objects of each name the site holds, for every kind setup creates. */
const census = (state: SimState): Record<string, number> => {
  const counts: Record<string, number> = {};
  const add = (kind: string, names: Iterable<string>): void => {
    for (const name of names) counts[`${kind} ${name}`] = (counts[`${kind} ${name}`] ?? 0) + 1;
  };
  add(
    'field',
    [...state.fields.values()].filter((field) => field.custom).map((field) => field.name),
  );
  add(
    'option',
    [...state.fieldContexts.values()].flatMap((context) =>
      context.options.map((option) => `${context.fieldId}:${option.value}`),
    ),
  );
  add(
    'issue type',
    [...state.issueTypes.values()].map((type) => type.name),
  );
  add(
    'status',
    [...state.statuses.values()].map((status) => status.name),
  );
  add(
    'screen',
    [...state.screens.values()].map((screen) => screen.name),
  );
  add(
    'tab',
    [...state.screens.values()].flatMap((screen) => screen.tabs.map((tab) => `${screen.name}:${tab.name}`)),
  );
  add(
    'screen field',
    [...state.screens.values()].flatMap((screen) =>
      screen.tabs.flatMap((tab) => tab.fieldIds.map((id) => `${screen.name}:${id}`)),
    ),
  );
  add(
    'workflow',
    [...state.workflows.values()].map((workflow) => workflow.name),
  );
  add(
    'workflow scheme',
    [...state.workflowSchemes.values()].map((scheme) => scheme.name),
  );
  add(
    'screen scheme',
    [...state.screenSchemes.values()].map((scheme) => scheme.name),
  );
  add(
    'issue type screen scheme',
    [...state.issueTypeScreenSchemes.values()].map((scheme) => scheme.name),
  );
  return counts;
};

/** Records the status of every answer the app's client got (0: no answer). */
const recordingAnswers =
  (answers: { method: string; status: number }[]) =>
  (fetcher: JiraFetcher): JiraFetcher => ({
    requestJira: async (route, init) => {
      const method = init?.method ?? 'GET';
      try {
        const response = await fetcher.requestJira(route, init);
        answers.push({ method, status: response.status });
        return response;
      } catch (error) {
        answers.push({ method, status: 0 });
        throw error;
      }
    },
  });

test('setup completes through injected faults and creates each object exactly once', async () => {
  const answers: { method: string; status: number }[] = [];
  site = await startSetupSite({ wrapFetcher: recordingAnswers(answers) });
  site.sim.faults.set({
    rate429: 0.1,
    retryAfterSeconds: 1,
    rate5xx: 0.05,
    status5xx: 500,
    latencyMs: [50, 300],
    seed: 20261121,
  });
  const report = await provisionProject(site.deps, { projectKey: 'SEC' });
  const stats = { ...site.sim.faults.stats };
  site.sim.faults.clear();

  expect(report.created).toEqual(FRESH_SITE_CREATED);
  expect(report.adopted).toEqual([]);
  const counts = census(site.sim.state);
  expect(Object.entries(counts).filter(([, count]) => count !== 1)).toEqual([]);
  expect(Object.keys(counts).filter((key) => key.startsWith('field '))).toHaveLength(12);
  expect(stats.rateLimited).toBeGreaterThan(0);
  expect(stats.serverErrors).toBeGreaterThan(0);
  // Every 429 was waited out for the second Jira asked for.
  expect(site.waits.filter((ms) => ms === 1000)).toHaveLength(stats.rateLimited);

  // Some creates were answered 500 and setup looked again before creating (the client never repeats them).
  expect(answers.filter((answer) => answer.method !== 'GET' && answer.status === 500).length).toBeGreaterThan(
    0,
  );

  const again = await provisionProject(site.deps, { projectKey: 'SEC' });
  expect(again.created).toEqual([]);
}, 120_000);
