/** Small helpers for the planner's reasons, which are read by people in comments and in the `plan` output. */

/** `1 day`, `91 days`. */
export const countOf = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** 0.75 → `75 %`; rounded to two decimals so 0.57 reads `57 %`, not `56.99999999999999 %`. */
export const percentOf = (fraction: number): string => `${Number((fraction * 100).toFixed(2))} %`;
