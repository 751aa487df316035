import type { RuleResult } from '../../../src/domain/rules/rule';
import { retireNotPermitted } from '../../../src/domain/rules/retire-not-permitted';
import { REQUESTER, RISK_OWNER } from '../../builders/exception-record';
import {
  APP,
  EXECUTIVE,
  fails,
  OUTSIDER,
  PASSES,
  REVIEWER,
  ruleInput,
  UNKNOWN_ACTOR,
  user,
  type Scenario,
} from './rule-input';

const notPermitted = (owner: string): RuleResult =>
  fails(
    'retire-not-permitted',
    `Only ${owner}, the requester or a member of security-reviewers or c-level can retire this exception.`,
  );

describe('retireNotPermitted', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes the risk owner', { actor: user(RISK_OWNER.accountId) }, PASSES],
    ['passes the requester', { actor: user(REQUESTER.accountId) }, PASSES],
    ['passes a security reviewer', { actor: REVIEWER }, PASSES],
    ['passes C-level', { actor: EXECUTIVE }, PASSES],
    ['fails someone else', { actor: OUTSIDER }, notPermitted('the risk owner')],
    ['fails the app: retiring says the root cause is fixed', { actor: APP }, notPermitted('the risk owner')],
    [
      'names no one when there is no risk owner',
      { actor: OUTSIDER, record: { riskOwner: null } },
      notPermitted('the risk owner'),
    ],
    ['fails closed when the actor is unknown', { actor: null }, UNKNOWN_ACTOR],
  ])('%s', (_name, scenario, expected) => {
    const input = ruleInput({ transition: { name: 'retire' }, record: { status: 'Approved' }, ...scenario });
    expect(retireNotPermitted.evaluate(input)).toEqual(expected);
  });
});
