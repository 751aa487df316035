import { defaultPolicy } from '../../../src/domain/policy-schema';
import { approverNotInGroup } from '../../../src/domain/rules/approver-not-in-group';
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
  user,
  type Scenario,
} from './rule-input';

const notInGroup = (message: string): RuleResult => fails('approver-not-in-group', message);

describe('approverNotInGroup', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a security reviewer at Medium', { actor: REVIEWER }, PASSES],
    [
      'passes a member of several groups, one of them the approver group',
      { actor: user('acc-x', ['jira-users', 'security-reviewers']) },
      PASSES,
    ],
    [
      'fails a security reviewer at High, naming the C-level group',
      { actor: REVIEWER, edits: { riskRating: 'High' } },
      notInGroup(
        'Approving a High risk exception needs a member of c-level. Ask one of them to make this transition.',
      ),
    ],
    ['passes C-level at Critical', { actor: EXECUTIVE, edits: { riskRating: 'Critical' } }, PASSES],
    [
      'fails C-level at Medium: the tier has its own group',
      { actor: EXECUTIVE },
      notInGroup(
        'Approving a Medium risk exception needs a member of security-reviewers. Ask one of them to make this transition.',
      ),
    ],
    [
      'fails someone in no approver group',
      { actor: OUTSIDER, record: { type: 'Endpoint control gap', riskRating: 'Low' } },
      notInGroup(
        'Approving a Low risk exception needs a member of security-reviewers. Ask one of them to make this transition.',
      ),
    ],
    [
      'fails the app, which is in no group',
      { actor: APP },
      notInGroup(
        'Approving a Medium risk exception needs a member of security-reviewers. Ask one of them to make this transition.',
      ),
    ],
    [
      'names every group of the tier and the transition being made',
      {
        actor: OUTSIDER,
        transition: { name: 'reject' },
        policy: {
          tiers: {
            ...defaultPolicy().tiers,
            Medium: {
              maxDurationDays: 90,
              approverGroups: ['security-reviewers', 'network-leads', 'ciso-office'],
            },
          },
        },
      },
      notInGroup(
        'Rejecting a Medium risk exception needs a member of security-reviewers, network-leads or ciso-office. Ask one of them to make this transition.',
      ),
    ],
    [
      'uses the rating set on the transition screen when it raises the tier',
      {
        actor: REVIEWER,
        record: { riskRating: null, type: 'Endpoint control gap' },
        edits: { riskRating: 'Medium' },
      },
      PASSES,
    ],
    [
      "cannot rate below the type's default on the screen (MFA bypass defaults to High)",
      { actor: REVIEWER, record: { riskRating: null, type: 'MFA bypass' }, edits: { riskRating: 'Medium' } },
      notInGroup(
        'Approving a High risk exception needs a member of c-level. Ask one of them to make this transition.',
      ),
    ],
    [
      'cannot lower the stored rating into their own tier on the screen',
      { actor: REVIEWER, record: { riskRating: 'High' }, edits: { riskRating: 'Medium' } },
      notInGroup(
        'Approving a High risk exception needs a member of c-level. Ask one of them to make this transition.',
      ),
    ],
    [
      "cannot lower the tier by changing the type on the screen (MFA bypass's default stays)",
      {
        actor: REVIEWER,
        record: { riskRating: null, type: 'MFA bypass' },
        edits: { type: 'Firewall rule' },
      },
      notInGroup(
        'Approving a High risk exception needs a member of c-level. Ask one of them to make this transition.',
      ),
    ],
    [
      'the higher tier may lower the rating',
      { actor: EXECUTIVE, record: { riskRating: 'High' }, edits: { riskRating: 'Medium' } },
      PASSES,
    ],
    [
      'uses the provisional tier when no rating is set (MFA bypass defaults to High)',
      { actor: REVIEWER, edits: { riskRating: null, type: 'MFA bypass' } },
      notInGroup(
        'Approving a High risk exception needs a member of c-level. Ask one of them to make this transition.',
      ),
    ],
    ['fails closed when the actor is unknown', { actor: null }, UNKNOWN_ACTOR],
  ])('%s', (_name, scenario, expected) => {
    expect(approverNotInGroup.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
