import type { RuleResult } from '../../../src/domain/rules/rule';
import { recertificationStartNotPermitted } from '../../../src/domain/rules/recertification-start-not-permitted';
import { REQUESTER, RISK_OWNER } from '../../builders/exception-record';
import {
  APP,
  EXECUTIVE,
  fails,
  PASSES,
  REVIEWER,
  ruleInput,
  UNKNOWN_ACTOR,
  user,
  type Scenario,
} from './rule-input';

const notPermitted = (owner: string, groups: string): RuleResult =>
  fails(
    'recertification-start-not-permitted',
    `Only the app, ${owner} or a member of ${groups} can start recertification of this exception.`,
  );

describe('recertificationStartNotPermitted', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes the app (the schedule)', { actor: APP }, PASSES],
    ['passes the risk owner', { actor: user(RISK_OWNER.accountId) }, PASSES],
    ['passes an approver of the tier', { actor: REVIEWER }, PASSES],
    [
      'fails the requester',
      { actor: user(REQUESTER.accountId) },
      notPermitted('the risk owner', 'security-reviewers'),
    ],
    [
      'fails an approver of another tier',
      { actor: REVIEWER, record: { riskRating: 'Critical' } },
      notPermitted('the risk owner', 'c-level'),
    ],
    [
      'passes an approver of another tier when the screen sets the rating to theirs',
      { actor: EXECUTIVE, edits: { riskRating: 'Critical' } },
      PASSES,
    ],
    ['fails closed when the actor is unknown', { actor: null }, UNKNOWN_ACTOR],
  ])('%s', (_name, scenario, expected) => {
    const input = ruleInput({
      transition: { name: 'start-recertification' },
      record: { status: 'Approved' },
      ...scenario,
    });
    expect(recertificationStartNotPermitted.evaluate(input)).toEqual(expected);
  });
});
