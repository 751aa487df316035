/** Summary statistics of DESIGN.md §6. Each answers null for no values: an average of nothing is "no data", not 0. */

export interface Share {
  /** numerator ÷ denominator, a fraction 0–1; null when the denominator is 0 ("no data", never 0 % or 100 %). */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
}

export const share = (numerator: number, denominator: number): Share => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/** The middle value; for an even count, the average of the two middle values. */
export const median = (values: readonly number[]): number | null => {
  const sorted = ascending(values);
  const upper = sorted[Math.floor(sorted.length / 2)];
  if (upper === undefined) return null;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[sorted.length / 2 - 1] ?? upper;
  return (lower + upper) / 2;
};

/**
 * The nearest-rank 90th percentile: the ⌈0.9·n⌉-th smallest value, an observed value (never interpolated).
 * The rank is ⌈9n / 10⌉ so that it rests on exact integer arithmetic, not on the binary approximation of 0.9.
 */
export const p90 = (values: readonly number[]): number | null => {
  const sorted = ascending(values);
  return sorted[Math.ceil((9 * sorted.length) / 10) - 1] ?? null;
};
