/**
 * The fuzz run of ISSUE 6 ("Done when"): every handler and resolver of src/index.ts, with hostile inputs, as
 * admin and non-admin, against a simulated site with the app set up and an exception in Risk Review.
 *
 *   npm test        a small count per target (FUZZ_RUNS, default 12)
 *   npm run fuzz    the full count (≥ 10,000 inputs in all) and the report of the known failures
 *
 * FUZZ_SEED replays a run. Known failures (known-failures.ts) do not fail the run; anything else does, with
 * fast-check's shrunk counterexample.
 */
import '../integration/transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import fc from 'fast-check';
import { SHAPE_LOG_PREFIX, MAX_LOG_CHARS } from '../../src/application/self-check/shape-log';
import { forgeRuntime } from '../support/forge-on-simulator';
import { startExceptionSite, type ExceptionSite } from '../integration/transitions/exception-harness';
import { EDR_GAP } from '../integration/transitions/scenarios';
import { describeInput, fuzzTarget, knownFindings, watchStoreWrites } from './fuzz-run';
import { fuzzTargets } from './fuzz-targets';
import { KNOWN_FAILURES } from './known-failures';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const FULL = process.env.FUZZ_RUNS !== undefined;

jest.setTimeout(Math.max(60_000, RUNS * 2_000));

let site: ExceptionSite | undefined;
let issueKey = '';
const current = (): ExceptionSite => {
  if (site === undefined) throw new Error('the site starts in beforeAll');
  return site;
};
let inputs = 0;

beforeAll(async () => {
  for (const method of ['info', 'error', 'warn'] as const)
    jest.spyOn(console, method).mockImplementation(() => undefined);
  site = await startExceptionSite();
  issueKey = await site.raise({ ...EDR_GAP, compensatingControls: '' });
  watchStoreWrites();
}, 60_000);

afterAll(async () => {
  jest.restoreAllMocks();
  await site?.close();
  if (!FULL) return;
  const lines = [`fuzz: ${inputs} inputs over the handlers and resolvers (seed ${SEED}).`];
  lines.push(
    `known failures (test/fuzz/known-failures.ts): ${KNOWN_FAILURES.length} listed, ${knownFindings.size} seen`,
  );
  for (const finding of knownFindings.values())
    lines.push(
      `- ${finding.target} · ${finding.violation} (${finding.hits} inputs): ${finding.detail}\n    smallest input: ${finding.counterexample}`,
    );
  for (const known of KNOWN_FAILURES)
    if (!knownFindings.has(`${known.target} ${known.violation}`))
      lines.push(`- not seen this run: ${known.target} · ${known.violation} (${known.why})`);
  process.stdout.write(`${lines.join('\n')}\n`);
});

describe('every handler and resolver under hostile input', () => {
  const targets = fuzzTargets(current, () => issueKey);

  it.each(targets.map((target) => [target.name, target] as const))('%s', async (_name, target) => {
    const details = await fuzzTarget(target, current().sim, { numRuns: RUNS, seed: SEED });
    inputs += details.numRuns;
    if (details.failed)
      throw new Error(
        `${target.name} broke a property after ${details.numRuns} inputs (seed ${details.seed}, path ${String(details.counterexamplePath)}):\n` +
          `${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n` +
          `input: ${describeInput(details.counterexample?.[0])}`,
      );
  });

  it('keeps the self-check records bounded whatever the handlers received', async () => {
    for (const key of forgeRuntime.kvs.keys().filter((stored) => stored.startsWith(SHAPE_LOG_PREFIX))) {
      const value: unknown = await forgeRuntime.kvs.get(key);
      expect(JSON.stringify(value).length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    }
  });

  it('generates the hostile inputs it claims to', () => {
    // A sample of the generator: prototype keys, invisible characters, huge strings and deep nesting all occur.
    const sample = fc.sample(fuzzTargets(current, () => 'SEC-1')[0]!.inputs, { numRuns: 300, seed: SEED });
    const text = sample.map((input) => describeInput(input)).join('\n');
    expect(text).toContain('"__proto__"');
    expect(text).toMatch(/[\u200b\u2060\ufeff]/);
    expect(text).toContain('<string of');
    expect(text).toContain('[…]');
  });
});
