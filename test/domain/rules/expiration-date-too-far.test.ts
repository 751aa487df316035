import { defaultPolicy } from '../../../src/domain/policy-schema';
import { expirationDateTooFar } from '../../../src/domain/rules/expiration-date-too-far';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('expirationDateTooFar', () => {
  const tiersWith = (high: number) => ({
    ...defaultPolicy().tiers,
    High: { maxDurationDays: high, approverGroups: ['c-level'] },
  });
  const packsWith = (firewallCap: number) => ({
    ...defaultPolicy().packs,
    'Firewall rule': { ...defaultPolicy().packs['Firewall rule'], maxDurationDays: firewallCap },
  });
  it.each<[string, Scenario, RuleResult]>([
    ['passes a date well inside the cap', {}, PASSES],
    ['passes the last allowed day (today + 90)', { edits: { expirationDate: '2027-02-19' } }, PASSES],
    [
      'fails one day past the cap',
      { edits: { expirationDate: '2027-02-20' } },
      fails(
        'expiration-date-too-far',
        'Expiration Date 2027-02-20 is more than 90 days after today (2026-11-21): the longest this Medium risk exception may run is until 2027-02-19.',
      ),
    ],
    [
      'names the tier and the cap of the tier',
      { policy: { tiers: tiersWith(30) }, edits: { riskRating: 'High', expirationDate: '2027-03-01' } },
      fails(
        'expiration-date-too-far',
        'Expiration Date 2027-03-01 is more than 30 days after today (2026-11-21): the longest this High risk exception may run is until 2026-12-21.',
      ),
    ],
    [
      "applies the type's cap when it is shorter than the tier's",
      { policy: { packs: packsWith(14) }, edits: { expirationDate: '2026-12-06' } },
      fails(
        'expiration-date-too-far',
        'Expiration Date 2026-12-06 is more than 14 days after today (2026-11-21): the longest this Medium risk exception may run is until 2026-12-05.',
      ),
    ],
    [
      'counts from the decision day: decided 2026-09-02, a 90-day cap runs to 2026-12-01 inclusive',
      { now: '2026-09-02T16:00:00Z', edits: { expirationDate: '2026-12-01' } },
      PASSES,
    ],
    [
      'counts from the decision day: decided 2026-09-02, 2026-12-02 is too far',
      { now: '2026-09-02T16:00:00Z', edits: { expirationDate: '2026-12-02' } },
      fails(
        'expiration-date-too-far',
        'Expiration Date 2026-12-02 is more than 90 days after today (2026-09-02): the longest this Medium risk exception may run is until 2026-12-01.',
      ),
    ],
    ['leaves a missing date to expirationDateMissing', { edits: { expirationDate: null } }, PASSES],
  ])('%s', (_name, scenario, expected) => {
    expect(expirationDateTooFar.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
