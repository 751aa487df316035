import { justificationMissing } from '../../../src/domain/rules/justification-missing';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const MISSING = fails(
  'justification-missing',
  'Business Justification is required: explain the need and the business impact.',
);
const PADDED = fails(
  'justification-missing',
  'Business Justification is required: explain the need and the business impact. Spaces, punctuation, invisible characters and placeholders such as "n/a" do not count.',
);

describe('justificationMissing', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a written justification', {}, PASSES],
    ['passes a single letter (length is another rule)', { edits: { justification: 'a' } }, PASSES],
    ['passes a single digit', { edits: { justification: '7' } }, PASSES],
    ['fails zero-width characters', { edits: { justification: '\u200B\u200C\u200D\u2060\uFEFF' } }, PADDED],
    [
      'fails soft hyphens and bidi controls',
      { edits: { justification: '\u00AD\u202E\u2066\u2069' } },
      PADDED,
    ],
    [
      'fails Hangul fillers (letters that show nothing)',
      { edits: { justification: '\u3164\uFFA0' } },
      PADDED,
    ],
    ['fails dots', { edits: { justification: '........' } }, PADDED],
    ['fails dashes', { edits: { justification: '- - -' } }, PADDED],
    ['fails "n/a"', { edits: { justification: 'n/a' } }, PADDED],
    ['fails "N.A." and "TBD"', { edits: { justification: ' N.A. ' } }, PADDED],
    ['fails "TBD"', { edits: { justification: 'TBD' } }, PADDED],
    ['fails no-break and ideographic spaces', { edits: { justification: '\u00A0\u3000' } }, MISSING],
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
