import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import { openApiDocumentPath, readOpenApiDocument } from './openapi-document';
import { readableAjvErrors } from './contract-violation';

/** An operation of the document that a request matched. */
export interface MatchedOperation {
  readonly operationId: string;
  readonly method: string;
  /** The document's path template, e.g. /rest/api/3/issue/{issueIdOrKey}. */
  readonly pathTemplate: string;
  readonly pathParams: Readonly<Record<string, string>>;
  /** Status codes the document lists for the operation ("200", "4XX", "default", …). */
  readonly documentedStatuses: ReadonlySet<string>;
}

export interface RequestToCheck {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON, the raw text when it is not JSON, or undefined when there is no body. */
  readonly body: unknown;
}

/** The official Jira document as a router and a validator. */
export interface ContractChecker {
  match(method: string, path: string): MatchedOperation | undefined;
  checkRequest(operation: MatchedOperation, request: RequestToCheck): string[];
  checkResponse(operation: MatchedOperation, status: number, body: unknown): string[];
}

// Formats the document uses that ajv does not know without ajv-formats; int32/int64/… come from openapi-backend.
const DOCUMENT_FORMATS = ['date', 'date-time', 'uri', 'uuid', 'email'] as const;

const isDocumented = (statuses: ReadonlySet<string>, status: number): boolean =>
  statuses.has(String(status)) || statuses.has(`${Math.floor(status / 100)}XX`) || statuses.has('default');

const createChecker = async (documentPath: string): Promise<ContractChecker> => {
  const definition = readOpenApiDocument(documentPath) as Document;
  // quick: no definition validation (Atlassian's document has minor schema defects) and lazy, per-operation
  // compilation of validators (compiling all 417 paths takes ~20 s).
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    strict: false,
    ajvOpts: { strict: false, allErrors: true },
    customizeAjv: (ajv) => {
      addFormats(ajv, [...DOCUMENT_FORMATS]);
      return ajv;
    },
  });
  await api.init();

  const operationOf = (matched: MatchedOperation): Operation => {
    const operation = api.getOperation(matched.operationId);
    if (operation === undefined) throw new Error(`unknown operation ${matched.operationId}`);
    return operation;
  };

  return {
    match(method, path) {
      const operation = api.matchOperation({ method, path, headers: {} });
      if (operation?.operationId === undefined) return undefined;
      const parsed = api.router.parseRequest({ method, path, headers: {} }, operation);
      return {
        operationId: operation.operationId,
        method: operation.method.toUpperCase(),
        pathTemplate: operation.path,
        pathParams: parsed.params as Record<string, string>,
        documentedStatuses: new Set(Object.keys(operation.responses ?? {})),
      };
    },
    checkRequest(matched, request) {
      const result = api.validateRequest(
        {
          method: request.method,
          path: request.path,
          query: { ...request.query },
          headers: { ...request.headers } as Record<string, string | string[]>,
          body: request.body as object,
        },
        operationOf(matched),
      );
      return result.valid ? [] : readableAjvErrors(result.errors);
    },
    checkResponse(matched, status, body) {
      if (!isDocumented(matched.documentedStatuses, status)) {
        return [
          `status ${status} is not documented for ${matched.operationId} ` +
            `(documented: ${[...matched.documentedStatuses].join(', ')})`,
        ];
      }
      // An empty body is checked only for its status: the document gives 204/200 "{}" schemas to empty replies.
      if (body === undefined) return [];
      const result = api.validateResponse(body, operationOf(matched), status);
      return result.valid ? [] : readableAjvErrors(result.errors);
    },
  };
};

const checkers = new Map<string, Promise<ContractChecker>>();

/** One checker per document per process: parsing is ~0.2 s and compiled validators are reused across simulators. */
export const loadContractChecker = (
  documentPath: string = openApiDocumentPath(),
): Promise<ContractChecker> => {
  let checker = checkers.get(documentPath);
  if (checker === undefined) {
    checker = createChecker(documentPath);
    checkers.set(documentPath, checker);
    // A failed load (e.g. a missing document) is not cached, so a corrected JIRA_OPENAPI can be retried.
    void checker.catch(() => checkers.delete(documentPath));
  }
  return checker;
};
