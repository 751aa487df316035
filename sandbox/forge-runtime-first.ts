/**
 * Imported FIRST by sandbox/main.ts: installs the Forge runtime over the simulator for this process before any
 * module of the app is required (the redirect of simulator/forge-runtime only applies to modules loaded after
 * it). The sandbox clock is created here, running with the real clock until main sets it from `--now`.
 */
import { createForgeRuntime } from '../simulator/forge-runtime/forge-runtime';
import { installForgeRuntime } from '../simulator/forge-runtime/install-forge-runtime';
import { SimClock } from '../simulator/server/sim-clock';

export const sandboxClock = new SimClock(undefined);
export const sandboxRuntime = createForgeRuntime(() => sandboxClock.nowMs());
installForgeRuntime(sandboxRuntime, { now: () => sandboxClock.nowIso() });
