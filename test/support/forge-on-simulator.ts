/**
 * The Forge runtime for integration tests that run the real handlers: jest module factories over the one runtime
 * of simulator/forge-runtime (the sandbox process uses the same builders through a Node resolution hook). They
 * replace the network end of `@forge/api`, `@forge/kvs` and `@forge/events` and keep everything else real.
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
import type { FetchMethod } from '@forge/api';
import {
  createForgeRuntime,
  forgeApiOver,
  forgeEventsOver,
  forgeKvsOver,
  recordingEventsClient as runtimeEventsClient,
  type ForgeRuntimeOnSimulator,
  type RecordedPush,
} from '../../simulator/forge-runtime/forge-runtime';

export type { ForgeRuntimeOnSimulator, RecordedPush };

/** The one runtime the factories below read, shared with the test through jest's module registry. */
export const forgeRuntime: ForgeRuntimeOnSimulator = createForgeRuntime();

export type ForgeOnSimulator = typeof import('./forge-on-simulator');

/** `@forge/api` with the real `route`, asApp() as the app on the simulator and asUser() as the acting user. */
export const forgeApiOnSimulator = (
  runtime: ForgeRuntimeOnSimulator = forgeRuntime,
): Record<string, unknown> => forgeApiOver(jest.requireActual('@forge/api'), runtime);

/** `@forge/kvs` with `kvs` (default and named) replaced by the runtime's FakeKvs; errors and conditions are real. */
export const forgeKvsInMemory = (runtime: ForgeRuntimeOnSimulator = forgeRuntime): Record<string, unknown> =>
  forgeKvsOver(jest.requireActual('@forge/kvs'), runtime);

/** A fetch for the events service that accepts every push (201) and records it. */
export const recordingEventsClient = (pushes: RecordedPush[]): FetchMethod =>
  runtimeEventsClient({ pushes, onPush: undefined });

/** `@forge/events` whose Queue is the real one (with its limits) sending to a recording events service. */
export const forgeEventsRecorded = (
  runtime: ForgeRuntimeOnSimulator = forgeRuntime,
): Record<string, unknown> => forgeEventsOver(jest.requireActual('@forge/events'), runtime);
