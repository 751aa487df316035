/**
 * Runs one fuzz target against the simulated site and checks the issue's properties on every input (ISSUE 6,
 * "Done when"): no throw where it should refuse, no write on a refused input, no non-admin success, no message
 * over the cap. Jira writes are counted from the simulator's call counter, store writes from the fake KVS; the
 * self-check's own shape records are the one write a refused input may cause (DESIGN.md §12).
 */
import fc from 'fast-check';
import { SHAPE_LOG_PREFIX } from '../../src/application/self-check/shape-log';
import { MESSAGE_CAP } from '../../src/domain/message-bounds';
import type { JiraSimulator } from '../../simulator';
import { forgeRuntime } from '../support/forge-on-simulator';
import type { FuzzTarget } from './fuzz-targets';
import { isKnown, NOT_IMPLEMENTED, type Violation } from './known-failures';

/** Documented Jira operations that use POST to read. */
const READING_POSTS = new Set([
  'POST /rest/api/3/search/jql',
  'POST /rest/api/3/search/approximate-count',
  'POST /rest/api/3/issue/bulkfetch',
  'POST /rest/api/3/changelog/bulkfetch',
  'POST /rest/api/3/workflows',
  'POST /rest/api/3/workflows/create/validation',
]);

const jiraWrites = (before: Record<string, number>, after: Record<string, number>): string[] =>
  Object.entries(after)
    .filter(([call, count]) => count > (before[call] ?? 0))
    .map(([call]) => call)
    .filter((call) => /^(POST|PUT|DELETE|PATCH) /.test(call) && !READING_POSTS.has(call));

/**
 * Store writes by key, recorded from the fake KVS with the value each key held before the first write. A write
 * counts only when it leaves the store changed: a lock taken and released (or a value rewritten as it was) is not
 * a change of state.
 */
const storeWrites = new Map<string, string>();
const snapshotOf = (value: unknown): string => (value === undefined ? 'absent' : JSON.stringify(value));
let watching = false;
export const watchStoreWrites = (): void => {
  if (watching) return;
  watching = true;
  const { kvs } = forgeRuntime;
  const set = kvs.set.bind(kvs);
  const remove = kvs.delete.bind(kvs);
  const remember = async (key: string): Promise<void> => {
    if (!storeWrites.has(key)) storeWrites.set(key, snapshotOf(await kvs.get(key)));
  };
  // The fake's set is overloaded (plain, and OVERRIDE returning the previous value); the wrapper passes any call on.
  kvs.set = (async (...args: Parameters<typeof kvs.set>) => {
    await remember(args[0]);
    return set(...args);
  }) as typeof kvs.set;
  kvs.delete = async (key) => {
    await remember(key);
    return remove(key);
  };
};

/** The keys the last run left different from how it found them. */
const changedStoreKeys = async (): Promise<string[]> => {
  const changed: string[] = [];
  for (const [key, before] of storeWrites)
    if (snapshotOf(await forgeRuntime.kvs.get(key)) !== before) changed.push(key);
  return changed;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every `message` / `errorMessage` string in an answer (bounded walk). */
const messagesOf = (value: unknown, depth = 0): string[] => {
  if (depth > 6 || typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, member]) =>
    (key === 'message' || key === 'errorMessage') && typeof member === 'string'
      ? [member]
      : messagesOf(member, depth + 1),
  );
};

/** A short, safe description of any input (deep, huge or hostile), for reports. */
export const describeInput = (value: unknown, depth = 0): string => {
  if (typeof value === 'string')
    return value.length > 60
      ? `<string of ${value.length} chars: ${JSON.stringify(value.slice(0, 24))}…>`
      : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object') return typeof value;
  if (depth >= 5) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const items = value.slice(0, 4).map((item) => describeInput(item, depth + 1));
    return `[${items.join(', ')}${value.length > 4 ? `, …(${value.length})` : ''}]`;
  }
  const entries = Object.entries(value);
  const shown = entries
    .slice(0, 8)
    .map(([key, member]) => `${JSON.stringify(key)}: ${describeInput(member, depth + 1)}`);
  return `{${shown.join(', ')}${entries.length > 8 ? `, …(${entries.length})` : ''}}`;
};

