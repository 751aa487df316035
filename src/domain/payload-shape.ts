/**
 * The shape of a payload a platform sends the app: member names and JSON types, never values (DESIGN.md §12).
 * A shape is flat: each path (`issue.key`, `transition.modifiedFields.customfield_*`, `labels[]`) maps to the
 * types seen there, sorted and joined with `|` (`"object|string"`). The root is `$`; array items are `path[]`, the
 * union of the types of their items. Flat paths make unions natural and the comparison with what the code
 * expects a lookup.
 *
 * What is summarised, so that a shape never carries tenant data and stays a few hundred bytes:
 * - member names that look like values rather than names (numbers, ids, emails, anything but a short
 *   identifier) become `*`, and `customfield_10020` becomes `customfield_*` (the ids differ per site);
 * - an object with more than MAX_MEMBERS_LISTED members is a map: all its members become `*`;
 * - `__proto__`, `constructor` and `prototype` are never used as names (`*`), so a shape is a plain object;
 * - below MAX_DEPTH only the type is kept; arrays are read to MAX_ITEMS_READ items; at most
 *   MAX_NODES_VISITED values are looked at; paths stop once the shape's JSON would pass its character budget.
 * Anything cut sets `truncated`.
 */

export type JsonType = 'array' | 'boolean' | 'null' | 'number' | 'object' | 'string' | 'other';

/** path → the types seen there, e.g. `{"$":"object","issue":"object","issue.key":"string"}`. */
export type PathShape = Readonly<Record<string, string>>;

export interface ShapeReading {
  readonly paths: PathShape;
  readonly truncated: boolean;
}

export const SHAPE_LIMITS = {
  maxDepth: 8,
  maxMembersListed: 30,
  maxItemsRead: 50,
  maxNodesVisited: 5_000,
} as const;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/;
const CUSTOM_FIELD = /^customfield_\d+$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** The name a member is recorded under: itself when it reads as a name, else a placeholder. */
export const memberLabel = (name: string): string => {
  if (CUSTOM_FIELD.test(name)) return 'customfield_*';
  if (RESERVED.has(name) || !IDENTIFIER.test(name)) return '*';
  return name;
};

export const jsonTypeOf = (value: unknown): JsonType => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
};

const childPath = (parent: string, label: string): string => (parent === '$' ? label : `${parent}.${label}`);

/** One path and its types as they add to a shape's JSON: `"path":"a|b",`. */
const entryChars = (path: string, types: ReadonlySet<string>): number =>
  path.length + [...types].join('|').length + 6;

/**
 * The shape of `value`, its JSON no longer than about `charBudget` characters.
 * Pure and total: any JavaScript value gives a shape.
 */
export const shapeOf = (value: unknown, charBudget: number): ShapeReading => {
  const seen = new Map<string, Set<JsonType>>();
  let chars = 2;
  let truncated = false;

  const note = (path: string, type: JsonType): boolean => {
    const types = seen.get(path);
    if (types?.has(type)) return true;
    const next = new Set(types ?? []).add(type);
    const cost = entryChars(path, next) - (types === undefined ? 0 : entryChars(path, types));
    if (chars + cost > charBudget) {
      truncated = true;
      return false;
    }
    chars += cost;
    seen.set(path, next);
    return true;
  };

  // Breadth first: when the budget runs out, what is cut is the deepest detail, never a top-level member.
  const queue: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '$', depth: 0 }];
  const enqueue = (node: unknown, path: string, depth: number): void => {
    if (queue.length < SHAPE_LIMITS.maxNodesVisited) queue.push({ node, path, depth });
    else truncated = true;
  };
  // for…of reads the queue's length at each step, so it walks the entries pushed while it runs.
  for (const { node, path, depth } of queue) {
    const type = jsonTypeOf(node);
    if (!note(path, type) || (type !== 'object' && type !== 'array')) continue;
    if (depth >= SHAPE_LIMITS.maxDepth) {
      truncated = true;
      continue;
    }
    if (Array.isArray(node)) {
      if (node.length > SHAPE_LIMITS.maxItemsRead) truncated = true;
      for (const item of node.slice(0, SHAPE_LIMITS.maxItemsRead)) enqueue(item, `${path}[]`, depth + 1);
      continue;
    }
    const names = Object.keys(node as object);
    const asMap = names.length > SHAPE_LIMITS.maxMembersListed;
    // A map's members all land on `*`: reading as many as an array's items is enough for their union.
    if (asMap && names.length > SHAPE_LIMITS.maxItemsRead) truncated = true;
    for (const name of asMap ? names.slice(0, SHAPE_LIMITS.maxItemsRead) : names)
      enqueue(
        (node as Record<string, unknown>)[name],
        childPath(path, asMap ? '*' : memberLabel(name)),
        depth + 1,
      );
  }

  // Object.fromEntries defines own properties; sorted paths make equal shapes equal as JSON text.
  const paths = Object.fromEntries(
    [...seen]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, types]) => [path, [...types].sort().join('|')]),
  );
  return { paths, truncated };
};

/** The types recorded at `path`, empty when the path was not seen. */
export const typesAt = (shape: PathShape, path: string): readonly string[] =>
  Object.prototype.hasOwnProperty.call(shape, path) ? (shape[path] ?? '').split('|') : [];
