import type { ErrorObject } from 'ajv';

/** One disagreement between the traffic and the official OpenAPI document. */
export interface ContractViolation {
  readonly direction: 'request' | 'response';
  readonly method: string;
  /** The concrete path that was requested, e.g. /rest/api/3/issue/SEC-1. */
  readonly path: string;
  /** The operationId of the document, or null when the document has no such path/method. */
  readonly operationId: string | null;
  /** The HTTP status sent (responses only). */
  readonly status?: number;
  /** ajv's errors as sentences, e.g. "requestBody/maxResults must be integer". */
  readonly errors: readonly string[];
}

const describeParams = (error: ErrorObject): string => {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return ` ('${params.additionalProperty}')`;
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return ` (${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')})`;
  }
  return '';
};

/** ajv errors → "where what", the where relative to the validated object. */
export const readableAjvErrors = (errors: readonly ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(root)' : error.instancePath.replace(/^\//, '');
    return `${where} ${error.message ?? error.keyword}${describeParams(error)}`;
  });

export const formatViolation = (violation: ContractViolation): string =>
  `${violation.direction} ${violation.method} ${violation.path} (${violation.operationId ?? 'no such operation'}` +
  `${violation.status === undefined ? '' : `, status ${violation.status}`}): ${violation.errors.join('; ')}`;
