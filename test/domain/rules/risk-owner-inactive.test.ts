import type { RuleResult } from '../../../src/domain/rules/rule';
import { riskOwnerInactive } from '../../../src/domain/rules/risk-owner-inactive';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('riskOwnerInactive', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes an active risk owner', {}, PASSES],
    [
      'passes a risk owner whose status is unknown',
      { edits: { riskOwner: { accountId: 'acc-x', displayName: 'Xi' } } },
      PASSES,
    ],
    ['leaves a missing risk owner to riskOwnerMissing', { edits: { riskOwner: null } }, PASSES],
    [
      'fails a deactivated risk owner, naming them',
      { edits: { riskOwner: { accountId: 'acc-x', displayName: 'Xi Former', active: false } } },
      fails(
        'risk-owner-inactive',
        'The Risk Owner is not an active user: pick an active person accountable for this risk.',
      ),
    ],
    [
      'fails a deactivated risk owner without a display name',
      { edits: { riskOwner: { accountId: 'acc-x', displayName: null, active: false } } },
      fails(
        'risk-owner-inactive',
        'The Risk Owner is not an active user: pick an active person accountable for this risk.',
      ),
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(riskOwnerInactive.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
