/**
 * One setup step, tried again when Jira fails it. Every step looks before it creates, so another attempt finds
 * what an earlier one created even when Jira's answer was lost (a 5xx or a dropped connection after the write);
 * nothing is created twice. Refusals (RefusalError) are not retried; a step that keeps failing stops the run with
 * a SetupIncompleteError, and the next run resumes from what Jira then holds.
 */
import { RefusalError } from '../refusal-error';
import { SetupIncompleteError } from './setup-errors';
import type { SetupReportBuilder } from './setup-report';

/** With Jira's transient failures at a few per cent, four attempts make a step's failure negligible. */
export const STEP_ATTEMPTS = 4;

export const runStep = async <T>(
  report: SetupReportBuilder,
  step: string,
  /** `attempt` counts from 1; a step may trust what it read just before only on its first attempt. */
  work: (attempt: number) => Promise<T>,
): Promise<T> => {
  let failure: unknown;
  for (let attempt = 1; attempt <= STEP_ATTEMPTS; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      if (error instanceof RefusalError) throw error;
      failure = error;
    }
  }
  throw new SetupIncompleteError(step, report.build(), failure);
};
