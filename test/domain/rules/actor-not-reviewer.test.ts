import { defaultPolicy } from '../../../src/domain/policy-schema';
import { actorNotReviewer } from '../../../src/domain/rules/actor-not-reviewer';
import type { RuleResult } from '../../../src/domain/rules/rule';
import {
  APP,
  EXECUTIVE,
  fails,
  OUTSIDER,
  PASSES,
  REVIEWER,
  ruleInput,
  UNKNOWN_ACTOR,
  type Scenario,
} from './rule-input';

const notReviewer = (groups: string): RuleResult =>
  fails('actor-not-reviewer', `Only a reviewer can request more information: ask a member of ${groups}.`);

describe('actorNotReviewer', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a security reviewer', { actor: REVIEWER }, PASSES],
    ['passes C-level on a Medium exception (any approver group will do)', { actor: EXECUTIVE }, PASSES],
    ['fails someone in no approver group', { actor: OUTSIDER }, notReviewer('security-reviewers or c-level')],
    ['fails the app', { actor: APP }, notReviewer('security-reviewers or c-level')],
    [
      'lists every group of every tier once',
      {
        actor: OUTSIDER,
        policy: {
          tiers: {
            ...defaultPolicy().tiers,
            Critical: { maxDurationDays: 30, approverGroups: ['c-level', 'board'] },
          },
        },
      },
      notReviewer('security-reviewers, c-level or board'),
    ],
    ['fails closed when the actor is unknown', { actor: null }, UNKNOWN_ACTOR],
  ])('%s', (_name, scenario, expected) => {
    expect(
      actorNotReviewer.evaluate(ruleInput({ transition: { name: 'request-info' }, ...scenario })),
    ).toEqual(expected);
  });
});
