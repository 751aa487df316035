/** The next thing the app will do on its own (DESIGN.md §5), when, and the planner's reason. */
import type { ExceptionSummary } from '@contracts/issue-panel';
import { ACTION_LABELS } from '../../format/labels';
import { formatUtcInstant } from '../../format/utc-dates';

export interface NextActionProps {
  readonly nextAction: ExceptionSummary['nextAction'];
  readonly locale: string | undefined;
  /** The viewer's clock, to say whether the action is already due. */
  readonly now: Date;
}

export function NextAction({ nextAction, locale, now }: NextActionProps) {
  if (nextAction === null)
    return <p>Nothing is scheduled: the app has no action planned for this exception.</p>;
  const label = ACTION_LABELS[nextAction.action];
  const when = formatUtcInstant(nextAction.dueAt, locale);
  const due = Date.parse(nextAction.dueAt) <= now.getTime();
  return (
    <div>
      <p>
        <strong>{label}</strong>
        {due ? `: due since ${when}; the app's next run does it.` : ` on ${when}.`}
      </p>
      <p>{nextAction.reason}</p>
    </div>
  );
}
