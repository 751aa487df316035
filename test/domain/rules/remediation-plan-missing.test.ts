import { remediationPlanMissing } from '../../../src/domain/rules/remediation-plan-missing';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

describe('remediationPlanMissing', () => {
  const MISSING = fails(
    'remediation-plan-missing',
    'Remediation Plan is required for Legacy system support: describe the interim plan to migrate off the legacy system.',
  );
  it.each<[string, Scenario, RuleResult]>([
    ['passes Legacy system support with a plan', { edits: { type: 'Legacy system support' } }, PASSES],
    [
      'fails Legacy system support without a plan',
      { edits: { type: 'Legacy system support', remediationPlan: '' } },
      MISSING,
    ],
    [
      'fails Legacy system support with only whitespace',
      { edits: { type: 'Legacy system support', remediationPlan: ' \n ' } },
      MISSING,
    ],
    [
      'fails Legacy system support with only invisible characters and dashes',
      { edits: { type: 'Legacy system support', remediationPlan: '\u200B\u2060 - - \uFEFF' } },
      fails(
        'remediation-plan-missing',
        'Remediation Plan is required for Legacy system support: describe the interim plan to migrate off the legacy system. Spaces, punctuation, invisible characters and placeholders such as "n/a" do not count.',
      ),
    ],
    [
      'fails Legacy system support with "TBD"',
      { edits: { type: 'Legacy system support', remediationPlan: 'TBD' } },
      fails(
        'remediation-plan-missing',
        'Remediation Plan is required for Legacy system support: describe the interim plan to migrate off the legacy system. Spaces, punctuation, invisible characters and placeholders such as "n/a" do not count.',
      ),
    ],
    ['passes other types without a plan', { edits: { type: 'Firewall rule', remediationPlan: '' } }, PASSES],
  ])('%s', (_name, scenario, expected) => {
    expect(remediationPlanMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
