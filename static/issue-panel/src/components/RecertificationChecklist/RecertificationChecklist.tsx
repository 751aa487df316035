/**
 * The recertification checklist (DESIGN.md §2), read-only: the risk owner or approver answers it on the issue
 * itself, so the panel only shows which checks are done.
 */
import { Checkbox } from '@atlaskit/checkbox';
import type { ExceptionSummary } from '@contracts/issue-panel';

export interface RecertificationChecklistProps {
  readonly checklist: NonNullable<ExceptionSummary['checklist']>;
}

export function RecertificationChecklist({ checklist }: RecertificationChecklistProps) {
  const done = checklist.filter((item) => item.done).length;
  return (
    <div>
      <p>
        {done} of {checklist.length} checks done. All are needed to recertify; answer them in the issue&apos;s
        Recertification Checklist field.
      </p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {checklist.map((item) => (
          <li key={item.check}>
            <Checkbox
              isChecked={item.done}
              isDisabled
              label={item.check}
              name={item.check}
              value={item.check}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
