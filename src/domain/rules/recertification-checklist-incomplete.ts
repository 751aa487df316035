import { RECERTIFICATION_CHECKS } from '../vocabulary';
import { fail, PASS, type Rule } from './rule';
import { andList } from './wording';

const CODE = 'recertification-checklist-incomplete';

/** Every check must be answered yes to renew; a missing checklist has nothing ticked. */
export const recertificationChecklistIncomplete: Rule = {
  code: CODE,
  evaluate: ({ after }) => {
    const checklist = after.recertificationChecklist;
    const unchecked = RECERTIFICATION_CHECKS.filter((check) => checklist?.[check] !== true);
    return unchecked.length === 0
      ? PASS
      : fail(
          CODE,
          `Recertification Checklist is incomplete: ${andList(unchecked.map((check) => `"${check}"`))} ${unchecked.length === 1 ? 'is' : 'are'} not ticked. All ${RECERTIFICATION_CHECKS.length} must be true to recertify; otherwise retire the exception or let it lapse.`,
        );
  },
};
