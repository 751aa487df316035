/**
 * webtrigger `scanner-ignore-file`: CI fetches a project's scanner ignore file (application/ignore-files/
 * serve-ignore-file.ts). The request and response are Forge's web trigger event shapes
 * (events-reference/web-trigger): headers and query parameters as arrays of strings, header names in whatever case
 * the caller sent; the response's `statusCode` is required, and headers are arrays too. Anything unexpected in the
 * request is read as absent, so it is refused (400/401), never a fault that could say more.
 */
import { z } from 'zod';
import { forgeDependencies, type ForgeDependencies } from '../adapters/forge/forge-dependencies';
import { serveIgnoreFile } from '../application/ignore-files/serve-ignore-file';

const Values = z.array(z.string()).catch([]);

const WebTriggerRequestSchema = z.looseObject({
  method: z.string().catch(''),
  headers: z.record(z.string(), Values).catch({}),
  queryParameters: z.record(z.string(), Values).catch({}),
});

export interface WebTriggerResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string[]>;
  readonly body: string;
}

const BEARER = /^Bearer ([\x21-\x7E]+)$/;

/** The one bearer token of the Authorization header(s); undefined when there is none, or more than one. */
const bearerToken = (headers: Record<string, string[]>): string | undefined => {
  const values = Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === 'authorization')
    .flatMap(([, list]) => list);
  const [only, ...more] = values;
  if (only === undefined || more.length > 0) return undefined;
  return BEARER.exec(only.trim())?.[1];
};

const response = (
  statusCode: number,
  contentType: string,
  body: string,
  extra: Record<string, string[]> = {},
) => ({
  statusCode,
  headers: {
    'Content-Type': [contentType],
    // The file changes as exceptions expire: no cache may serve yesterday's suppressions.
    'Cache-Control': ['no-store'],
    'X-Content-Type-Options': ['nosniff'],
    ...extra,
  },
  body,
});

export const handleIgnoreFileTrigger = async (
  event: unknown,
  dependencies: () => Pick<ForgeDependencies, 'jiraAsApp' | 'store' | 'clock'> = forgeDependencies,
): Promise<WebTriggerResponse> => {
  const request = WebTriggerRequestSchema.catch({ method: '', headers: {}, queryParameters: {} }).parse(
    event,
  );
  if (request.method.toUpperCase() !== 'GET')
    return response(405, 'text/plain; charset=utf-8', '405 Method Not Allowed: use GET.\n', {
      Allow: ['GET'],
    });
  const answer = await serveIgnoreFile(
    {
      project: request.queryParameters['project'] ?? [],
      format: request.queryParameters['format'] ?? [],
      token: bearerToken(request.headers),
    },
    dependencies(),
  );
  return response(
    answer.statusCode,
    answer.contentType,
    answer.body,
    answer.fileName === undefined
      ? answer.statusCode === 401
        ? { 'WWW-Authenticate': ['Bearer realm="security-exceptions"'] }
        : {}
      : { 'Content-Disposition': [`attachment; filename="${answer.fileName}"`] },
  );
};

/** The handler manifest.yml names. */
export const ignoreFileTrigger = (event: unknown): Promise<WebTriggerResponse> =>
  handleIgnoreFileTrigger(event);