export interface Finding {
  readonly target: string;
  readonly violation: Violation;
  /** The smallest input (by its description's length) that showed it. */
  readonly counterexample: string;
  readonly detail: string;
  readonly hits: number;
}

/** Known failures seen, by `target violation`; kept across targets for the report. */
export const knownFindings = new Map<string, Finding>();

export class PropertyViolation extends Error {
  constructor(
    readonly violation: Violation,
    detail: string,
  ) {
    super(`${violation}: ${detail}`);
  }
}

const violationsOf = async (
  target: FuzzTarget,
  input: unknown,
  sim: JiraSimulator,
): Promise<{ violation: Violation; detail: string }[]> => {
  const before = sim.calls.snapshot();
  storeWrites.clear();
  let answer: unknown;
  let thrown: unknown;
  try {
    answer = await target.run(input);
  } catch (error) {
    thrown = error;
  }
  await sim.idle();
  const found: { violation: Violation; detail: string }[] = [];
  const notImplemented =
    thrown instanceof Error && thrown.name === 'NotImplementedError' && NOT_IMPLEMENTED.has(target.name);
  if (thrown !== undefined && !notImplemented)
    found.push({
      violation: 'throws',
      detail:
        thrown instanceof Error
          ? `${thrown.name}: ${thrown.message.replace(/\s+/g, ' ').slice(0, 300)}`
          : describeInput(thrown),
    });
  const jira = jiraWrites(before, sim.calls.snapshot());
  const store = (await changedStoreKeys()).filter((key) => !key.startsWith(SHAPE_LOG_PREFIX));
  if (target.validator === true && jira.length > 0)
    found.push({ violation: 'validator-wrote', detail: jira.join(', ') });
  if ((thrown !== undefined || target.refused(answer, input)) && (jira.length > 0 || store.length > 0))
    found.push({
      violation: 'write-on-refusal',
      detail: [...jira, ...store.map((key) => `KVS ${key}`)].join(', '),
    });
  if (target.asNonAdmin === true && isRecord(answer)) {
    if (answer.ok === true)
      found.push({ violation: 'non-admin-success', detail: describeInput(answer).slice(0, 300) });
    else if (isRecord(answer.error) && answer.error.code !== 'not-admin')
      found.push({
        violation: 'payload-before-admin-check',
        detail: `answered ${String(answer.error.code)}`,
      });
  }
  const long = messagesOf(answer).filter((message) => message.length > MESSAGE_CAP);
  if (long.length > 0)
    found.push({ violation: 'message-over-cap', detail: `a message of ${long[0]?.length ?? 0} characters` });
  if (thrown === undefined && target.wellFormed !== undefined && !target.wellFormed(answer))
    found.push({ violation: 'malformed-answer', detail: describeInput(answer).slice(0, 300) });
  return found;
};

const noteKnown = (target: string, violation: Violation, detail: string, input: unknown): void => {
  const counterexample = describeInput(input);
  const id = `${target} ${violation}`;
  const previous = knownFindings.get(id);
  const smaller = previous === undefined || counterexample.length < previous.counterexample.length;
  knownFindings.set(id, {
    target,
    violation,
    counterexample: smaller ? counterexample : previous.counterexample,
    detail: smaller ? detail : previous.detail,
    hits: (previous?.hits ?? 0) + 1,
  });
};

export interface RunOptions {
  readonly numRuns: number;
  readonly seed: number;
}

/** Checks `target` on numRuns inputs; answers fast-check's details (failed when an unlisted property broke). */
export const fuzzTarget = (target: FuzzTarget, sim: JiraSimulator, options: RunOptions) =>
  fc.check(
    fc.asyncProperty(target.inputs, async (input) => {
      for (const { violation, detail } of await violationsOf(target, input, sim)) {
        if (isKnown(target.name, violation)) noteKnown(target.name, violation, detail, input);
        else throw new PropertyViolation(violation, detail);
      }
    }),
    {
      numRuns: options.numRuns,
      seed: options.seed,
      interruptAfterTimeLimit: 120_000,
      markInterruptAsFailure: false,
    },
  );
