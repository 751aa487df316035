/**
 * The Forge runtime over the simulator, for code that runs the app's REAL handlers outside Forge: the jest
 * integration tests (test/support/forge-on-simulator.ts wraps these builders in jest module factories) and the
 * sandbox process (sandbox/, which redirects the `@forge/*` specifiers to them with redirect-forge-modules.ts).
 *
 * Each builder takes the ACTUAL package and keeps everything of it but its network end: `route`, the events
 * package's limits and errors, KVS's error classes stay real; asApp()/asUser() call the simulator, `kvs` is a
 * FakeKvs, and a queue push goes to `onPush` (recorded in the tests, delivered to the consumer in the sandbox).
 * No jest here: the caller hands in the actual modules (jest.requireActual, or Node's own require).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FetchMethod, RequestInit, Response, Route } from '@forge/api';
import type { PushEvent } from '@forge/events';
import type { JiraRequestInit } from '../../src/adapters/jira/jira-fetcher';
import type { JiraSimulator } from '../create-jira-simulator';
import { simulatorFetcher } from '../seed/simulator-fetcher';
import { FakeKvs } from './fake-kvs';

/** One queue push as the events service received it. */
export interface RecordedPush {
  readonly queueName: string;
  readonly events: readonly PushEvent[];
}

export interface ForgeRuntimeOnSimulator {
  /** The site asApp() and asUser() call; set it once the simulator is started. */
  sim: JiraSimulator | undefined;
  /**
   * The person asUser() acts for: the user who invoked the function. Undefined in scheduled triggers. Code that
   * runs invocations for several people at once (the sandbox) uses runAs instead, which wins over this.
   */
  actingUser: string | undefined;
  /** The app's KVS installation. */
  readonly kvs: FakeKvs;
  /** Every push to a queue, in order. */
  readonly pushes: RecordedPush[];
  /** Called after each push is recorded (the sandbox delivers it to the consumer); none by default. */
  onPush: ((push: RecordedPush) => void) | undefined;
  /**
   * Runs `invocation` as `accountId`: asUser() inside it (and everything it awaits) acts for that person, and
   * getAppContext() answers the invocation's remaining time out of `timeoutSeconds` (the function's limit in
   * manifest.yml; Forge's default 25 s for resolvers and validators, FORGE_NOTES §11).
   */
  runAs<T>(accountId: string | undefined, invocation: () => Promise<T>, timeoutSeconds?: number): Promise<T>;
  /** The invocation runAs is running, if any. */
  currentInvocation(): { readonly accountId: string | undefined; readonly deadlineMs: number } | undefined;
  /** The person asUser() acts for right now. */
  currentUser(): string | undefined;
  /** Clears KVS, pushes and the acting user (the simulator stays). */
  reset(): void;
}

/** A resolver's or validator's limit; async functions declare theirs (timeoutSeconds) in manifest.yml. */
export const DEFAULT_SYNC_TIMEOUT_SECONDS = 25;

/** A runtime; `nowMs` is the clock KVS expiry is measured on (the sandbox's simulated clock, or the real one). */
export const createForgeRuntime = (nowMs?: () => number): ForgeRuntimeOnSimulator => {
  // One async context per invocation: two people's resolver calls in flight at once each act as themselves.
  const invoker = new AsyncLocalStorage<{ accountId: string | undefined; deadlineMs: number }>();
  return {
    sim: undefined,
    actingUser: undefined,
    kvs: new FakeKvs(nowMs),
    pushes: [],
    onPush: undefined,
    runAs(accountId, invocation, timeoutSeconds = DEFAULT_SYNC_TIMEOUT_SECONDS) {
      return invoker.run({ accountId, deadlineMs: Date.now() + timeoutSeconds * 1000 }, invocation);
    },
    currentInvocation() {
      return invoker.getStore();
    },
    currentUser() {
      const scoped = invoker.getStore();
      return scoped === undefined ? this.actingUser : scoped.accountId;
    },
    reset() {
      this.kvs.clear();
      this.pushes.length = 0;
      this.actingUser = undefined;
    },
  };
};

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

type ForgeApiModule = typeof import('@forge/api');
type ForgeEventsModule = typeof import('@forge/events');

/** `@forge/api` with the real `route`, asApp() as the app on the simulator and asUser() as the acting user. */
export const forgeApiOver = (
  actual: ForgeApiModule,
  runtime: ForgeRuntimeOnSimulator,
): Record<string, unknown> => {
  const asApp = () => ({
    requestJira: (path: Route, init?: RequestInit) =>
      simulatorFetcher(requireSim(runtime)).requestJira(path, jiraInit(init)),
  });
  // Like Forge's, asUser() can be called anywhere; a request without a user to act for fails.
  const asUser = (userId?: string) => ({
    requestJira: (path: Route, init?: RequestInit) => {
      const actingUser = userId ?? runtime.currentUser();
      if (actingUser === undefined) {
        return Promise.reject(new Error('asUser() outside a user context: set forgeRuntime.actingUser'));
      }
      return simulatorFetcher(requireSim(runtime), actingUser).requestJira(path, jiraInit(init));
    },
  });
  // Inside a runAs invocation the app learns its remaining time as on Forge; outside one, the real function
  // (which throws: there is no Forge invocation), so code that falls back without a context still does.
  const getAppContext = (): ReturnType<ForgeApiModule['getAppContext']> => {
    const invocation = runtime.currentInvocation();
    if (invocation === undefined) return actual.getAppContext();
    return {
      ...({} as ReturnType<ForgeApiModule['getAppContext']>),
      environmentType: 'DEVELOPMENT',
      invocationId: 'sandbox',
      moduleKey: '',
      appVersion: '0.1.0',
      invocationRemainingTimeInMillis: () => invocation.deadlineMs - Date.now(),
    };
  };
  const api = { ...actual.default, asApp, asUser };
  return { ...actual, __esModule: true, default: api, asApp, asUser, getAppContext };
};

/** `@forge/kvs` with `kvs` (default and named) replaced by the runtime's FakeKvs; errors and conditions are real. */
export const forgeKvsOver = (
  actual: Record<string, unknown>,
  runtime: ForgeRuntimeOnSimulator,
): Record<string, unknown> => ({ ...actual, __esModule: true, kvs: runtime.kvs, default: runtime.kvs });

/** A fetch for the events service that accepts every push (201), records it and hands it to `onPush`. */
export const recordingEventsClient =
  (runtime: Pick<ForgeRuntimeOnSimulator, 'pushes' | 'onPush'>): FetchMethod =>
  (_path: string, init?: RequestInit): Promise<Response> => {
    if (typeof init?.body !== 'string') return Promise.reject(new Error('a queue push without a JSON body'));
    const request = JSON.parse(init.body) as { queueName: string; payload: PushEvent[] };
    const push = { queueName: request.queueName, events: request.payload };
    runtime.pushes.push(push);
    runtime.onPush?.(push);
    const response = new globalThis.Response(null, { status: 201 });
    return Promise.resolve(response as unknown as Response);
  };

/** `@forge/events` whose Queue is the real one (with its limits) sending to the recording events service. */
export const forgeEventsOver = (
  actual: ForgeEventsModule,
  runtime: ForgeRuntimeOnSimulator,
): Record<string, unknown> => {
  class RecordedQueue extends actual.Queue {
    constructor(params: { key: string }) {
      super(params, recordingEventsClient(runtime));
    }
  }
  return { ...actual, __esModule: true, Queue: RecordedQueue };
};
