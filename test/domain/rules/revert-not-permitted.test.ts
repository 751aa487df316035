import type { RuleResult } from '../../../src/domain/rules/rule';
import { revertNotPermitted } from '../../../src/domain/rules/revert-not-permitted';
import { RISK_OWNER } from '../../builders/exception-record';
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

const NOT_PERMITTED = fails(
  'revert-not-permitted',
  'Only the app (at expiry) or a member of security-reviewers or c-level can revert an exception.',
);

describe('revertNotPermitted', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes the app', { actor: APP }, PASSES],
    ['passes a security reviewer', { actor: REVIEWER }, PASSES],
    ['passes C-level on a Medium exception (any approver group is security)', { actor: EXECUTIVE }, PASSES],
    [
      'fails the risk owner outside the approver groups',
      { actor: user(RISK_OWNER.accountId) },
      NOT_PERMITTED,
    ],
    ['fails someone in no approver group', { actor: OUTSIDER }, NOT_PERMITTED],
    ['fails closed when the actor is unknown', { actor: null }, UNKNOWN_ACTOR],
  ])('%s', (_name, scenario, expected) => {
    expect(revertNotPermitted.evaluate(ruleInput({ transition: { name: 'revert' }, ...scenario }))).toEqual(
      expected,
    );
  });
});
