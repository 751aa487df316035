/* global console, process -- Node globals; the ESLint config declares none for .mjs files */
/**
 * Cruises a fixture tree with the rules of .dependency-cruiser.cjs, their `^src/` paths moved to the fixture's
 * src/, and prints the violations as JSON: [{ rule, from, to }]. Usage (from the repository root):
 *   node test/tooling/cruise-layers.mjs test/fixtures/layers
 * A separate process because dependency-cruiser is ESM-only and jest runs the tests as CommonJS.
 */
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';

const fixtureRoot = process.argv[2];
if (!fixtureRoot) throw new Error('usage: node test/tooling/cruise-layers.mjs <fixture folder holding src/>');

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');
const fixtureSrc = `^${fixtureRoot.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/src/`;
const movePath = (pattern) =>
  Array.isArray(pattern) ? pattern.map(movePath) : pattern.replace(/^\^src\//, fixtureSrc);
const moveEnd = (end) =>
  Object.fromEntries(
    Object.entries(end).map(([key, value]) => [
      key,
      key === 'path' || key === 'pathNot' ? movePath(value) : value,
    ]),
  );
const forbidden = config.forbidden.map((rule) => ({
  ...rule,
  from: moveEnd(rule.from),
  to: moveEnd(rule.to),
}));

const { output } = await cruise([`${fixtureRoot}/src`], {
  ...config.options,
  validate: true,
  ruleSet: { forbidden },
});
const violations = output.summary.violations.map(({ rule, from, to }) => ({ rule: rule.name, from, to }));
console.log(JSON.stringify(violations));
