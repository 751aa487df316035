/**
 * The Forge runtime of a plain Node process (the sandbox): `@forge/api`, `@forge/kvs` and `@forge/events` of every
 * module loaded afterwards are the simulator-backed ones of forge-runtime.ts, and the app's system clock is the
 * given one. Load the app (src/index) only after calling this.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Clock } from '../../src/application/ports/clock';
import { forgeApiOver, forgeEventsOver, forgeKvsOver, type ForgeRuntimeOnSimulator } from './forge-runtime';
import { redirectModules } from './redirect-forge-modules';

const load = createRequire(__filename);

/** The app's clock module (src/adapters/forge/system-clock.ts), as Node resolves it. */
const SYSTEM_CLOCK_FILE = path.resolve(__dirname, '..', '..', 'src', 'adapters', 'forge', 'system-clock.ts');

export const installForgeRuntime = (runtime: ForgeRuntimeOnSimulator, clock: Clock): (() => void) => {
  // The real packages' files, resolved before the redirect exists: the builders extend the actual modules.
  const actual = {
    api: load.resolve('@forge/api'),
    kvs: load.resolve('@forge/kvs'),
    events: load.resolve('@forge/events'),
  };
  return redirectModules({
    packages: {
      '@forge/api': () => forgeApiOver(load(actual.api) as typeof import('@forge/api'), runtime),
      '@forge/kvs': () => forgeKvsOver(load(actual.kvs) as Record<string, unknown>, runtime),
      '@forge/events': () => forgeEventsOver(load(actual.events) as typeof import('@forge/events'), runtime),
    },
    files: { [SYSTEM_CLOCK_FILE]: () => ({ systemClock: clock }) },
  });
};
