/**
 * Outside jest, the app's `import api from '@forge/api'` must reach the runtime of forge-runtime.ts, as jest.mock
 * makes it in the tests. `tsx sandbox/main.ts` runs our TypeScript as CommonJS (package.json has no "type"), so
 * every import is a `require` that asks `Module._resolveFilename` where the file is, then returns the module
 * cached under that name. The hook answers a virtual file name for each redirected specifier and puts the built
 * module in the cache under it, so `require` returns it without reading anything.
 *
 * Why not `module.register` (an ESM loader hook): it only sees `import` through Node's ESM loader, and CommonJS
 * `require` calls in Node 20 do not go through it, so the app's modules would still load the real packages.
 *
 * Relative specifiers are matched by the file they resolve to (e.g. src/adapters/forge/system-clock.ts, whose clock
 * the sandbox replaces with its simulated one); package specifiers by name, from any requiring file.
 */
import Module from 'node:module';

/** What `Module` has at run time but @types/node does not declare. */
interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _cache: Record<string, NodeJS.Module | undefined>;
}

export interface ModuleRedirect {
  /** Bare package specifiers, e.g. '@forge/api'. */
  readonly packages?: Readonly<Record<string, () => Record<string, unknown>>>;
  /** Absolute paths of our own files (as resolved, with extension), e.g. …/src/adapters/forge/system-clock.ts. */
  readonly files?: Readonly<Record<string, () => Record<string, unknown>>>;
}

const VIRTUAL_PREFIX = '\0forge-runtime:';

/** Installs the redirect for this process; answers a function that removes it. Install it before the app loads. */
export const redirectModules = (redirect: ModuleRedirect): (() => void) => {
  const internals = Module as unknown as ModuleInternals;
  const original = internals._resolveFilename.bind(Module);
  const cacheUnder = (name: string, build: () => Record<string, unknown>): string => {
    const filename = `${VIRTUAL_PREFIX}${name}`;
    if (internals._cache[filename] === undefined) {
      const module = new Module(filename);
      module.exports = build();
      module.loaded = true;
      internals._cache[filename] = module;
    }
    return filename;
  };
  internals._resolveFilename = (request, parent, isMain, options) => {
    const packageBuild = redirect.packages?.[request];
    if (packageBuild !== undefined) return cacheUnder(request, packageBuild);
    const resolved = original(request, parent, isMain, options);
    const fileBuild = redirect.files?.[resolved];
    return fileBuild === undefined ? resolved : cacheUnder(resolved, fileBuild);
  };
  return () => {
    internals._resolveFilename = original;
  };
};
