/** The last lifecycle sweeps (getSweepStatus), newest first: when, what was done, what failed. */
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import type { SweepSummary } from '@contracts/admin-sweeps';
import { getSweepStatus } from '../../api/get-sweep-status';
import { useAnswer } from '../../hooks/use-answer';
import { AnswerView } from '../AnswerView';

export const doneText = (sweep: SweepSummary): string => {
  if (sweep.outcome === 'not-set-up') return 'Nothing: no project is set up yet.';
  if (sweep.outcome === 'failed') return `The sweep stopped: ${sweep.error ?? 'unknown error'}`;
  const actions = Object.entries(sweep.actions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([action, count]) => `${action} ×${count}`);
  return [
    `${sweep.issuesSwept} ${sweep.issuesSwept === 1 ? 'issue' : 'issues'} swept`,
    actions.length === 0 ? 'no action due' : actions.join(', '),
    ...(sweep.fannedOut > 0 ? [`${sweep.fannedOut} queued for the workers`] : []),
    ...(sweep.continued ? ['continued on the queue'] : []),
  ].join('; ');
};

const failedText = (sweep: SweepSummary): string => {
  if (sweep.failedCount === 0) return 'None';
  const listed = sweep.failed.map((failure) => `${failure.issueKey}: ${failure.error}`);
  const more = sweep.failedCount - sweep.failed.length;
  return [...listed, ...(more > 0 ? [`and ${more} more`] : [])].join('; ');
};

export function SweepsTab() {
  const [loaded, reload] = useAnswer(getSweepStatus);
  return (
    <div>
      <Heading as="h2" size="medium">
        Lifecycle sweeps
      </Heading>
      <AnswerView loaded={loaded} loadingLabel="Loading the last sweeps" onRetry={reload}>
        {({ sweeps }) =>
          sweeps.length === 0 ? (
            <p>No sweep has run yet. The sweep runs every hour.</p>
          ) : (
            <DynamicTable
              caption="The last sweeps, newest first"
              head={{
                cells: [
                  { key: 'when', content: 'Started' },
                  { key: 'done', content: 'What was done' },
                  { key: 'failed', content: 'What failed' },
                ],
              }}
              rows={sweeps.map((sweep, index) => ({
                key: `${sweep.startedAt}-${index}`,
                cells: [
                  { key: 'when', content: sweep.startedAt },
                  { key: 'done', content: doneText(sweep) },
                  { key: 'failed', content: failedText(sweep) },
                ],
              }))}
            />
          )
        }
      </AnswerView>
    </div>
  );
}
