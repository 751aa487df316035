/** The admin page's policy resolvers through the simulator, with the REAL handlers (see exception-harness.ts). */
import { assertCleanRun, startExceptionSite, type ExceptionSite } from './exception-harness';
import { adminSavesAVersionThatIsEnforced, nonAdminIsRefusedAndNothingChanges } from './policy-scenarios';

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

describe('policy resolvers through the simulator', () => {
  it('refuse a caller who is not a Jira admin, and nothing changes', async () => {
    await nonAdminIsRefusedAndNothingChanges(site);
  });

  it('let an admin save a new version, refuse a stale save, and the workflow enforces the new version', async () => {
    await adminSavesAVersionThatIsEnforced(site);
  });
});
