/**
 * Requests to the simulator itself rather than to Jira: paths under `/__simulator/` (the standalone server's clock,
 * simulator/README.md "Standalone server"). Jira has no such paths, so they are answered before the request
 * pipeline: not checked against the OpenAPI document (nor recorded as violations), not counted, never faulted.
 * Only a site admin (Basic auth) or the app's token may use them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from '../http/authenticate';
import type { SimUser } from '../state/model';
import type { SimState } from '../state/sim-state';

export const CONTROL_PATH_PREFIX = '/__simulator/';

export interface ControlRequest {
  readonly method: string;
  /** The path after the prefix, e.g. `clock`. */
  readonly path: string;
  /** The JSON body, or undefined when there is none. */
  readonly body: unknown;
}

export interface ControlResponse {
  readonly status: number;
  readonly body?: unknown;
}

export type ControlHandler = (request: ControlRequest) => ControlResponse | Promise<ControlResponse>;

/** Bodies of control requests are tiny; anything larger is refused rather than buffered. */
const MAX_BODY_BYTES = 16 * 1024;

const readBody = (request: IncomingMessage): Promise<string | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });

const send = (response: ServerResponse, { status, body }: ControlResponse): void => {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body));
};

const problem = (status: number, message: string): ControlResponse => ({
  status,
  body: { errorMessages: [message] },
});

export const isControlRequest = (request: IncomingMessage): boolean =>
  (request.url ?? '').startsWith(CONTROL_PATH_PREFIX);

interface ControlContext {
  readonly handler: ControlHandler | undefined;
  readonly state: SimState;
  readonly app: { readonly token: string; readonly user: SimUser };
}

const controlResponse = async (
  request: IncomingMessage,
  text: string | undefined,
  context: ControlContext,
): Promise<ControlResponse> => {
  const principal = authenticate(request.headers, context.state, context.app);
  if (principal === undefined) return problem(401, 'Authenticate as a site admin.');
  if (!principal.isApp && !principal.user.siteAdmin)
    return problem(403, 'Only a site admin may control the simulator.');
  if (context.handler === undefined) return problem(404, 'This simulator has no control endpoints.');
  if (text === undefined) return problem(413, 'The request body is too large.');
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return problem(400, 'The request body is not JSON.');
  }
  const url = new URL(request.url ?? '/', 'http://simulator.invalid');
  return context.handler({
    method: (request.method ?? 'GET').toUpperCase(),
    path: url.pathname.slice(CONTROL_PATH_PREFIX.length),
    body,
  });
};

export const answerControlRequest = async (
  request: IncomingMessage,
  response: ServerResponse,
  context: ControlContext,
): Promise<void> => {
  const text = await readBody(request);
  send(response, await controlResponse(request, text, context));
};
