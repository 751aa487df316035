/**
 * Stage 2 of the KPI calculation (DESIGN.md §6): the facts of many exceptions (kpi-facts.ts) added up into one
 * compact, JSON-safe summary that the KPI read model stores per project. Everything policy- or time-dependent is
 * left to report time (report-from-summary.ts): the SLA hours come from the policy then, so decision hours are kept
 * as exact values per month and urgency, not as a verdict.
 *
 * The summary is canonical: keys sorted (code-unit order), hour lists sorted ascending, zero counts and empty lists
 * deleted. Asset names are free text (Jira labels, "__proto__" included), so asset counts are lists of
 * `[asset, count]` pairs sorted by asset rather than object keys, which a JSON parser or zod could turn into a
 * prototype. So the same set of facts gives the same JSON whatever the order they were added, merged or removed in,
 * and `removeFacts` is the exact inverse of `addFacts`.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../register-schema';
import { EXCEPTION_TYPES, URGENCIES } from '../vocabulary';
import type { KpiFacts } from './kpi-facts';
import { MONTH_PATTERN } from './kpi-period';

const MonthSchema = z.string().regex(MONTH_PATTERN, 'must be a month written YYYY-MM');
const PositiveSchema = z.number().int().positive();
const CountSchema = z.number().int().nonnegative();
/** `[[asset, count], ...]`, sorted by asset (code-unit order), each asset once. */
const AssetCountsSchema = z
  .array(z.tuple([z.string().min(1), PositiveSchema]))
  .refine((pairs) => pairs.every(([name], i) => i === 0 || (pairs[i - 1]?.[0] ?? name) < name), {
    message: 'must be sorted by asset, each asset once',
  });
const HoursListSchema = z
  .array(z.number().refine(Number.isFinite, 'must be a finite number'))
  .min(1)
  .refine((hours) => hours.every((value, i) => i === 0 || (hours[i - 1] ?? value) <= value), {
    message: 'must be sorted ascending',
  });

export const KpiSummarySchema = z.strictObject({
  /** Exceptions created per month. */
  created: z.record(MonthSchema, PositiveSchema),
  /** Exceptions created per month and type (pattern tracking). */
  createdByType: z.record(MonthSchema, z.partialRecord(z.enum(EXCEPTION_TYPES), PositiveSchema)),
  /** Exceptions created per month and distinct asset (pattern tracking). */
  createdByAsset: z.record(MonthSchema, AssetCountsSchema.min(1)),
  /** Hours to the first approval, by a person, per month of that approval. */
  approvalHours: z.record(MonthSchema, HoursListSchema),
  /** First approvals by the app per month. */
  autoApproved: z.record(MonthSchema, PositiveSchema),
  /** Hours to the first decision per month of that decision and urgency (SLA judged at report time). */
  decisionHours: z.record(MonthSchema, z.partialRecord(z.enum(URGENCIES), HoursListSchema)),
  /** Open (not closed) exceptions. */
  open: CountSchema,
  /** Open exceptions per expiration date (overdue is judged against `now` at report time). */
  openByExpiry: z.record(IsoDateSchema, PositiveSchema),
  inForce: CountSchema,
  inForceWithControls: CountSchema,
  inForceOpenEnded: CountSchema,
  /** In-force exceptions per distinct asset. */
  inForceAssets: AssetCountsSchema,
});
export type KpiSummary = z.infer<typeof KpiSummarySchema>;

/** Thrown when facts are removed that the summary does not hold: the stored aggregate is not what it should be. */
export class KpiSummaryMismatchError extends Error {
  constructor(what: string) {
    super(`The KPI summary does not hold the facts being removed (${what}); it needs a rebuild.`);
    this.name = 'KpiSummaryMismatchError';
  }
}

// The working form: Maps, so that a key such as "__proto__" (a valid Jira label) is data, never a prototype.
type Counts = Map<string, number>;
interface Accumulator {
  created: Counts;
  createdByType: Map<string, Counts>;
  createdByAsset: Map<string, Counts>;
  approvalHours: Map<string, number[]>;
  autoApproved: Counts;
  decisionHours: Map<string, Map<string, number[]>>;
  open: number;
  openByExpiry: Counts;
  inForce: number;
  inForceWithControls: number;
  inForceOpenEnded: number;
  inForceAssets: Counts;
}

