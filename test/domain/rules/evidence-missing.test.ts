import { evidenceMissing } from '../../../src/domain/rules/evidence-missing';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const missingFor = (reason: string): RuleResult =>
  fails(
    'evidence-missing',
    `Evidence is required for ${reason}: attach at least one file to the issue (for example a scan report, a configuration screenshot or the vendor's statement).`,
  );

describe('evidenceMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes Medium without attachments (not required)', { edits: { attachmentCount: 0 } }, PASSES],
    ['passes High with one attachment', { edits: { riskRating: 'High', attachmentCount: 1 } }, PASSES],
    [
      'fails High without attachments',
      { edits: { riskRating: 'High', attachmentCount: 0 } },
      missingFor('High risk'),
    ],
    [
      'fails Critical without attachments',
      { edits: { riskRating: 'Critical', attachmentCount: 0 } },
      missingFor('Critical risk'),
    ],
    [
      'fails a type whose pack requires evidence, whatever the tier',
      { edits: { type: 'Vulnerability patch delay', riskRating: 'Low', attachmentCount: 0 } },
      missingFor('Vulnerability patch delay exceptions'),
    ],
    [
      "names the type when both the type's pack and the tier require evidence",
      { edits: { type: 'Vulnerability patch delay', riskRating: 'Critical', attachmentCount: 0 } },
      missingFor('Vulnerability patch delay exceptions'),
    ],
    [
      "follows the policy's evidence tier",
      { policy: { evidenceFromTier: 'Medium' }, edits: { attachmentCount: 0 } },
      missingFor('Medium risk'),
    ],
    [
      'uses the provisional tier before Risk Rating is set (Legacy system support defaults to High)',
      { edits: { type: 'Legacy system support', riskRating: null, attachmentCount: 0 } },
      missingFor('High risk'),
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(evidenceMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
