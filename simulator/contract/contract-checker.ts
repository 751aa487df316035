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

interface IndexedOperation {
  readonly operation: Operation;
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
  /** Length of the literal part: /issue/bulkfetch beats /issue/{issueIdOrKey}. */
  readonly specificity: number;
}

interface OperationIndex {
  readonly operations: readonly IndexedOperation[];
  readonly byId: ReadonlyMap<string, Operation>;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * openapi-backend's router rebuilds its list of ~600 operations several times per request (milliseconds
 * each); the simulator indexes them once and hands the matched Operation to the validators.
 */
const indexOperations = (operations: readonly Operation[]): OperationIndex => ({
  operations: operations.map((operation) => {
    const parameterNames: string[] = [];
    const source = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const parameter = /^\{([^}]+)\}$/.exec(part);
        if (parameter === null) return escapeRegExp(part);
        parameterNames.push(parameter[1] ?? '');
        return '([^/]+)';
      })
      .join('');
    return {
      operation,
      pattern: new RegExp(`^${source}$`),
      parameterNames,
      specificity: operation.path.replace(/\{[^}]*\}/g, '').length,
    };
  }),
  byId: new Map(
    operations.flatMap((operation) =>
      operation.operationId === undefined ? [] : [[operation.operationId, operation]],
    ),
  ),
});

const matchOperation = (
  index: OperationIndex,
  method: string,
  rawPath: string,
): { operation: Operation; params: Record<string, string> } | undefined => {
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  const wanted = method.toLowerCase();
  const candidates = index.operations
    .filter((entry) => entry.operation.method === wanted && entry.pattern.test(path))
    .sort((a, b) => b.specificity - a.specificity);
  const best = candidates[0];
  if (best === undefined) return undefined;
  const values = best.pattern.exec(path)?.slice(1) ?? [];
  const decode = (value: string): string => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  const params = Object.fromEntries(
    best.parameterNames.map((name, position) => [name, decode(values[position] ?? '')]),
  );
  return { operation: best.operation, params };
};

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

  const index = indexOperations(api.getOperations());
  const operationOf = (matched: MatchedOperation): Operation => {
    const operation = index.byId.get(matched.operationId);
    if (operation === undefined) throw new Error(`unknown operation ${matched.operationId}`);
    return operation;
  };

  return {
    match(method, path) {
      const found = matchOperation(index, method, path);
      if (found?.operation.operationId === undefined) return undefined;
      return {
        operationId: found.operation.operationId,
        method: found.operation.method.toUpperCase(),
        pathTemplate: found.operation.path,
        pathParams: found.params,
        documentedStatuses: new Set(Object.keys(found.operation.responses ?? {})),
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
