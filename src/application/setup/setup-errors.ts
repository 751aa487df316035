/**
 * Why setup refused or stopped, each a RefusalError (src/application/refusal-error.ts) carrying the sentence the
 * admin page shows. Blocked and busy are refusals running setup again will not change (the admin must act or wait
 * first); SetupIncompleteError is a step Jira kept failing, which the next run resumes.
 */
import { RefusalError } from '../refusal-error';
import type { SetupReport } from './setup-report';

/** Conflicts found before anything was written; `problems` are sentences for the admin. */
export class SetupBlockedError extends RefusalError {
  declare readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('blocked', 'Setup cannot start, and nothing was changed: resolve these first.', { problems });
    this.name = 'SetupBlockedError';
  }
}

/**
 * Jira's workflow validation (POST /workflows/create/validation) refused the workflow setup would create, so it
 * created no workflow; `problems` has one sentence per error Jira gave, `report` what the run did before.
 */
export class WorkflowRefusedError extends RefusalError {
  declare readonly problems: readonly string[];
  declare readonly report: SetupReport;

  constructor(problems: readonly string[], report: SetupReport) {
    super(
      'blocked',
      // The problems travel in their own list; the message only counts them, so it stays within MESSAGE_CAP.
      `Jira refused the workflow setup would create, so no workflow was created (${problems.length === 1 ? 'one problem' : `${String(problems.length)} problems`}, listed). What setup created before it is kept; run setup again once this is resolved.`,
      { problems, report },
    );
    this.name = 'WorkflowRefusedError';
  }
}

export class SetupBusyError extends RefusalError {
  constructor() {
    super('busy', 'Setup is already running on this site; wait a minute and run it again.');
    this.name = 'SetupBusyError';
  }
}

export class SetupIncompleteError extends RefusalError {
  declare readonly report: SetupReport;

  constructor(
    /** The step that failed, e.g. `workflow "Security Exception Workflow"`. */
    readonly step: string,
    report: SetupReport,
    cause: unknown,
  ) {
    super(
      'incomplete',
      `Setup stopped at ${step}: ${cause instanceof Error ? cause.message : String(cause)}. Run setup again to finish; nothing it did is repeated.`,
      { report, cause },
    );
    this.name = 'SetupIncompleteError';
  }
}
