import type { RuleResult } from '../../../src/domain/rules/rule';
import { recertifierNotPermitted } from '../../../src/domain/rules/recertifier-not-permitted';
import { REQUESTER, RISK_OWNER } from '../../builders/exception-record';
import { IN_RECERTIFICATION } from './recertification';
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

const notPermitted = (who: string, groups: string): RuleResult =>
  fails('recertifier-not-permitted', `Only ${who} or a member of ${groups} can recertify this exception.`);

describe('recertifierNotPermitted', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes the risk owner', { actor: user(RISK_OWNER.accountId) }, PASSES],
    ['passes an approver of the tier', { actor: REVIEWER }, PASSES],
    ['passes C-level on a High exception', { actor: EXECUTIVE, edits: { riskRating: 'High' } }, PASSES],
    [
      'fails C-level on a Medium exception',
      { actor: EXECUTIVE },
      notPermitted('the risk owner', 'security-reviewers'),
    ],
    [
      'fails the requester',
      { actor: user(REQUESTER.accountId) },
      notPermitted('the risk owner', 'security-reviewers'),
    ],
    [
      'fails the app: a renewal is a decision',
      { actor: APP },
      notPermitted('the risk owner', 'security-reviewers'),
    ],
    [
      'reads the risk owner from the stored issue, not from the screen',
      {
        actor: user('acc-newcomer'),
        edits: { riskOwner: { accountId: 'acc-newcomer', displayName: 'New' } },
      },
      notPermitted('the risk owner', 'security-reviewers'),
    ],
    [
      'says "the risk owner" when there is none',
      { actor: user('acc-x'), record: { riskOwner: null }, edits: { riskRating: 'High' } },
      notPermitted('the risk owner', 'c-level'),
    ],
    ['fails closed when the actor is unknown', { actor: null }, UNKNOWN_ACTOR],
  ])('%s', (_name, scenario, expected) => {
    const input = ruleInput({
      transition: { name: 'recertify' },
      ...scenario,
      record: { ...IN_RECERTIFICATION, ...scenario.record },
    });
    expect(recertifierNotPermitted.evaluate(input)).toEqual(expected);
  });
});
