/**
 * The same scenarios with the faults of the issue's "done when" injected once setup is done: 10 % of requests
 * answered 429 with Retry-After, 5 % answered 500, every request delayed 50–300 ms. The scenarios assert the
 * resulting state exactly, so a retried write that landed twice (a second comment, a second history entry, a
 * second status change) fails them.
 */
import './mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import type { FaultStats } from '../../../simulator';
import { ISSUE_FAULTS } from './exception-harness';
import { adminSavesAVersionThatIsEnforced, nonAdminIsRefusedAndNothingChanges } from './policy-scenarios';
import {
  highRiskNeedsEverything,
  incompleteRequestIsToldOnce,
  lowRiskIsAutoApproved,
  recertificationNeedsChecklistAndFreshJustification,
  requesterCannotApprove,
} from './scenarios';
import { exceptionSitePerTest } from './site-per-test';

// Every request waits 50–300 ms and a 429 asks for a second: each scenario takes seconds.
jest.setTimeout(120_000);

let scenarioNumber = 0;
const met: FaultStats = { delayed: 0, rateLimited: 0, serverErrors: 0, dropped: 0, hung: 0 };

const site = exceptionSitePerTest({
  afterStart: ({ sim }) => {
    // A seed per scenario: with one seed, every scenario would meet the same first faults and no others.
    scenarioNumber += 1;
    sim.faults.set({ ...ISSUE_FAULTS, seed: (ISSUE_FAULTS.seed ?? 0) + scenarioNumber });
  },
  beforeClose: ({ sim }) => {
    for (const kind of Object.keys(met) as (keyof FaultStats)[]) met[kind] += sim.faults.stats[kind];
  },
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
    await scenario(site());
  });
});
