import type { RuleResult } from '../../../src/domain/rules/rule';
import { recertificationChecklistIncomplete } from '../../../src/domain/rules/recertification-checklist-incomplete';
import { fails, PASSES, ruleInput, type Scenario } from './rule-input';

const incomplete = (unchecked: string): RuleResult =>
  fails(
    'recertification-checklist-incomplete',
    `Recertification Checklist is incomplete: ${unchecked} not ticked. All 3 must be true to recertify; otherwise retire the exception or let it lapse.`,
  );

describe('recertificationChecklistIncomplete', () => {
  it.each<[string, Scenario, RuleResult]>([
    ['passes all three ticked', {}, PASSES],
    [
      'fails one unticked, naming it',
      {
        edits: {
          recertificationChecklist: {
            'Controls still effective': true,
            'Justification still valid': false,
            'No better option available': true,
          },
        },
      },
      incomplete('"Justification still valid" is'),
    ],
    [
      'fails two unticked, naming both in checklist order',
      { edits: { recertificationChecklist: { 'No better option available': true } } },
      incomplete('"Controls still effective" and "Justification still valid" are'),
    ],
    [
      'fails a checklist never filled in',
      { edits: { recertificationChecklist: null } },
      incomplete(
        '"Controls still effective", "Justification still valid" and "No better option available" are',
      ),
    ],
    [
      'reads the checklist ticked on the transition screen',
      {
        record: { recertificationChecklist: null },
        edits: {
          recertificationChecklist: {
            'Controls still effective': true,
            'Justification still valid': true,
            'No better option available': true,
          },
        },
      },
      PASSES,
    ],
  ])('%s', (_name, scenario, expected) => {
    expect(recertificationChecklistIncomplete.evaluate(ruleInput(scenario))).toEqual(expected);
  });
});
