import { DEFAULT_JUSTIFICATION_TEMPLATE } from '../../../src/domain/policy-schema';
import { justificationTooShort } from '../../../src/domain/rules/justification-too-short';
import type { RuleResult } from '../../../src/domain/rules/rule';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const tooShort = (length: number, minimum = 40): RuleResult =>
  fails(
    'justification-too-short',
    `Business Justification is too short: ${length} letters or digits, the policy asks for at least ${minimum}. Explain the need and the business impact; spaces, punctuation and invisible characters do not count.`,
  );

/** Exactly 40 letters and digits. */
const FORTY = 'Partner settlements stop without SFTP, port 222';

describe('justificationTooShort', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes a long justification', {}, PASSES],
    ['passes exactly the minimum length', { edits: { justification: FORTY } }, PASSES],
    ['fails one letter under the minimum', { edits: { justification: FORTY.slice(0, -1) } }, tooShort(39)],
    ['fails a short justification', { edits: { justification: 'Needed for SFTP' } }, tooShort(13)],
    ['counts no spaces', { edits: { justification: `   ${FORTY.replaceAll(' ', '     ')}   \n` } }, PASSES],
    ['counts no emoji', { edits: { justification: `${FORTY.slice(0, -1)}🔥🔥🔥` } }, tooShort(39)],
    ['counts no dots of padding', { edits: { justification: `Needed.${'.'.repeat(60)}` } }, tooShort(6)],
    [
      'counts no zero-width spaces, joiners, word joiners or byte order marks',
      { edits: { justification: `Needed for SFTP${'\u200B\u200C\u200D\u2060\uFEFF'.repeat(10)}` } },
      tooShort(13),
    ],
    [
      'counts no soft hyphens, bidi controls or Hangul fillers',
      { edits: { justification: `Needed for SFTP${'\u00AD\u202E\u2066\u3164'.repeat(10)}` } },
      tooShort(13),
    ],
    [
      'counts no no-break or ideographic spaces, and no dashes',
      { edits: { justification: `Needed for SFTP${'\u00A0-\u3000–'.repeat(10)}` } },
      tooShort(13),
    ],
    [
      'counts letters of every script, an accented letter as one',
      {
        policy: { justificationMinLength: 44 },
        edits: { justification: `Crème brûlée ${'Ошибка認証'.repeat(4)}` },
      },
      tooShort(43, 44),
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
      'leaves a field of padding to justificationMissing',
      { edits: { justification: '.... - - - \u200B\u200B n/a' } },
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