const newAccumulator = (): Accumulator => ({
  created: new Map(),
  createdByType: new Map(),
  createdByAsset: new Map(),
  approvalHours: new Map(),
  autoApproved: new Map(),
  decisionHours: new Map(),
  open: 0,
  openByExpiry: new Map(),
  inForce: 0,
  inForceWithControls: 0,
  inForceOpenEnded: 0,
  inForceAssets: new Map(),
});

const countsOf = (record: Readonly<Record<string, number | undefined>>): Counts =>
  new Map(Object.entries(record).flatMap(([key, value]) => (value === undefined ? [] : [[key, value]])));

const listsOf = (record: Readonly<Record<string, readonly number[] | undefined>>): Map<string, number[]> =>
  new Map(Object.entries(record).flatMap(([key, value]) => (value === undefined ? [] : [[key, [...value]]])));

const pairsOf = (pairs: readonly (readonly [string, number])[]): Counts =>
  new Map(pairs.map(([name, count]) => [name, count]));

const nestedOf = <T, U>(record: Readonly<Record<string, T>>, inner: (value: T) => U): Map<string, U> =>
  new Map(Object.entries(record).map(([key, value]) => [key, inner(value)]));

const accumulatorOf = (summary: KpiSummary): Accumulator => ({
  created: countsOf(summary.created),
  createdByType: nestedOf(summary.createdByType, countsOf),
  createdByAsset: nestedOf(summary.createdByAsset, pairsOf),
  approvalHours: listsOf(summary.approvalHours),
  autoApproved: countsOf(summary.autoApproved),
  decisionHours: nestedOf(summary.decisionHours, listsOf),
  open: summary.open,
  openByExpiry: countsOf(summary.openByExpiry),
  inForce: summary.inForce,
  inForceWithControls: summary.inForceWithControls,
  inForceOpenEnded: summary.inForceOpenEnded,
  inForceAssets: pairsOf(summary.inForceAssets),
});

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const ascending = (a: number, b: number): number => a - b;

// Object.fromEntries defines own data properties, so "__proto__" stays an ordinary key in the JSON.
const sortedRecord = <T, U>(map: Map<string, T>, value: (entry: T) => U | null): Record<string, U> =>
  Object.fromEntries(
    [...map.keys()].sort(byCodeUnit).flatMap((key) => {
      const converted = value(map.get(key) as T);
      return converted === null ? [] : [[key, converted] as const];
    }),
  );

const sortedPairs = (counts: Counts): [string, number][] =>
  [...counts].filter(([, count]) => count > 0).sort(([a], [b]) => byCodeUnit(a, b));

const positive = (count: number): number | null => (count > 0 ? count : null);
const sortedList = (list: number[]): number[] | null =>
  list.length === 0 ? null : [...list].sort(ascending);
const nonEmpty = <U>(record: Record<string, U>): Record<string, U> | null =>
  Object.keys(record).length === 0 ? null : record;

const summaryOf = (acc: Accumulator): KpiSummary => ({
  created: sortedRecord(acc.created, positive),
  createdByType: sortedRecord(acc.createdByType, (counts) => nonEmpty(sortedRecord(counts, positive))),
  createdByAsset: sortedRecord(acc.createdByAsset, (counts) => {
    const pairs = sortedPairs(counts);
    return pairs.length === 0 ? null : pairs;
  }),
  approvalHours: sortedRecord(acc.approvalHours, sortedList),
  autoApproved: sortedRecord(acc.autoApproved, positive),
  decisionHours: sortedRecord(acc.decisionHours, (lists) => nonEmpty(sortedRecord(lists, sortedList))),
  open: acc.open,
  openByExpiry: sortedRecord(acc.openByExpiry, positive),
  inForce: acc.inForce,
  inForceWithControls: acc.inForceWithControls,
  inForceOpenEnded: acc.inForceOpenEnded,
  inForceAssets: sortedPairs(acc.inForceAssets),
});

/** +1 or −1: adding or removing one exception's facts. */
type Sign = 1 | -1;

const bump = (counts: Counts, key: string, sign: Sign, what: string): void => {
  const next = (counts.get(key) ?? 0) + sign;
  if (next < 0) throw new KpiSummaryMismatchError(what);
  if (next === 0) counts.delete(key);
  else counts.set(key, next);
};

const bumpIn = (nested: Map<string, Counts>, outer: string, key: string, sign: Sign, what: string): void => {
  const counts = nested.get(outer) ?? new Map<string, number>();
  nested.set(outer, counts);
  bump(counts, key, sign, what);
};

const bumpTotal = (total: number, sign: Sign, what: string): number => {
  if (total + sign < 0) throw new KpiSummaryMismatchError(what);
  return total + sign;
};

