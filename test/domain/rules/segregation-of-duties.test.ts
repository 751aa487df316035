import type { RuleResult } from '../../../src/domain/rules/rule';
import { segregationOfDuties } from '../../../src/domain/rules/segregation-of-duties';
import { REQUESTER } from '../../builders/exception-record';
import { APP, fails, PASSES, REVIEWER, ruleInput, UNKNOWN_ACTOR, user, type Scenario } from './rule-input';

const SOD = fails(
  'segregation-of-duties',
  'Segregation of duties: the requester cannot approve their own exception. Ask another approver.',
);

describe('segregationOfDuties', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes an approver who is not the requester', { actor: REVIEWER }, PASSES],
    [
      'fails the requester, even in the approver group',
      { actor: user(REQUESTER.accountId, ['security-reviewers']) },
      SOD,
    ],
    [
      'reads the requester from the stored issue, not from the screen',
      {
        actor: user(REQUESTER.accountId, ['security-reviewers']),
        edits: { requester: { accountId: 'acc-someone-else', displayName: 'Someone' } },
      },
      SOD,
    ],
    ['passes the app (it is nobody’s requester; approverIsApp refuses it)', { actor: APP }, PASSES],
    ['fails closed when the actor is unknown', { actor: null }, UNKNOWN_ACTOR],
  ])('%s', (_name, scenario, expected) => {
    expect(segregationOfDuties.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
