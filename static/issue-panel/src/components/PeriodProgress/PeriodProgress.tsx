/** The current approval period: its dates, a bar through it, and the days left in words. */
import ProgressBar from '@atlaskit/progress-bar';
import type { ExceptionSummary } from '@contracts/issue-panel';
import { daysLeftWording, elapsedShare } from '../../format/days-left';
import { formatUtcDate } from '../../format/utc-dates';

export interface PeriodProgressProps {
  readonly period: NonNullable<ExceptionSummary['period']>;
  readonly locale: string | undefined;
}

export function PeriodProgress({ period, locale }: PeriodProgressProps) {
  const share = elapsedShare(period.daysLeft, period.lengthDays);
  const wording = daysLeftWording(period.daysLeft);
  return (
    <div>
      <p>
        {formatUtcDate(period.start, locale)} to {formatUtcDate(period.end, locale)} ({period.lengthDays}{' '}
        {period.lengthDays === 1 ? 'day' : 'days'})
      </p>
      <ProgressBar
        value={share}
        appearance={period.daysLeft < 1 ? 'default' : 'success'}
        ariaLabel={`Period elapsed: ${Math.round(share * 100)} %. ${wording}.`}
      />
      <p>{wording}</p>
    </div>
  );
}