const listIn = (lists: Map<string, number[]>, key: string, value: number, sign: Sign, what: string): void => {
  const list = lists.get(key) ?? [];
  lists.set(key, list);
  if (sign === 1) {
    list.push(value);
    return;
  }
  const index = list.findIndex((held) => Object.is(held, value));
  if (index < 0) throw new KpiSummaryMismatchError(what);
  list.splice(index, 1);
};

const apply = (acc: Accumulator, facts: KpiFacts, sign: Sign): void => {
  bump(acc.created, facts.created, sign, 'created');
  bumpIn(acc.createdByType, facts.created, facts.type, sign, 'type');
  for (const asset of facts.assets) bumpIn(acc.createdByAsset, facts.created, asset, sign, 'asset');
  if (facts.approval !== null) {
    if (facts.approval.auto) bump(acc.autoApproved, facts.approval.month, sign, 'auto-approval');
    else listIn(acc.approvalHours, facts.approval.month, facts.approval.hours, sign, 'approval hours');
  }
  if (facts.decision !== null) {
    const lists = acc.decisionHours.get(facts.decision.month) ?? new Map<string, number[]>();
    acc.decisionHours.set(facts.decision.month, lists);
    listIn(lists, facts.decision.urgency, facts.decision.hours, sign, 'decision hours');
  }
  if (facts.state === 'closed') return;
  acc.open = bumpTotal(acc.open, sign, 'open');
  if (facts.expires !== null) bump(acc.openByExpiry, facts.expires, sign, 'expiration date');
  if (facts.state !== 'in-force') return;
  acc.inForce = bumpTotal(acc.inForce, sign, 'in force');
  if (facts.controls) acc.inForceWithControls = bumpTotal(acc.inForceWithControls, sign, 'controls');
  if (facts.expires === null) acc.inForceOpenEnded = bumpTotal(acc.inForceOpenEnded, sign, 'open-ended');
  for (const asset of facts.assets) bump(acc.inForceAssets, asset, sign, 'in-force asset');
};

export const emptyKpiSummary = (): KpiSummary => summaryOf(newAccumulator());

export const addFacts = (summary: KpiSummary, facts: KpiFacts): KpiSummary => {
  const acc = accumulatorOf(summary);
  apply(acc, facts, 1);
  return summaryOf(acc);
};

/** The exact inverse of addFacts; throws a KpiSummaryMismatchError if the summary does not hold these facts. */
export const removeFacts = (summary: KpiSummary, facts: KpiFacts): KpiSummary => {
  const acc = accumulatorOf(summary);
  apply(acc, facts, -1);
  return summaryOf(acc);
};

export const summarizeFacts = (facts: readonly KpiFacts[]): KpiSummary => {
  const acc = newAccumulator();
  for (const one of facts) apply(acc, one, 1);
  return summaryOf(acc);
};

const mergeCounts = (into: Counts, from: Counts): void => {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count);
};

const mergeNested = <T>(into: Map<string, T>, from: Map<string, T>, merge: (a: T, b: T) => void): void => {
  for (const [key, value] of from) {
    const held = into.get(key);
    if (held === undefined) into.set(key, value);
    else merge(held, value);
  }
};

const mergeLists = (into: Map<string, number[]>, from: Map<string, number[]>): void => {
  mergeNested(into, from, (a, b) => {
    a.push(...b);
  });
};

/** The summary of the union of the exceptions the summaries stand for (projects are disjoint, so nothing twice). */
export const mergeKpiSummaries = (summaries: readonly KpiSummary[]): KpiSummary => {
  const acc = newAccumulator();
  for (const summary of summaries) {
    const from = accumulatorOf(summary);
    mergeCounts(acc.created, from.created);
    mergeNested(acc.createdByType, from.createdByType, mergeCounts);
    mergeNested(acc.createdByAsset, from.createdByAsset, mergeCounts);
    mergeLists(acc.approvalHours, from.approvalHours);
    mergeCounts(acc.autoApproved, from.autoApproved);
    mergeNested(acc.decisionHours, from.decisionHours, mergeLists);
    acc.open += from.open;
    mergeCounts(acc.openByExpiry, from.openByExpiry);
    acc.inForce += from.inForce;
    acc.inForceWithControls += from.inForceWithControls;
    acc.inForceOpenEnded += from.inForceOpenEnded;
    mergeCounts(acc.inForceAssets, from.inForceAssets);
  }
  return summaryOf(acc);
};
