/**
 * The Forge runtime for integration tests that run the real handlers: jest module factories that replace the
 * network end of `@forge/api`, `@forge/kvs` and `@forge/events` and keep everything else real (`route`, the
 * events package's own validation, the adapters and the composition in forgeDependencies()).
 *
 * ```ts
 * jest.mock('@forge/api', () => jest.requireActual<ForgeOnSimulator>('../support/forge-on-simulator').forgeApiOnSimulator());
 * jest.mock('@forge/kvs', () => jest.requireActual<ForgeOnSimulator>('../support/forge-on-simulator').forgeKvsInMemory());
 * jest.mock('@forge/events', () => jest.requireActual<ForgeOnSimulator>('../support/forge-on-simulator').forgeEventsRecorded());
 * beforeAll(async () => { site = await startSimulatedSite(); forgeRuntime.sim = site.sim; });
 * it('…', async () => { forgeRuntime.actingUser = SITE_USERS.ciso; await validateTransition(payload, context); });
 * ```
 * (jest hoists `jest.mock` above the imports, so a factory may only reach this module through requireActual.)
 */
import type { FetchMethod, RequestInit, Response, Route } from '@forge/api';
import type { PushEvent } from '@forge/events';
import type { JiraRequestInit } from '../../src/adapters/jira/jira-fetcher';
import type { JiraSimulator } from '../../simulator';
import { FakeKvs } from './fake-kvs';
import { simulatorFetcher } from './simulator-fetcher';

/** One queue push as the events service received it. */
export interface RecordedPush {
  readonly queueName: string;
  readonly events: readonly PushEvent[];
}

export interface ForgeRuntimeOnSimulator {
  /** The site asApp() and asUser() call; set it once the simulator is started. */
  sim: JiraSimulator | undefined;
  /** The person asUser() acts for: the user who invoked the function. Undefined in scheduled triggers. */
  actingUser: string | undefined;
  /** The app's KVS installation. */
  readonly kvs: FakeKvs;
  /** Every push to a queue, in order. */
  readonly pushes: RecordedPush[];
  /** Clears KVS, pushes and the acting user (the simulator stays). */
  reset(): void;
}

/** The one runtime the factories below read, shared with the test through jest's module registry. */
export const forgeRuntime: ForgeRuntimeOnSimulator = {
  sim: undefined,
  actingUser: undefined,
  kvs: new FakeKvs(),
  pushes: [],
  reset() {
    this.kvs.clear();
    this.pushes.length = 0;
    this.actingUser = undefined;
  },
};

export type ForgeOnSimulator = typeof import('./forge-on-simulator');

const requireSim = (runtime: ForgeRuntimeOnSimulator): JiraSimulator => {
  if (runtime.sim === undefined)
    throw new Error('forgeRuntime.sim is not set: start the simulated site first');
  return runtime.sim;
};

/** Forge's RequestInit as the plain-HTTP fetcher takes it (the adapters send string bodies and literal methods). */
const jiraInit = (init: RequestInit = {}): JiraRequestInit => ({
  ...(init.method === undefined ? {} : { method: init.method as NonNullable<JiraRequestInit['method']> }),
  ...(typeof init.body === 'string' ? { body: init.body } : {}),
  ...(init.headers === undefined ? {} : { headers: init.headers }),
});

/** `@forge/api` with the real `route`, asApp() as the app on the simulator and asUser() as the acting user. */
export const forgeApiOnSimulator = (
  runtime: ForgeRuntimeOnSimulator = forgeRuntime,
): Record<string, unknown> => {
  const actual = jest.requireActual<typeof import('@forge/api')>('@forge/api');
  const asApp = () => ({
    requestJira: (path: Route, init?: RequestInit) =>
      simulatorFetcher(requireSim(runtime)).requestJira(path, jiraInit(init)),
  });
  // Like Forge's, asUser() can be called anywhere; a request without a user to act for fails.
  const asUser = (userId?: string) => ({
    requestJira: (path: Route, init?: RequestInit) => {
      const actingUser = userId ?? runtime.actingUser;
      if (actingUser === undefined) {
        return Promise.reject(new Error('asUser() outside a user context: set forgeRuntime.actingUser'));
      }
      return simulatorFetcher(requireSim(runtime), actingUser).requestJira(path, jiraInit(init));
    },
  });
  const api = { ...actual.default, asApp, asUser };
  return { ...actual, __esModule: true, default: api, asApp, asUser };
};

/** `@forge/kvs` with `kvs` (default and named) replaced by the runtime's FakeKvs; errors and conditions are real. */
export const forgeKvsInMemory = (
  runtime: ForgeRuntimeOnSimulator = forgeRuntime,
): Record<string, unknown> => {
  const actual = jest.requireActual<Record<string, unknown>>('@forge/kvs');
  return { ...actual, __esModule: true, kvs: runtime.kvs, default: runtime.kvs };
};

/** A fetch for the events service that accepts every push (201) and records it. */
export const recordingEventsClient =
  (pushes: RecordedPush[]): FetchMethod =>
  (_path: string, init?: RequestInit): Promise<Response> => {
    if (typeof init?.body !== 'string') return Promise.reject(new Error('a queue push without a JSON body'));
    const request = JSON.parse(init.body) as { queueName: string; payload: PushEvent[] };
    pushes.push({ queueName: request.queueName, events: request.payload });
    const response = new globalThis.Response(null, { status: 201 });
    return Promise.resolve(response as unknown as Response);
  };

/** `@forge/events` whose Queue is the real one (with its limits) sending to a recording events service. */
export const forgeEventsRecorded = (
  runtime: ForgeRuntimeOnSimulator = forgeRuntime,
): Record<string, unknown> => {
  const actual = jest.requireActual<typeof import('@forge/events')>('@forge/events');
  class RecordedQueue extends actual.Queue {
    constructor(params: { key: string }) {
      super(params, recordingEventsClient(runtime.pushes));
    }
  }
  return { ...actual, __esModule: true, Queue: RecordedQueue };
};
