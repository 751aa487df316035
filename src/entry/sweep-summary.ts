/** One log line for a sweep's outcome: counts and issue keys, never field values. */
import type { SweepOutcome } from '../application/lifecycle/run-sweep';

export const summarizeSweep = (outcome: SweepOutcome): string => {
  if (outcome.outcome !== 'swept') return outcome.outcome;
  const actions = outcome.swept.reduce((sum, issue) => sum + issue.done.length, 0);
  const failed = outcome.failed.map((failure) => `${failure.issueKey} (${failure.error})`).join('; ');
  return [
    `${outcome.swept.length} issues swept, ${actions} actions done`,
    ...(outcome.fannedOut > 0 ? [`${outcome.fannedOut} issues queued`] : []),
    ...(outcome.continued ? ['continued on the queue'] : []),
    ...(failed === '' ? [] : [`failed: ${failed}`]),
  ].join(', ');
};
