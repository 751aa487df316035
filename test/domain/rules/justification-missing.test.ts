import { justificationMissing } from '../../../src/domain/rules/justification-missing';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const MISSING = fails(
  'justification-missing',
  'Business Justification is required: explain the need and the business impact.',
);

describe('justificationMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a written justification', {}, PASSES],
    ['passes a single character (length is another rule)', { edits: { justification: 'x' } }, PASSES],
    ['fails an empty field', { edits: { justification: '' } }, MISSING],
    ['fails a field of only whitespace', { edits: { justification: ' \n\t ' } }, MISSING],
    ['fails a field that is null in the register', { edits: { justification: null } }, MISSING],
    [
      'reads the edited record, not the stored one',
      { record: { justification: '' }, edits: { justification: 'Written on the screen' } },
      PASSES,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(justificationMissing.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
