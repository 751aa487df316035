import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallCounter } from '../calls/call-counter';
import type { ContractChecker, MatchedOperation } from '../contract/contract-checker';
import type { ContractViolation } from '../contract/contract-violation';
import type { FaultInjector } from '../faults/fault-injector';
import { FieldErrors } from '../issues/issue-writer';
import { SimulatorLimitationError } from '../workflow/expression-condition';
import { authenticate } from './authenticate';
import { JiraHttpError } from './jira-error';
import { QueryReader } from './query-reader';
import type { RouteResult, RouteTable, SimulatorCore } from './route-types';

export type ContractMode = 'enforce' | 'record';

export interface PipelineDependencies {
  readonly checker: ContractChecker;
  readonly core: SimulatorCore;
  readonly routes: RouteTable;
  readonly calls: CallCounter;
  readonly faults: FaultInjector;
  readonly contractMode: ContractMode;
  readonly violations: ContractViolation[];
  readonly serverErrors: string[];
  readonly appToken: string;
  /** The test-only hook: a one-shot change to the next response body, before it is checked. */
  takeTamper(): ((body: unknown) => unknown) | undefined;
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });

const parseQuery = (search: URLSearchParams): Record<string, string | string[]> => {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const existing = query[name];
    query[name] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
};

const parseJson = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The contract check reports malformed JSON for operations that take JSON.
    return text;
  }
};

const send = (response: ServerResponse, result: RouteResult): void => {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined) {
    response.writeHead(result.status, headers);
    response.end();
    return;
  }
  headers['content-type'] = 'application/json;charset=UTF-8';
  response.writeHead(result.status, headers);
  response.end(JSON.stringify(result.body));
};

const errorBody = (message: string): { errorMessages: string[]; errors: Record<string, string> } => ({
  errorMessages: [message],
  errors: {},
});

/** Unref'd: a delayed request must not keep a test process alive after sim.close(). */
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Route outcome → response: Jira errors keep their status; limitations are 501; bugs are 500 and recorded. */
const runRoute = async (
  deps: PipelineDependencies,
  run: () => RouteResult | Promise<RouteResult>,
): Promise<RouteResult> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof JiraHttpError) return { status: error.status, body: error.body };
    if (error instanceof FieldErrors)
      return { status: 400, body: { errorMessages: [], errors: error.errors } };
    if (error instanceof SimulatorLimitationError)
      return { status: 501, body: errorBody(`simulator limitation: ${error.message}`) };
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    deps.serverErrors.push(message);
    return {
      status: 500,
      body: errorBody(`simulator internal error: ${error instanceof Error ? error.message : String(error)}`),
    };
  }
};

/**
 * One request: count it → check it against the document → inject faults (before it has any effect) →
 * authenticate → run the route → check the response against the document → send. Fault and authentication
 * answers come from "in front of" Jira's operations and are not checked against them.
 */
export const createRequestHandler =
  (deps: PipelineDependencies) =>
  async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    deps.calls.started();
    // 'close' fires once the answer is sent or the connection is destroyed (a dropped or hung request).
    response.once('close', () => {
      deps.calls.ended();
    });
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    const text = await readBody(request);
    const operation: MatchedOperation | undefined = deps.checker.match(method, url.pathname);
    const callKey = `${method} ${operation?.pathTemplate ?? url.pathname}`;
    deps.calls.record(callKey);
    const record = (violation: ContractViolation): void => {
      deps.violations.push(violation);
    };

    if (operation === undefined) {
      const message = `${method} ${url.pathname} is not an operation of the Jira Cloud platform REST API document`;
      record({ direction: 'request', method, path: url.pathname, operationId: null, errors: [message] });
      send(response, { status: 404, body: errorBody(`simulator contract violation: ${message}`) });
      return;
    }

    const query = parseQuery(url.searchParams);
    const body = parseJson(text);
    const requestErrors = deps.checker.checkRequest(operation, {
      method,
      path: url.pathname,
      query,
      headers: request.headers,
      body,
    });
    if (requestErrors.length > 0) {
      record({
        direction: 'request',
        method,
        path: url.pathname,
        operationId: operation.operationId,
        errors: requestErrors,
      });
      if (deps.contractMode === 'enforce') {
        send(response, {
          status: 400,
          body: errorBody(
            `simulator contract violation: the request does not match ${operation.operationId}: ${requestErrors.join('; ')}`,
          ),
        });
        return;
      }
    }

    const fault = deps.faults.decide(callKey, operation.operationId);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    switch (fault.outcome.kind) {
      case 'drop':
        request.socket.destroy();
        return;
      case 'hang':
        return;
      case 'rateLimited': {
        const reset = new Date(Date.now() + fault.outcome.retryAfterSeconds * 1000).toISOString();
        send(response, {
          status: 429,
          headers: {
            'retry-after': String(fault.outcome.retryAfterSeconds),
            'ratelimit-reason': fault.outcome.reason,
            'x-ratelimit-reset': reset,
          },
          body: errorBody('Rate limit exceeded.'),
        });
        return;
      }
      case 'serverError':
        send(response, {
          status: fault.outcome.status,
          body: errorBody('Service unavailable (injected fault).'),
        });
        return;
      case 'none':
        break;
    }

    const principal = authenticate(request.headers, deps.core.state, {
      token: deps.appToken,
      user: deps.core.appUser,
    });
    // Like faults, a failed authentication is answered in front of the operation: some operations (e.g.
    // changelog/bulkfetch) do not document 401, yet Jira sends it.
    if (principal === undefined) {
      send(response, {
        status: 401,
        body: errorBody('You are not authenticated. Authentication required to perform this operation.'),
      });
      return;
    }
    const route = deps.routes[operation.operationId];
    if (route === undefined) {
      send(response, {
        status: 501,
        body: errorBody(`simulator limitation: ${operation.operationId} is not implemented`),
      });
      return;
    }
    let result = await runRoute(deps, () =>
      route({
        core: deps.core,
        principal,
        operation,
        params: operation.pathParams,
        query: new QueryReader(query),
        body,
      }),
    );

    const tamper = deps.takeTamper();
    if (tamper !== undefined) result = { ...result, body: tamper(result.body) };
    if (result.status === 500 || result.status === 501) {
      send(response, result);
      return;
    }
    const responseErrors = deps.checker.checkResponse(operation, result.status, result.body);
    if (responseErrors.length > 0) {
      record({
        direction: 'response',
        method,
        path: url.pathname,
        operationId: operation.operationId,
        status: result.status,
        errors: responseErrors,
      });
      if (deps.contractMode === 'enforce') {
        send(response, {
          status: 500,
          body: errorBody(
            `simulator contract violation: the ${result.status} response does not match ${operation.operationId}: ${responseErrors.join('; ')}`,
          ),
        });
        return;
      }
    }
    send(response, result);
  };
