import { expirationDateNotFuture } from '../../../src/domain/rules/expiration-date-not-future';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('expirationDateNotFuture', () => {
  const notFuture = (date: string): RuleResult =>
    fails(
      'expiration-date-not-future',
      `Expiration Date ${date} is not in the future (today is 2026-11-21): pick a later date.`,
    );
  it.each<[string, Scenario, RuleResult]>([
    ['passes tomorrow', { edits: { expirationDate: '2026-11-22' } }, PASSES],
    ['fails today', { edits: { expirationDate: '2026-11-21' } }, notFuture('2026-11-21')],
    ['fails a past date', { edits: { expirationDate: '2025-01-31' } }, notFuture('2025-01-31')],
    [
      'takes today as the UTC date of now, late in the day',
      { now: '2026-11-21T23:59:59Z', edits: { expirationDate: '2026-11-22' } },
      PASSES,
    ],
    [
      'takes today as the UTC date of an instant written with an offset',
      { now: '2026-11-22T01:00:00+02:00', edits: { expirationDate: '2026-11-21' } },
      notFuture('2026-11-21'),
    ],
    ['leaves a missing date to expirationDateMissing', { edits: { expirationDate: null } }, PASSES],
  ])('%s', (_name, scenario, expected) => {
    expect(expirationDateNotFuture.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
