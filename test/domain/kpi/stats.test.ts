import { mean, median, p90, share } from '../../../src/domain/kpi';

const oneTo = (n: number): number[] => Array.from({ length: n }, (_, index) => n - index); // descending: order must not matter

describe('mean', () => {
  it.each([
    { values: [], expected: null },
    { values: [7], expected: 7 },
    { values: [1, 2, 3, 10], expected: 4 },
    { values: [0.5, 0.25], expected: 0.375 },
  ])('of $values is $expected', ({ values, expected }) => {
    expect(mean(values)).toBe(expected);
  });
});

describe('median', () => {
  it.each([
    { case: 'no values', values: [], expected: null },
    { case: 'one value', values: [5], expected: 5 },
    { case: 'odd count, unsorted', values: [10, 2, 6], expected: 6 },
    { case: 'even count: average of the two middle values', values: [10, 1, 3, 2], expected: 2.5 },
    { case: 'even count of two', values: [4, 9], expected: 6.5 },
    { case: 'numeric, not lexicographic, order', values: [100, 9, 20], expected: 20 },
  ])('$case', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});

describe('p90 (nearest rank: the ⌈0.9·n⌉-th smallest)', () => {
  it.each([
    { n: 1, rank: 1, expected: 1 },
    { n: 9, rank: 9, expected: 9 },
    { n: 10, rank: 9, expected: 9 },
    { n: 11, rank: 10, expected: 10 },
    { n: 20, rank: 18, expected: 18 },
    { n: 70, rank: 63, expected: 63 },
  ])('n = $n takes rank $rank', ({ n, expected }) => {
    expect(p90(oneTo(n))).toBe(expected);
  });

  it('is null for no values', () => {
    expect(p90([])).toBeNull();
  });

  it('is an observed value, never interpolated', () => {
    expect(p90([1, 1000])).toBe(1000);
  });
});

describe('share', () => {
  it.each([
    { numerator: 0, denominator: 0, expected: { value: null, numerator: 0, denominator: 0 } },
    { numerator: 0, denominator: 4, expected: { value: 0, numerator: 0, denominator: 4 } },
    { numerator: 1, denominator: 4, expected: { value: 0.25, numerator: 1, denominator: 4 } },
    { numerator: 4, denominator: 4, expected: { value: 1, numerator: 4, denominator: 4 } },
  ])('$numerator / $denominator', ({ numerator, denominator, expected }) => {
    expect(share(numerator, denominator)).toEqual(expected);
  });
});
