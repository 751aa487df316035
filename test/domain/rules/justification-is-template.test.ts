import { DEFAULT_JUSTIFICATION_TEMPLATE } from '../../../src/domain/policy-schema';
import { justificationIsTemplate } from '../../../src/domain/rules/justification-is-template';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const TEMPLATE = fails(
  'justification-is-template',
  'Business Justification is still the template text: replace it with the need and the business impact.',
);

describe('justificationIsTemplate', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a written justification', {}, PASSES],
    ['fails the untouched template', { edits: { justification: DEFAULT_JUSTIFICATION_TEMPLATE } }, TEMPLATE],
    [
      'fails the template with extra surrounding and inner whitespace',
      { edits: { justification: `  ${DEFAULT_JUSTIFICATION_TEMPLATE.replace(/ /g, '  \n')}\n` } },
      TEMPLATE,
    ],
    [
      'fails the template with punctuation, case and invisible characters changed',
      {
        edits: {
          justification: DEFAULT_JUSTIFICATION_TEMPLATE.toUpperCase()
            .replaceAll('?', '!!')
            .replaceAll(' ', ' \u200B')
            .replace('exception', 'excep\u00ADtion'),
        },
      },
      TEMPLATE,
    ],
    [
      'passes the template with words added',
      { edits: { justification: `${DEFAULT_JUSTIFICATION_TEMPLATE} Partner settlements stop.` } },
      PASSES,
    ],
    [
      "uses the policy's own template",
      {
        policy: { justificationTemplate: 'Describe the need.' },
        edits: { justification: 'Describe the need.' },
      },
      TEMPLATE,
    ],
    [
      'leaves an empty field to justificationMissing, even when the template is empty',
      { policy: { justificationTemplate: '' }, edits: { justification: '  ' } },
      PASSES,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(justificationIsTemplate.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
