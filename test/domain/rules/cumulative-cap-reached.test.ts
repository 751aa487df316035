import { cumulativeCapReached } from '../../../src/domain/rules/cumulative-cap-reached';
import type { RuleResult } from '../../../src/domain/rules/rule';
import type { ExceptionRecordInput } from '../../../src/domain/register-schema';
import { IN_RECERTIFICATION, RENEWAL_EDITS } from './recertification';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

/** A decision opening the period `periodStart` through `periodEnd`. */
const decision = (
  periodStart: string,
  periodEnd: string,
  action: 'approved' | 'recertified' = 'recertified',
) => ({
  at: `${periodStart}T10:00:00Z`,
  action,
  by: 'acc-owner-bo',
  periodStart,
  periodEnd,
});

/** Four overlapping 90-day periods, 2026-01-05 through 2026-11-29: 329 days granted so far. */
const LONG_RUNNING: Partial<ExceptionRecordInput> = {
  ...IN_RECERTIFICATION,
  expirationDate: '2026-11-29',
  history: [
    decision('2026-01-05', '2026-04-04', 'approved'),
    decision('2026-03-25', '2026-06-22'),
    decision('2026-06-10', '2026-09-07'),
    decision('2026-09-01', '2026-11-29'),
  ],
};

describe('cumulativeCapReached', () => {
  it.each<[string, Scenario, RuleResult]>([
    [
      'passes a first renewal well within the cap (171 of 365 days)',
      { record: IN_RECERTIFICATION, edits: RENEWAL_EDITS },
      PASSES,
    ],
    [
      'passes a renewal that reaches the cap exactly (365)',
      { record: LONG_RUNNING, edits: { expirationDate: '2027-01-04' } },
      PASSES,
    ],
    [
      'fails a renewal one day over the cap, saying how far it may go',
      { record: LONG_RUNNING, edits: { expirationDate: '2027-01-05' } },
      fails(
        'cumulative-cap-reached',
        "Cumulative cap reached: this exception has been granted 329 days so far, and renewing it until 2027-01-05 adds 37 more (366 in total), over the policy's cap of 365 days; the furthest a renewal may run is until 2027-01-04. Escalate it for a permanent fix or remediate instead of renewing.",
      ),
    ],
    [
      'fails a full 90-day renewal of a long-running exception',
      { record: LONG_RUNNING, edits: { expirationDate: '2027-02-19' } },
      fails(
        'cumulative-cap-reached',
        "Cumulative cap reached: this exception has been granted 329 days so far, and renewing it until 2027-02-19 adds 82 more (411 in total), over the policy's cap of 365 days; the furthest a renewal may run is until 2027-01-04. Escalate it for a permanent fix or remediate instead of renewing.",
      ),
    ],
    [
      'says when no renewal fits at all',
      { record: LONG_RUNNING, policy: { cumulativeCapDays: 329 }, edits: { expirationDate: '2026-12-15' } },
      fails(
        'cumulative-cap-reached',
        "Cumulative cap reached: this exception has been granted 329 days so far, and renewing it until 2026-12-15 adds 16 more (345 in total), over the policy's cap of 329 days; no renewal fits within it. Escalate it for a permanent fix or remediate instead of renewing.",
      ),
    ],
    [
      "uses the policy's cap",
      { record: IN_RECERTIFICATION, policy: { cumulativeCapDays: 150 }, edits: RENEWAL_EDITS },
      fails(
        'cumulative-cap-reached',
        "Cumulative cap reached: this exception has been granted 91 days so far, and renewing it until 2027-02-19 adds 80 more (171 in total), over the policy's cap of 150 days; the furthest a renewal may run is until 2027-01-29. Escalate it for a permanent fix or remediate instead of renewing.",
      ),
    ],
    [
      'leaves a missing date to the expiration-date rules',
      { record: LONG_RUNNING, edits: { expirationDate: null } },
      PASSES,
    ],
    [
      'leaves a past date to the expiration-date rules',
      { record: LONG_RUNNING, edits: { expirationDate: '2026-11-01' } },
      PASSES,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(
      cumulativeCapReached.evaluate(ruleInput({ transition: { name: 'recertify' }, ...scenario })),
    ).toEqual(expected);
  });
});
