import type { RuleResult } from '../../../src/domain/rules/rule';
import { riskOwnerIsRequester } from '../../../src/domain/rules/risk-owner-is-requester';
import { REQUESTER } from '../../builders/exception-record';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('riskOwnerIsRequester', () => {
  const requesterAsOwner = { edits: { riskOwner: { ...REQUESTER, active: true } } };
  it.each<[string, Scenario, RuleResult]>([
    ['passes a risk owner other than the requester', {}, PASSES],
    ['leaves a missing risk owner to riskOwnerMissing', { edits: { riskOwner: null } }, PASSES],
    [
      'fails the requester as risk owner',
      requesterAsOwner,
      fails(
        'risk-owner-is-requester',
        'Risk Owner cannot be the requester: the policy asks for someone else to be accountable for this risk. Pick another Risk Owner.',
      ),
    ],
    [
      'passes the requester as risk owner when the policy allows it',
      { ...requesterAsOwner, policy: { riskOwnerMayBeRequester: true } },
      PASSES,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(riskOwnerIsRequester.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
