import { autoApproveTierNotLow } from '../../../src/domain/rules/auto-approve-tier-not-low';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const notLow = (tier: string, groups: string): RuleResult =>
  fails(
    'auto-approve-tier-not-low',
    `Only Low risk exceptions can be auto-approved: this one is ${tier} risk, so a member of ${groups} must approve it.`,
  );

describe('autoApproveTierNotLow', () => {
  it.each<[string, Scenario, RuleResult]>([
    [
      'passes a provisional Low (Endpoint control gap)',
      { edits: { type: 'Endpoint control gap', riskRating: null } },
      PASSES,
    ],
    ['passes a rated Low', { edits: { riskRating: 'Low' } }, PASSES],
    [
      'fails a provisional Medium (Firewall rule)',
      { edits: { riskRating: null } },
      notLow('Medium', 'security-reviewers'),
    ],
    ['fails a rated High', { edits: { riskRating: 'High' } }, notLow('High', 'c-level')],
    [
      'fails a Low type raised one step for an urgent request touching many assets',
      {
        edits: {
          type: 'Endpoint control gap',
          riskRating: null,
          urgency: 'Urgent',
          affectedAssets: ['laptop-01', 'laptop-02', 'laptop-03', 'laptop-04'],
        },
      },
      notLow('Medium', 'security-reviewers'),
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(autoApproveTierNotLow.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
