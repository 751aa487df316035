/**
 * Typed failures of Jira calls. They carry the endpoint as a template (`GET /rest/api/3/issue/{key}`) and the
 * status, never the concrete path or body: those hold issue keys and tenant text that must not reach logs.
 */
export class JiraHttpError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number,
    /** Jira's own `errorMessages` / `errors`, for showing to the person who caused them (not for logs). */
    readonly jiraMessages: readonly string[] = [],
  ) {
    super(`Jira answered ${status} to ${endpoint}`);
    this.name = 'JiraHttpError';
  }
}

/** A response that does not match the schema we rely on: Jira changed, or we misread the document. */
export class JiraResponseShapeError extends Error {
  constructor(
    readonly endpoint: string,
    readonly problems: readonly string[],
  ) {
    super(`Unexpected response shape from ${endpoint}: ${problems.join('; ')}`);
    this.name = 'JiraResponseShapeError';
  }
}

/** Retries ran out (429 / 5xx / network) within the budget. */
export class JiraUnavailableError extends Error {
  constructor(
    readonly endpoint: string,
    readonly attempts: number,
    readonly lastStatus: number | null,
  ) {
    super(
      `Jira unavailable for ${endpoint} after ${attempts} attempts (last status ${lastStatus ?? 'network error'})`,
    );
    this.name = 'JiraUnavailableError';
  }
}
