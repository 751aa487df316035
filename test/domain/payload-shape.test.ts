import { memberLabel, SHAPE_LIMITS, shapeOf, typesAt } from '../../src/domain/payload-shape';

const BIG = 10_000;

describe('shapeOf', () => {
  it('records the documented validator payload as paths and types, without a single value', () => {
    const payload = {
      issue: { key: 'SEC-12' },
      configuration: { transition: 'approve' },
      transition: {
        from: { id: '10001' },
        to: { id: 10002 },
        modifiedFields: {
          labels: null,
          customfield_10020: 'Text input',
          customfield_10021: { self: 'https://x', value: 'Option', id: '10001' },
          description: { type: 'doc', version: 1, content: [{ type: 'paragraph' }] },
        },
      },
    };
    const read = shapeOf(payload, BIG);
    expect(read).toEqual({
      truncated: false,
      paths: {
        $: 'object',
        configuration: 'object',
        'configuration.transition': 'string',
        issue: 'object',
        'issue.key': 'string',
        transition: 'object',
        'transition.from': 'object',
        'transition.from.id': 'string',
        'transition.modifiedFields': 'object',
        'transition.modifiedFields.customfield_*': 'object|string',
        'transition.modifiedFields.customfield_*.id': 'string',
        'transition.modifiedFields.customfield_*.self': 'string',
        'transition.modifiedFields.customfield_*.value': 'string',
        'transition.modifiedFields.description': 'object',
        'transition.modifiedFields.description.content': 'array',
        'transition.modifiedFields.description.content[]': 'object',
        'transition.modifiedFields.description.content[].type': 'string',
        'transition.modifiedFields.description.type': 'string',
        'transition.modifiedFields.description.version': 'number',
        'transition.modifiedFields.labels': 'null',
        'transition.to': 'object',
        'transition.to.id': 'number',
      },
    });
    const text = JSON.stringify(read);
    for (const value of ['SEC-12', 'approve', '10001', 'Text input', 'https://x', 'Option'])
      expect(text).not.toContain(value);
  });

  it('gives an array the union of its items’ types, and an empty array no item path', () => {
    expect(shapeOf({ a: [1, 'x', null, [true]], b: [] }, BIG).paths).toEqual({
      $: 'object',
      a: 'array',
      'a[]': 'array|null|number|string',
      'a[][]': 'boolean',
      b: 'array',
    });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ['a string', 'text', { $: 'string' }],
    ['a number', 3, { $: 'number' }],
    ['null', null, { $: 'null' }],
    ['undefined', undefined, { $: 'other' }],
    ['a function', () => 1, { $: 'other' }],
    ['a bigint', BigInt(1), { $: 'other' }],
  ])('records a root that is %s', (_name, value, paths) => {
    expect(shapeOf(value, BIG)).toEqual({ paths, truncated: false });
  });

  it('summarises a map with more members than it lists: every member becomes *', () => {
    const map = Object.fromEntries(
      Array.from({ length: SHAPE_LIMITS.maxMembersListed + 1 }, (_, i) => [`name${i}`, i]),
    );
    expect(shapeOf({ map }, BIG).paths).toEqual({ $: 'object', map: 'object', 'map.*': 'number' });
  });

  it('lists an object of exactly the listed maximum member by member', () => {
    const map = Object.fromEntries(
      Array.from({ length: SHAPE_LIMITS.maxMembersListed }, (_, i) => [`name${i}`, i]),
    );
    expect(Object.keys(shapeOf({ map }, BIG).paths)).toHaveLength(SHAPE_LIMITS.maxMembersListed + 2);
  });

  it('never uses a prototype key as a name and stays a plain object', () => {
    const hostile: unknown = JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":1,"prototype":2}');
    const { paths } = shapeOf(hostile, BIG);
    expect(paths).toEqual({ $: 'object', '*': 'number|object', '*.polluted': 'string' });
    expect(Object.getPrototypeOf(paths)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops below the depth limit and says so', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i += 1) deep = { a: deep };
    const read = shapeOf(deep, BIG);
    expect(read.truncated).toBe(true);
    expect(Object.keys(read.paths)).toHaveLength(SHAPE_LIMITS.maxDepth + 1);
    expect(read.paths['a.a.a.a.a.a.a.a']).toBe('object');
  });

  it('reads only the first items of a long array and says so', () => {
    const items = Array.from({ length: SHAPE_LIMITS.maxItemsRead }, () => 1);
    expect(shapeOf([...items, 'late'], BIG)).toEqual({
      paths: { $: 'array', '$[]': 'number' },
      truncated: true,
    });
    expect(shapeOf(items, BIG)).toEqual({ paths: { $: 'array', '$[]': 'number' }, truncated: false });
  });

  it('keeps within its character budget, however wide the payload', () => {
    const wide = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`member${i}`, { inner: i }]));
    const read = shapeOf(wide, 300);
    expect(read.truncated).toBe(true);
    expect(JSON.stringify(read.paths).length).toBeLessThanOrEqual(300);
  });

  it('spends its budget on the top levels first: deep detail is cut before a later top-level member', () => {
    const fields = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`field${i}`, { self: 'x', name: 'y' }]),
    );
    const read = shapeOf({ issue: { fields }, transition: { executionId: 'e' } }, 400);
    expect(read.truncated).toBe(true);
    expect(read.paths['transition.executionId']).toBe('string');
  });

  it('looks at a bounded number of values however large the payload', () => {
    const huge = Array.from({ length: 40 }, () =>
      Array.from({ length: 40 }, () => Array.from({ length: 40 }, () => 1)),
    );
    const started = Date.now();
    const read = shapeOf(huge, BIG);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(read.paths).toEqual({ $: 'array', '$[]': 'array', '$[][]': 'array', '$[][][]': 'number' });
  });
});

describe('memberLabel', () => {
  it.each([
    ['issue', 'issue'],
    ['modifiedFields', 'modifiedFields'],
    ['from_status', 'from_status'],
    ['customfield_10020', 'customfield_*'],
    ['customfield_x', 'customfield_x'],
    ['10020', '*'],
    ['5b10a2844c20165700ede21g', '*'],
    ['ana@example.com', '*'],
    ['has space', '*'],
    ['a.b', '*'],
    ['', '*'],
    ['x'.repeat(41), '*'],
    ['\u200bkey', '*'],
    ['__proto__', '*'],
    ['constructor', '*'],
    ['prototype', '*'],
  ])('records %j as %j', (name, label) => {
    expect(memberLabel(name)).toBe(label);
  });
});

describe('typesAt', () => {
  it('answers the types at a path, and nothing for an absent or inherited one', () => {
    expect(typesAt({ a: 'object|string' }, 'a')).toEqual(['object', 'string']);
    expect(typesAt({ a: 'object' }, 'b')).toEqual([]);
    expect(typesAt({}, 'toString')).toEqual([]);
  });
});
