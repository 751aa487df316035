/**
 * Why setup stopped. A SetupError is a refusal that running setup again will not change (the admin must act
 * first); SetupIncompleteError is a step Jira kept failing, which the next run resumes.
 */
import type { SetupReport } from './setup-report';

export abstract class SetupError extends Error {
  abstract readonly code: 'not-admin' | 'blocked' | 'busy';
}

export class SetupNotPermittedError extends SetupError {
  readonly code = 'not-admin';
  constructor() {
    super('Only a Jira administrator can run setup.');
    this.name = 'SetupNotPermittedError';
  }
}

/** Conflicts found before anything was written; `problems` are sentences for the admin. */
export class SetupBlockedError extends SetupError {
  readonly code = 'blocked';
  constructor(readonly problems: readonly string[]) {
    super(`Setup cannot start: ${problems.join(' ')}`);
    this.name = 'SetupBlockedError';
  }
}

/**
 * Jira's workflow validation (POST /workflows/create/validation) refused the workflow setup would create, so it
 * created no workflow; `problems` has one sentence per error Jira gave, `report` what the run did before.
 */
export class WorkflowRefusedError extends SetupError {
  readonly code = 'blocked';
  constructor(
    readonly problems: readonly string[],
    readonly report: SetupReport,
  ) {
    super(
      // The problems travel in their own list; the message only counts them, so it stays within MESSAGE_CAP.
      `Jira refused the workflow setup would create, so no workflow was created (${problems.length === 1 ? 'one problem' : `${String(problems.length)} problems`}, listed). What setup created before it is kept; run setup again once this is resolved.`,
    );
    this.name = 'WorkflowRefusedError';
  }
}

export class SetupBusyError extends SetupError {
  readonly code = 'busy';
  constructor() {
    super('Setup is already running on this site; wait a minute and run it again.');
    this.name = 'SetupBusyError';
  }
}

export class SetupIncompleteError extends Error {
  readonly code = 'incomplete';
  constructor(
    /** The step that failed, e.g. `workflow "Security Exception Workflow"`. */
    readonly step: string,
    /** What the run did before it stopped. */
    readonly report: SetupReport,
    override readonly cause: unknown,
  ) {
    super(
      `Setup stopped at ${step}: ${cause instanceof Error ? cause.message : String(cause)}. Run setup again to finish; nothing it did is repeated.`,
    );
    this.name = 'SetupIncompleteError';
  }
}
