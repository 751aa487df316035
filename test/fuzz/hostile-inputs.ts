/**
 * fast-check arbitraries for what a hostile user, a misbehaving platform or a corrupted store may hand a handler:
 * random JSON, near-valid payloads mutated from real ones, huge strings, invisible characters, prototype-pollution
 * keys, numbers where strings are expected and deep nesting. Objects are built as JSON.parse builds them (own
 * `__proto__` members included), since that is how Forge hands payloads over.
 */
import fc from 'fast-check';

/** Characters that look like nothing, and the ones that break naive parsers. */
export const INVISIBLES = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00a0',
  '\u3000',
  '\u0000',
  '\u202e',
  '\r\n',
  '\t',
];

export const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/** Member names the app's payloads use, so random objects often hit the paths the handlers read. */
export const KNOWN_KEYS = [
  'issue',
  'key',
  'id',
  'fields',
  'issuetype',
  'project',
  'transition',
  'from',
  'to',
  'from_status',
  'to_status',
  'executionId',
  'modifiedFields',
  'configuration',
  'comment',
  'comments',
  'body',
  'changelog',
  'items',
  'atlassianId',
  'principal',
  'accountId',
  'policy',
  'baseVersion',
  'projectKey',
  'adoptFields',
  'issueKey',
  'type',
  'content',
  'text',
  'value',
  'version',
  'tiers',
  'customfield_10020',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'SEC-1',
    'approve',
    'reject',
    'null',
    '{"transition":"approve"}',
    '1e309',
    '-0',
    'NaN',
  ),
  fc.array(fc.constantFrom(...INVISIBLES), { minLength: 1, maxLength: 60 }).map((chars) => chars.join('')),
  fc
    .tuple(fc.constantFrom(...INVISIBLES), fc.string({ maxLength: 20 }))
    .map(([pad, text]) => `${pad}${text}${pad}`),
  fc.constantFrom(...POLLUTION_KEYS),
  fc.integer({ min: 2_001, max: 200_000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 100, max: 5_000 }).map((length) => '=cmd|"/c calc"!A1\n'.repeat(Math.ceil(length / 18))),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1, -1, Number.MAX_SAFE_INTEGER + 2, 1e308, Number.NaN, Number.POSITIVE_INFINITY),
);

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...POLLUTION_KEYS) },
  { weight: 1, arbitrary: hostileString.filter((s) => s.length < 200) },
);

/** An object with own members as JSON.parse makes them: a `__proto__` member is data, not the prototype. */
export const ownObject = (entries: readonly (readonly [string, unknown])[]): Record<string, unknown> => {
  const target: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
};

/** Random JSON-like values, numbers and strings hostile, keys from the app's vocabulary and pollution keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 6 }).map(ownObject),
  ),
})).value;

/** `depth` nested arrays or objects around a leaf: for stack-depth bugs in recursive readers. */
export const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.integer({ min: 500, max: 20_000 }),
    fc.constantFrom('array', 'object', 'adf'),
    fc.constantFrom(...KNOWN_KEYS),
  )
  .map(([depth, kind, key]) => {
    let node: unknown = 'leaf';
    for (let i = 0; i < depth; i += 1)
      node =
        kind === 'array'
          ? [node]
          : kind === 'adf'
            ? { type: 'paragraph', content: [node] }
            : ownObject([[key, node]]);
    return node;
  });

type Path = readonly (string | number)[];

/** The paths into a value, to a bounded depth (a mutation may have nested it thousands deep). */
const pathsOf = (value: unknown, prefix: Path = []): Path[] => {
  if (typeof value !== 'object' || value === null || prefix.length >= 12) return [];
  const entries = Array.isArray(value) ? value.map((item, i) => [i, item] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
};

const clone = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const MUTATIONS = [
  'replace',
  'delete',
  'add',
  'stringify',
  'numberise',
  'wrap',
  'nest-deep',
  'pollute',
] as const;
type Mutation = (typeof MUTATIONS)[number];

const mutateAt = (
  root: unknown,
  path: Path,
  mutation: Mutation,
  replacement: unknown,
  extraKey: string,
): unknown => {
  if (path.length === 0) return replacement;
  const parentPath = path.slice(0, -1);
  let parent: unknown = root;
  for (const step of parentPath) parent = (parent as Record<string | number, unknown>)[step];
  const holder = parent as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const current = holder[last];
  switch (mutation) {
    case 'replace':
      holder[last] = replacement;
      break;
    case 'delete':
      if (Array.isArray(holder)) holder.splice(Number(last), 1);
      else Reflect.deleteProperty(holder, last);
      break;
    case 'add':
      Object.defineProperty(holder, extraKey, {
        value: replacement,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      break;
    case 'stringify':
      {
        // JSON.stringify answers undefined for undefined, whatever its declared type says.
        holder[last] = current === undefined ? 'undefined' : JSON.stringify(current);
      }
      break;
    case 'numberise':
      holder[last] =
        typeof current === 'string' && current !== '' && !Number.isNaN(Number(current))
          ? Number(current)
          : 10_000;
      break;
    case 'wrap':
      holder[last] = [current];
      break;
    case 'nest-deep': {
      let node: unknown = current;
      for (let i = 0; i < 3_000; i += 1) node = [node];
      holder[last] = node;
      break;
    }
    case 'pollute':
      Object.defineProperty(holder, '__proto__', {
        value: ownObject([
          ['polluted', true],
          ['isAdmin', true],
        ]),
        enumerable: true,
        configurable: true,
        writable: true,
      });
      break;
  }
  return root;
};

/** `seed` with one to three mutations at random paths: near-valid inputs that slip past a shallow check. */
export const nearValid = (seed: unknown): fc.Arbitrary<unknown> =>
  fc
    .array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(...MUTATIONS),
        hostileJson,
        fc.constantFrom(...KNOWN_KEYS, ...POLLUTION_KEYS),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((mutations) => {
      let value = clone(seed);
      for (const [at, mutation, replacement, extraKey] of mutations) {
        const paths = pathsOf(value);
        const path = paths.length === 0 ? [] : paths[at % paths.length]!;
        value = mutateAt(value, path, mutation, replacement, extraKey);
      }
      return value;
    });

/** What a handler or resolver is fuzzed with: mostly near-valid, then random JSON, then deep nesting. */
export const hostileInput = (seeds: readonly unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...seeds).chain(nearValid) },
    { weight: 3, arbitrary: hostileJson },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', 0, [], {}) },
  );
