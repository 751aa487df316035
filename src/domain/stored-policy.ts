/**
 * Reading a stored policy that today's bounds refuse (ISSUE6 B6): a version saved before a bound existed, or
 * written by hand. Refusing to read it would stop every validator and the sweep; using the default policy instead
 * would silently undo the admin's choices. So each value out of its bounds is clamped to the nearest bound, the
 * clamped fields are named for a warning, and the admin sees the clamped policy (and saves it) on the admin page.
 * Anything else wrong with the document (a missing member, a wrong type) is not a bound: it is still refused.
 */
import { z } from 'zod';
import { PolicySchema, type Policy } from './policy-schema';

export interface StoredPolicy {
  readonly policy: Policy;
  /** Dotted paths of the values clamped, e.g. `tiers.High.maxDurationDays`; empty when the document was in bounds. */
  readonly clamped: readonly string[];
}

/** More passes than a policy has bounded values: each pass clamps every value its parse reported. */
const MAX_PASSES = 8;

type Json = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The value the issue's bound allows, or undefined when the issue is not about a bound. */
const clampedValue = (issue: z.core.$ZodIssue, value: unknown): unknown => {
  if (issue.code === 'too_big' && typeof value === 'number') return Number(issue.maximum);
  if (issue.code === 'too_small' && typeof value === 'number') return Number(issue.minimum);
  if (issue.code === 'too_big' && typeof value === 'string') return value.slice(0, Number(issue.maximum));
  if (issue.code === 'too_big' && Array.isArray(value)) return value.slice(0, Number(issue.maximum));
  if (issue.code === 'custom' && typeof issue.params?.['clampTo'] === 'number')
    return issue.params['clampTo'];
  if (issue.code === 'invalid_type' && issue.expected === 'int' && typeof value === 'number')
    return Math.round(value);
  return undefined;
};

/** A deep copy of `document` with the value at `path` replaced; the same object when the path is not there. */
const withValueAt = (document: unknown, path: readonly PropertyKey[], value: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (!isContainer(document) || typeof head === 'symbol' || !(head in document)) return document;
  const copy: Json = Array.isArray(document) ? [...document] : { ...document };
  (copy as Record<PropertyKey, unknown>)[head] = withValueAt(
    (document as Record<PropertyKey, unknown>)[head],
    rest,
    value,
  );
  return copy;
};

const valueAt = (document: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      isContainer(node) && typeof key !== 'symbol' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    document,
  );

/** The stored document as a policy with every out-of-bounds value clamped; throws a ZodError for anything else. */
export const readStoredPolicy = (document: unknown): StoredPolicy => {
  let current = document;
  const clamped = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const parsed = PolicySchema.safeParse(current);
    if (parsed.success) return { policy: parsed.data, clamped: [...clamped] };
    let changed = false;
    for (const issue of parsed.error.issues) {
      const value = clampedValue(issue, valueAt(current, issue.path));
      if (value === undefined) throw parsed.error;
      current = withValueAt(current, issue.path, value);
      clamped.add(issue.path.map(String).join('.'));
      changed = true;
    }
    if (!changed) throw parsed.error;
  }
  return { policy: PolicySchema.parse(current), clamped: [...clamped] };
};

/** For the store: a stored policy version, read with readStoredPolicy. */
export const StoredPolicySchema = z.unknown().transform((document, ctx): StoredPolicy => {
  try {
    return readStoredPolicy(document);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    for (const issue of error.issues)
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
});
