/**
 * An exact, compact text form of a sorted list of hours (ISSUE 9: the KPI read model at 50,000 exceptions). Every
 * hour value in the model is `(Date.parse(to) - Date.parse(from)) / MS_PER_HOUR` (utc-days.ts hoursBetween): an
 * integer number of milliseconds divided once. Written as long decimals (`4.233333333333333`) a list of 30,000 such
 * values is some 500 KB; kept as those integers, divided by their greatest common divisor (a minute, usually) and
 * written as differences from one value to the next in a variable-length base-32 code, it is some 50 KB. Decoding
 * divides the same integers by the same constant, so every float is bit for bit the one encoded.
 *
 * Form: `<count>:<unit>:<first>:<deltas>`, count, unit and first in base 36 (first may be negative); each delta
 * (≥ 0, the list is sorted) in big-endian base 32, every digit but the last from CONTINUE, the last from LAST.
 * A list whose values are not all such quotients (a tampered summary, a future source of hours) is kept as numbers.
 */
import { z } from 'zod';
import { MS_PER_HOUR } from '../utc-days';

const LAST = '0123456789abcdefghijklmnopqrstuv';
const CONTINUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_';
const BASE = 32;

const gcd = (a: number, b: number): number => {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
};

const deltaText = (delta: number): string => {
  let rest = Math.floor(delta / BASE);
  let text = LAST[delta % BASE] ?? '';
  while (rest > 0) {
    text = (CONTINUE[rest % BASE] ?? '') + text;
    rest = Math.floor(rest / BASE);
  }
  return text;
};

/** The list's text form, or the list itself when some value is not a whole number of milliseconds in hours. */
export const encodeHours = (hours: readonly number[]): string | number[] => {
  const ms = hours.map((value) => Math.round(value * MS_PER_HOUR));
  const exact = ms.every(
    (value, i) =>
      Number.isSafeInteger(value) &&
      Object.is(value / MS_PER_HOUR, hours[i]) &&
      (i === 0 || value >= (ms[i - 1] ?? value)),
  );
  if (!exact || ms.length === 0) return [...hours];
  const unit = ms.reduce(gcd, 0) || 1;
  const deltas = ms.slice(1).map((value, i) => deltaText((value - (ms[i] ?? value)) / unit));
  return `${ms.length.toString(36)}:${unit.toString(36)}:${((ms[0] ?? 0) / unit).toString(36)}:${deltas.join('')}`;
};

const FORM = /^([0-9a-z]{1,8}):([0-9a-z]{1,11}):(-?[0-9a-z]{1,11}):([0-9a-zA-Z_-]*)$/;

/** The hours a text form stands for; throws on anything encodeHours cannot have written. */
export const decodeHours = (form: string | readonly number[]): number[] => {
  if (typeof form !== 'string') return [...form];
  const match = FORM.exec(form);
  if (match === null) throw new Error('not an encoded list of hours');
  const [, countText = '', unitText = '', firstText = '', deltaTexts = ''] = match;
  const count = parseInt(countText, 36);
  const unit = parseInt(unitText, 36);
  let units = parseInt(firstText, 36);
  const values = [units * unit];
  let delta = 0;
  let pending = false;
  for (const character of deltaTexts) {
    const last = LAST.indexOf(character);
    delta = delta * BASE + (last >= 0 ? last : CONTINUE.indexOf(character));
    pending = last < 0;
    if (pending) continue;
    units += delta;
    values.push(units * unit);
    delta = 0;
  }
  if (values.length !== count || pending || unit === 0 || !values.every(Number.isSafeInteger))
    throw new Error('not an encoded list of hours');
  return values.map((value) => value / MS_PER_HOUR);
};

/** A stored hours list: the text form or plain numbers, decoded to the sorted, non-empty list of hours. */
export const EncodedHoursSchema = z
  .union([z.string().max(4_000_000), z.array(z.number().refine(Number.isFinite, 'must be a finite number'))])
  .transform((form, context) => {
    try {
      return decodeHours(form);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a list of hours' });
      return z.NEVER;
    }
  });
