/**
 * The Forge runtime of this folder's tests, mapped onto the simulator: @forge/api, @forge/kvs and @forge/events
 * (test/support/forge-on-simulator), the handlers' clock (test-clock) and the production retry rules with
 * millisecond backoff (Retry-After still obeyed).
 *
 * Import it FIRST in a test file. jest.mock registers a mock for the modules required after it; ts-jest hoists
 * jest.mock only above the imports of the file that calls it, so here the mocks take effect at this import, and a
 * module imported before it (src/index, exception-harness) would load the real @forge packages.
 */
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

// A module, not a script: isolatedModules compiles each file on its own.
export {};
