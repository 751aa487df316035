import { DEFAULT_JUSTIFICATION_TEMPLATE } from '../../../src/domain/policy-schema';
import { justificationTooShort } from '../../../src/domain/rules/justification-too-short';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const tooShort = (length: number, minimum = 40): RuleResult =>
  fails(
    'justification-too-short',
    `Business Justification is too short: ${length} characters, the policy asks for at least ${minimum}. Explain the need and the business impact.`,
  );

const FORTY = 'Partner settlements stop without port 22.'.slice(0, 40);

describe('justificationTooShort', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a long justification', {}, PASSES],
    ['passes exactly the minimum length', { edits: { justification: FORTY } }, PASSES],
    ['fails one character under the minimum', { edits: { justification: FORTY.slice(0, 39) } }, tooShort(39)],
    ['fails a short justification', { edits: { justification: 'Needed for SFTP' } }, tooShort(15)],
    ['counts after trimming', { edits: { justification: `   ${FORTY.slice(0, 12)}   \n` } }, tooShort(12)],
    [
      'counts an emoji as one character',
      { edits: { justification: `${FORTY.slice(0, 38)}🔥` } },
      tooShort(39),
    ],
    [
      "uses the policy's minimum",
      { policy: { justificationMinLength: 100 }, edits: { justification: FORTY } },
      tooShort(40, 100),
    ],
    [
      'passes anything when the minimum is 0',
      { policy: { justificationMinLength: 0 }, edits: { justification: 'x' } },
      PASSES,
    ],
    ['leaves an empty field to justificationMissing', { edits: { justification: '' } }, PASSES],
    [
      'leaves a short untouched template to justificationIsTemplate',
      { policy: { justificationTemplate: 'Why?' }, edits: { justification: ' Why? ' } },
      PASSES,
    ],
    [
      'passes the long default template (it is the template rule that refuses it)',
      { edits: { justification: DEFAULT_JUSTIFICATION_TEMPLATE } },
      PASSES,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(justificationTooShort.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
