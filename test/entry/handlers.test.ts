import path from 'node:path';
import { ADMIN_RESOLVERS, GADGET_RESOLVERS, ISSUE_PANEL_RESOLVERS } from '@contracts/resolver-names';
import Resolver from '@forge/resolver';
import * as index from '../../src/index';
import { readManifest } from '../../tools/forge-lint';

const manifest = readManifest(path.resolve(__dirname, '../..'));
const functions = manifest.modules?.function ?? [];

/** Function keys that modules name as `resolver: { function }`: Custom UI resolvers, invoked by name. */
const resolverFunctionKeys = new Set(
  Object.values(manifest.modules ?? {})
    .flat()
    .flatMap((module: unknown) => {
      const resolver = (module as { resolver?: { function?: unknown } }).resolver;
      return typeof resolver?.function === 'string' ? [resolver.function] : [];
    }),
);

/** The export each function key's `index.<name>` handler names. */
const exportOf = (functionKey: string): string => {
  const handler = functions.find((fn) => fn.key === functionKey)?.handler;
  if (!handler) throw new Error(`manifest.yml has no function ${functionKey}`);
  return handler.replace(/^index\./, '');
};

const callable = (exportName: string): ((...args: unknown[]) => Promise<unknown>) => {
  const handler: unknown = (index as Record<string, unknown>)[exportName];
  if (typeof handler !== 'function') throw new Error(`src/index.ts does not export a function ${exportName}`);
  return handler as (...args: unknown[]) => Promise<unknown>;
};

/** Handlers whose use cases are built: they answer, and their behaviour is tested through the simulator. */
const BUILT_HANDLERS = [
  'validate-transition',
  'record-transition',
  'triage-on-create',
  'review-decision-edit',
  'kpi-issue-deleted',
  'store-default-policy',
  'lifecycle-sweep',
  'lifecycle-worker',
  'admin-job-worker',
  'ignore-file-trigger',
];

/** Every resolver of each resolver function: all built (test/integration covers their behaviour). */
const RESOLVERS: Record<string, readonly string[]> = {
  'gadget-resolver': GADGET_RESOLVERS,
  'admin-resolver': ADMIN_RESOLVERS,
  'issue-panel-resolver': ISSUE_PANEL_RESOLVERS,
};

describe('manifest.yml and src/index.ts', () => {
  it('name the same handlers: every function.handler is an export, and nothing else is exported', () => {
    const handlers = functions.map((fn) => fn.handler).sort();
    expect(handlers.every((handler) => /^index\.\w+$/.test(handler))).toBe(true);
    expect(handlers.map((handler) => handler.replace(/^index\./, ''))).toEqual(Object.keys(index).sort());
    for (const handler of handlers) expect(typeof callable(handler.replace(/^index\./, ''))).toBe('function');
  });

  it('every manifest function is a resolver function of the contract or a built handler', () => {
    const keys = functions.map((fn) => fn.key);
    expect(keys.filter((key) => resolverFunctionKeys.has(key)).sort()).toEqual(Object.keys(RESOLVERS).sort());
    expect(keys.filter((key) => !resolverFunctionKeys.has(key)).sort()).toEqual([...BUILT_HANDLERS].sort());
  });

  const invoke = (functionKey: string, name: string): Promise<unknown> =>
    callable(exportOf(functionKey))(
      { call: { functionKey: name, payload: {} }, context: { localId: 'l1' } },
      { principal: { accountId: 'a1' } },
    );
  const NO_DEFINITION = /^Resolver has no definition/;
  /** @forge/resolver's own lookup of a definition by name (private in its types, so typed here). */
  interface LookupByName {
    getFunction(key: string): unknown;
  }
  const resolverPrototype = Resolver.prototype as unknown as LookupByName;

  it.each(Object.entries(RESOLVERS).flatMap(([key, names]) => names.map((name) => [key, name] as const)))(
    '%s defines %s',
    async (functionKey, name) => {
      // The definition is looked up, then stood in for: the use case itself is tested through the simulator.
      const lookup = jest.spyOn(resolverPrototype, 'getFunction');
      lookup.mockImplementation(function (this: LookupByName, key: string) {
        lookup.mockRestore();
        this.getFunction(key);
        return () => Promise.resolve('defined');
      });
      await expect(invoke(functionKey, name)).resolves.toBe('defined');
    },
  );

  it.each(Object.keys(RESOLVERS))('%s defines nothing the contract does not name', async (functionKey) => {
    await expect(invoke(functionKey, 'notInTheContract')).rejects.toThrow(NO_DEFINITION);
  });
});

describe('built handlers parse what Forge sends before doing anything', () => {
  it('validate-transition refuses a payload without an issue key, without calling Jira', async () => {
    const validate = callable(exportOf('validate-transition'));
    await expect(validate({ configuration: { transition: 'approve' } }, {})).resolves.toEqual({
      result: false,
      errorMessage:
        'The security exception policy could not be checked: Jira sent the validator a request it does not understand, so the transition is refused. Ask a Jira admin to look at the app.',
    });
  });

  it('record-transition acknowledges an event it cannot read (logged, never thrown: a retry cannot mend it)', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const recordTransition = callable(exportOf('record-transition'));
    await expect(recordTransition({ transition: { to: { id: '3' } } }, {})).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      'record-transition: unreadable event, acknowledged (issue: Invalid input: expected object, received undefined)',
    );
    warn.mockRestore();
  });

  it.each([
    ['triage-on-create', { issue: { fields: {} } }],
    ['review-decision-edit', { issue: { id: '10001' } }],
  ])('%s acknowledges an event it cannot read (logged by path, never thrown)', async (functionKey, event) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(callable(exportOf(functionKey))(event, {})).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      `${functionKey}: unreadable event, acknowledged (issue.key: Invalid input: expected string, received undefined)`,
    );
    warn.mockRestore();
  });

  it('lifecycle-worker acknowledges an event that is no lifecycle event (logged by path, never thrown)', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(
      callable(exportOf('lifecycle-worker'))(
        { body: { kind: 'sweep-issues', issueKeys: ['SEC-1 OR 1=1'] } },
        {},
      ),
    ).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      'lifecycle-worker: unreadable event recorded and acknowledged (issueKeys.0: is not a Jira issue key)',
    );
    warn.mockRestore();
  });

  // The admin resolver checks the caller's Jira admin permission before reading any payload: its answers to
  // unreadable payloads are tested through the simulator (test/integration/transitions/admin-requests.test.ts).
});
