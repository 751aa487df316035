/**
 * The Custom UI bridge for component tests: @forge/bridge reads `globalThis.__bridge.callBridge` when it is
 * imported (FORGE_NOTES §9), so this file runs before each test file (jest setupFiles). A test answers bridge calls
 * with `onInvoke({ getKpis: (payload) => answer })` or `onBridge('getContext', () => context)`; a call nobody
 * answers rejects, so a test never passes on a call it did not expect.
 */
type Handler = (payload: unknown) => unknown;

const handlers = new Map<string, Handler>();
/** Every bridge call made, in order: `[name, payload]`. */
export const bridgeCalls: [string, unknown][] = [];

export const onBridge = (name: string, handler: Handler): void => {
  handlers.set(name, handler);
};

/** Answers `invoke(name, payload)` by resolver name. */
export const onInvoke = (resolvers: Record<string, Handler>): void => {
  onBridge('invoke', (call) => {
    const { functionKey, payload } = call as { functionKey: string; payload: unknown };
    const resolver = resolvers[functionKey];
    if (resolver === undefined) throw new Error(`no test answer for resolver ${functionKey}`);
    return resolver(payload);
  });
};

export const resetBridge = (): void => {
  handlers.clear();
  bridgeCalls.length = 0;
};

(
  globalThis as unknown as { __bridge: { callBridge: (name: string, payload?: unknown) => Promise<unknown> } }
).__bridge = {
  callBridge: (name, payload) => {
    bridgeCalls.push([name, payload]);
    const handler = handlers.get(name);
    if (handler === undefined) return Promise.reject(new Error(`no test answer for bridge call ${name}`));
    return Promise.resolve().then(() => handler(payload));
  },
};
