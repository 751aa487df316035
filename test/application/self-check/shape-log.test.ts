import {
  LATEST_KEPT,
  MAX_LOG_CHARS,
  withSighting,
  type ShapeLog,
} from '../../../src/application/self-check/shape-log';
import type { ObservedShape } from '../../../src/contracts/admin-self-check';

const T0 = '2026-11-21T09:00:00.000Z';
const later = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const shape = (name: string): ObservedShape => ({
  payload: { $: 'object', [name]: 'string' },
  truncated: false,
});
const A = shape('a');
const B = shape('b');
const C = shape('c');
const D = shape('d');

const apply = (steps: [ObservedShape, string][]): ShapeLog | undefined =>
  steps.reduce<ShapeLog | undefined>((log, [seen, at]) => withSighting(log, seen, at) ?? log, undefined);

describe('withSighting', () => {
  it('starts a log with the first shape seen', () => {
    expect(withSighting(undefined, A, T0)).toEqual({
      version: 1,
      first: { shape: A, firstSeenAt: T0, lastSeenAt: T0, count: 1 },
      latest: [],
    });
  });

  it('writes nothing for a known shape seen again within the hour', () => {
    const log = apply([[A, T0]]);
    expect(withSighting(log, A, later(59))).toBeUndefined();
    expect(
      withSighting(
        apply([
          [A, T0],
          [B, T0],
        ]),
        B,
        later(59),
      ),
    ).toBeUndefined();
  });

  it('refreshes a known shape once the hour has passed, counting the sighting', () => {
    const log = apply([[A, T0]]);
    expect(withSighting(log, A, later(60))?.first).toEqual({
      shape: A,
      firstSeenAt: T0,
      lastSeenAt: later(60),
      count: 2,
    });
  });

  it('keeps the first shape and the latest distinct ones, oldest dropped', () => {
    const log = apply([
      [A, T0],
      [B, later(1)],
      [C, later(2)],
      [D, later(3)],
    ]);
    expect(log?.first.shape).toEqual(A);
    expect(log?.latest.map((sighting) => sighting.shape)).toEqual([C, D]);
    expect(log?.latest).toHaveLength(LATEST_KEPT);
  });

  it('moves a refreshed shape to the end of the latest', () => {
    const log = apply([
      [A, T0],
      [B, later(1)],
      [C, later(2)],
      [B, later(120)],
    ]);
    expect(log?.latest.map((sighting) => [sighting.shape, sighting.count])).toEqual([
      [C, 1],
      [B, 2],
    ]);
  });

  it('records the first shape as current again when it comes back after another', () => {
    const log = apply([
      [A, T0],
      [B, later(1)],
      [A, later(2)],
    ]);
    expect(log?.latest.map((sighting) => sighting.shape)).toEqual([B, A]);
    expect(log?.first.count).toBe(1);
  });

  it('never lets the document pass its size bound', () => {
    const wide = (tag: string): ObservedShape => ({
      payload: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${tag}.member${i}.path`, 'string'])),
      truncated: true,
    });
    const log = apply([
      [wide('a'), T0],
      [wide('b'), later(1)],
      [wide('c'), later(2)],
    ]);
    expect(JSON.stringify(log).length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    expect(log?.first.shape).toEqual(wide('a'));
  });

  it('writes nothing when even the first shape alone passes the bound', () => {
    const huge: ObservedShape = { payload: { $: 'x'.repeat(MAX_LOG_CHARS) }, truncated: false };
    expect(withSighting(undefined, huge, T0)).toBeUndefined();
  });
});
