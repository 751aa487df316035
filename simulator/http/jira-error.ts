import type { MatchedOperation } from '../contract/contract-checker';

export interface JiraErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** An answer Jira gives with an ErrorCollection body; thrown by routes, sent by the pipeline. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: JiraErrorBody,
  ) {
    super(`${status}: ${[...body.errorMessages, ...Object.values(body.errors)].join('; ')}`);
    this.name = 'JiraHttpError';
  }
}

export const jiraError = (
  status: number,
  errorMessages: string[],
  errors: Record<string, string> = {},
): JiraHttpError => new JiraHttpError(status, { errorMessages, errors });

/**
 * A permission refusal with a status the document lists for the operation: 403 where documented, else 401
 * (several admin operations document only 401 "…or the caller doesn't have permissions"), else 400.
 */
export const permissionError = (operation: MatchedOperation, message: string): JiraHttpError => {
  const status = ['403', '401'].find((candidate) => operation.documentedStatuses.has(candidate)) ?? '400';
  return jiraError(Number(status), [message]);
};
