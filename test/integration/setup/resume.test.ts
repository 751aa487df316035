/**
 * Resumable setup: a run Jira fails half-way stops with a typed error and reports what it did; the next run
 * completes without repeating anything. A create whose answer is lost after Jira applied it is found, not
 * repeated.
 */
import type { JiraFetcher } from '../../../src/adapters/jira/jira-fetcher';
import { provisionProject } from '../../../src/application/setup/provision-project';
import { SetupIncompleteError } from '../../../src/application/setup/setup-errors';
import { FRESH_SITE_CREATED } from './expected-reports';
import { startSetupSite, writeCalls, type SetupSite } from './setup-site';

// The first request of an operation compiles its schema from Jira's 2.5 MB document: seconds on a busy machine.
jest.setTimeout(30_000);

let site: SetupSite | undefined;

afterEach(async () => {
  if (site === undefined) return;
  try {
    site.sim.assertNoContractViolations();
  } finally {
    await site.sim.close();
    site = undefined;
  }
});

const failure = async (run: Promise<unknown>): Promise<SetupIncompleteError> => {
  const error: unknown = await run.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof SetupIncompleteError))
    throw new Error(`expected SetupIncompleteError, got ${String(error)}`);
  return error;
};

const withoutWorkflowId = (entry: string): string =>
  entry.replace(/^(workflow "[^"]+") \([0-9a-f-]{36}\)$/, '$1 (id)');

describe.each([
  {
    fault: 'every workflow create answered 503',
    faults: { rate5xx: 1, status5xx: 503, only: ['POST /rest/api/3/workflows/create'] },
    step: 'workflow "Security Exception Workflow"',
    cause: 'Jira answered 503 to POST /rest/api/3/workflows/create',
    createdBefore: FRESH_SITE_CREATED.indexOf(
      'workflow "Security Exception Workflow" (00000000-0000-4000-8000-000000000005)',
    ),
  },
  {
    fault: 'every screen create dropped',
    faults: { rateDrop: 1, only: ['POST /rest/api/3/screens'] },
    step: 'screen "Security Exception Create Screen"',
    cause: 'Jira unavailable for POST /rest/api/3/screens after 1 attempts (last status network error)',
    createdBefore: FRESH_SITE_CREATED.indexOf('screen "Security Exception Create Screen" (2)'),
  },
])('a run that fails half-way ($fault)', ({ faults, step, cause, createdBefore }) => {
  test('stops with a typed error naming the step, and the next run completes what is left', async () => {
    site = await startSetupSite();
    site.sim.faults.set(faults);
    const error = await failure(provisionProject(site.deps, { projectKey: 'SEC' }));
    expect(error.step).toBe(step);
    expect(error.message).toBe(
      `Setup stopped at ${step}: ${cause}. Run setup again to finish; nothing it did is repeated.`,
    );
    expect(error.report.created).toEqual(FRESH_SITE_CREATED.slice(0, createdBefore));
    expect(site.store.keys()).toEqual([]);

    site.sim.faults.clear();
    const resumed = await provisionProject(site.deps, { projectKey: 'SEC' });
    // The simulator's ids of the workflow depend on how often validation ran before it.
    expect(resumed.created.map(withoutWorkflowId)).toEqual(
      FRESH_SITE_CREATED.slice(createdBefore).map(withoutWorkflowId),
    );
    expect(resumed.adopted).toEqual([]);

    const writes = writeCalls(site.sim);
    const again = await provisionProject(site.deps, { projectKey: 'SEC' });
    expect(again.created).toEqual([]);
    expect(writeCalls(site.sim)).toEqual(writes);
  });
});

/** Lets the first request to `path` reach Jira, then loses its answer, as a connection dropped after the write. */
const losingFirstAnswerTo = (path: string) => {
  let lost = false;
  return (fetcher: JiraFetcher): JiraFetcher => ({
    requestJira: async (route, init) => {
      const response = await fetcher.requestJira(route, init);
      if (!lost && route.value === path && init?.method === 'POST') {
        lost = true;
        throw new TypeError('fetch failed');
      }
      return response;
    },
  });
};

test('a create Jira applied but whose answer was lost is found again, not repeated', async () => {
  site = await startSetupSite({ wrapFetcher: losingFirstAnswerTo('/rest/api/3/field') });
  const report = await provisionProject(site.deps, { projectKey: 'SEC' });
  expect(report.created).toEqual(FRESH_SITE_CREATED);
  expect([...site.sim.state.fields.values()].filter((field) => field.name === 'Exception Type')).toHaveLength(
    1,
  );
  expect(site.sim.calls.count('POST /rest/api/3/field')).toBe(12);
});
