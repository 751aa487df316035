import fc from 'fast-check';
import { decodeHours, EncodedHoursSchema, encodeHours } from '../../../src/domain/kpi/hours-codec';
import { hoursBetween, toInstant } from '../../../src/domain/utc-days';

const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('the compact form of hours lists (ISSUE 9)', () => {
  it('gives back every float bit for bit, in far fewer characters than the decimals', () => {
    const hours = [
      0, 0, 1.05, 1.2666666666666666, 1.2666666666666666, 4.233333333333333, 26, 700.0166666666667,
    ];
    const form = encodeHours(hours);
    expect(typeof form).toBe('string');
    expect(decodeHours(form)).toEqual(hours);
    expect(decodeHours(form).every((value, i) => Object.is(value, hours[i]))).toBe(true);
    expect(String(form).length).toBeLessThan(JSON.stringify(hours).length / 3);
  });

  it('is exact for any sorted list of hoursBetween two instants, negative ones included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: -5e10, max: 5e10 }))),
        (pairs) => {
          const hours = pairs
            .map(([from, span]) =>
              hoursBetween(toInstant(T0 + from * 1000), toInstant(T0 + from * 1000 + span)),
            )
            .sort((a, b) => a - b);
          const decoded = EncodedHoursSchema.parse(encodeHours(hours));
          expect(decoded.every((value, i) => Object.is(value, hours[i]))).toBe(true);
          expect(decoded).toHaveLength(hours.length);
        },
      ),
    );
  });

  it('keeps as numbers a list it cannot write exactly, and refuses text it cannot have written', () => {
    expect(encodeHours([0.1, Math.PI])).toEqual([0.1, Math.PI]);
    expect(EncodedHoursSchema.parse([0.1, Math.PI])).toEqual([0.1, Math.PI]);
    for (const bad of ['', '2:1:0:', '1:0:0:', '2:1:0:A', '3:1:0:1', 'x', '1:1:0:1', '2:1:0:1!'])
      expect(EncodedHoursSchema.safeParse(bad).success).toBe(false);
  });
});
