/**
 * The same scenarios with the faults of the issue's "done when" injected once setup is done: 10 % of requests
 * answered 429 with Retry-After, 5 % answered 500, every request delayed 50–300 ms. The scenarios assert the
 * resulting state exactly, so a retried write that landed twice (a second comment, a second history entry, a
 * second status change) fails them.
 */
import type { FaultStats } from '../../../simulator';
import { assertCleanRun, ISSUE_FAULTS, startExceptionSite, type ExceptionSite } from './exception-harness';
import { adminSavesAVersionThatIsEnforced, nonAdminIsRefusedAndNothingChanges } from './policy-scenarios';
import {
  highRiskNeedsEverything,
  incompleteRequestIsToldOnce,
  lowRiskIsAutoApproved,
  recertificationNeedsChecklistAndFreshJustification,
  requesterCannotApprove,
} from './scenarios';

jest.mock('@forge/api', () =>
  jest
    .requireActual<typeof import('../../support/forge-on-simulator')>('../../support/forge-on-simulator')
    .forgeApiOnSimulator(),
);
jest.mock('@forge/kvs', () =>
  jest
    .requireActual<typeof import('../../support/forge-on-simulator')>('../../support/forge-on-simulator')
    .forgeKvsInMemory(),
);
jest.mock('@forge/events', () =>
  jest
    .requireActual<typeof import('../../support/forge-on-simulator')>('../../support/forge-on-simulator')
    .forgeEventsRecorded(),
);
jest.mock('../../../src/adapters/forge/system-clock', () => ({
  systemClock: jest.requireActual<typeof import('./test-clock')>('./test-clock').testClock,
}));
jest.mock('../../../src/adapters/jira/send-with-retries', () => ({
  ...jest.requireActual<object>('../../../src/adapters/jira/send-with-retries'),
  defaultRetryPolicy: () =>
    jest
      .requireActual<typeof import('../../support/fast-retry-policy')>('../../support/fast-retry-policy')
      .fastRetryPolicy(),
}));

// Every request waits 50–300 ms and a 429 asks for a second: each scenario takes seconds.
jest.setTimeout(120_000);

let site: ExceptionSite;
let scenarioNumber = 0;
const met: FaultStats = { delayed: 0, rateLimited: 0, serverErrors: 0, dropped: 0, hung: 0 };

beforeEach(async () => {
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  site = await startExceptionSite();
  // A seed per scenario: with one seed, every scenario would meet the same first faults and no others.
  scenarioNumber += 1;
  site.sim.faults.set({ ...ISSUE_FAULTS, seed: (ISSUE_FAULTS.seed ?? 0) + scenarioNumber });
});

afterEach(async () => {
  try {
    assertCleanRun(site);
  } finally {
    for (const kind of Object.keys(met) as (keyof FaultStats)[]) met[kind] += site.sim.faults.stats[kind];
    await site.close();
    jest.restoreAllMocks();
  }
});

afterAll(() => {
  // The scenarios met every kind of fault asked for; otherwise passing them would prove nothing.
  expect(met.rateLimited).toBeGreaterThan(0);
  expect(met.serverErrors).toBeGreaterThan(0);
  expect(met.delayed).toBeGreaterThan(met.rateLimited + met.serverErrors);
});

describe('the scenarios under injected faults (10 % 429, 5 % 500, 50–300 ms latency)', () => {
  it.each([
    ['auto-approval of a Low-risk request with controls', lowRiskIsAutoApproved],
    ['an incomplete request told once what is missing', incompleteRequestIsToldOnce],
    ['High-risk approval refused until everything is there', highRiskNeedsEverything],
    ['the requester unable to approve their own exception', requesterCannotApprove],
    [
      'Recertify refused without the checklist or a fresh justification',
      recertificationNeedsChecklistAndFreshJustification,
    ],
    ['policy resolvers refusing a non-admin, changing nothing', nonAdminIsRefusedAndNothingChanges],
    ['a saved policy version enforced', adminSavesAVersionThatIsEnforced],
  ])('%s', async (_name, scenario) => {
    await scenario(site);
  });
});
