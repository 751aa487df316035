/**
 * Enforced transitions through the contract-checked simulator with the REAL handlers: the workflow setup made,
 * the app's validator and post function as Jira calls them, triage on create.
 */
import { assertCleanRun, startExceptionSite, type ExceptionSite } from './exception-harness';
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
// Production retry rules with millisecond backoff; Retry-After is still obeyed.
jest.mock('../../../src/adapters/jira/send-with-retries', () => ({
  ...jest.requireActual<object>('../../../src/adapters/jira/send-with-retries'),
  defaultRetryPolicy: () =>
    jest
      .requireActual<typeof import('../../support/fast-retry-policy')>('../../support/fast-retry-policy')
      .fastRetryPolicy(),
}));

jest.setTimeout(30_000);

let site: ExceptionSite;

beforeEach(async () => {
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  site = await startExceptionSite();
});

afterEach(async () => {
  try {
    assertCleanRun(site);
  } finally {
    await site.close();
    jest.restoreAllMocks();
  }
});

describe('enforced transitions through the simulator', () => {
  it('auto-approves a Low-risk request with controls, with the right history and nextActionAt', async () => {
    await lowRiskIsAutoApproved(site);
  });

  it('leaves an incomplete request in Submitted and tells the requester once what is missing', async () => {
    await incompleteRequestIsToldOnce(site);
  });

  it('refuses High-risk approval until C-level, controls, expiry within the cap and evidence, listing each', async () => {
    await highRiskNeedsEverything(site);
  });

  it('does not let the requester approve their own exception', async () => {
    await requesterCannotApprove(site);
  });

  it('refuses Recertify without all three checklist answers or a fresh justification', async () => {
    await recertificationNeedsChecklistAndFreshJustification(site);
  });
});
