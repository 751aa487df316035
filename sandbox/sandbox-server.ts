/**
 * The sandbox's HTTP server on 127.0.0.1: the Jira-like shell at `/` (sandbox/shell, built), the Custom UI apps at
 * `/apps/<app>/` with the bridge script injected, and the endpoints the bridge and the shell call (README
 * "The sandbox"). Everything a person does goes through the real resolvers and the simulator as the acting user.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { AppPlaceSchema, resolverContext, viewContext, type AppPlace } from './app-contexts';
import { ClockMoveSchema, moveClockAndSweep } from './clock-control';
import { HttpProblem, readJson, sendJson, sendProblem } from './http/json-io';
import { serveBuilt } from './http/static-files';
import { SANDBOX_ADMIN, type SandboxSite } from './start-sandbox';

const REPO_DIR = path.resolve(__dirname, '..');
export const STATIC_DIR = path.join(REPO_DIR, 'static');
export const SHELL_BUILD_DIR = path.join(REPO_DIR, 'sandbox', 'shell', 'build');
const BRIDGE_FILE = path.join(REPO_DIR, 'sandbox', 'public', 'bridge.js');

/** The bridge script goes first in <head>, before the app's module script can import @forge/bridge. */
export const BRIDGE_TAG = '<script src="/__sandbox/bridge.js"></script>';
export const injectBridge = (html: string): string =>
  html.includes('<head>') ? html.replace('<head>', `<head>${BRIDGE_TAG}`) : `${BRIDGE_TAG}${html}`;

const FUNCTION_KEY = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a resolver name');
const ACCOUNT_ID = z.string().regex(/^[\w:-]{1,128}$/, 'must be an account id');

const InvokeSchema = AppPlaceSchema.extend({
  functionKey: FUNCTION_KEY,
  payload: z.unknown().optional(),
  accountId: ACCOUNT_ID.optional(),
});
const RequestJiraSchema = z.object({
  restPath: z
    .string()
    .regex(/^\/rest\/[^\s#]*$/, 'must be a Jira REST path (/rest/…)')
    .max(4000),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']).optional(),
  body: z.string().max(1_000_000).nullable().optional(),
  accountId: ACCOUNT_ID.optional(),
});
const SubmitSchema = AppPlaceSchema.extend({ payload: z.record(z.string(), z.unknown()).optional() });
const UserSchema = z.strictObject({ accountId: ACCOUNT_ID });

const problemOf = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');

const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpProblem(400, problemOf(result.error));
  return result.data;
};

export interface SandboxServer {
  readonly url: string;
  readonly server: Server;
  /** The person the shell acts as. */
  currentUser: string;
  close(): Promise<void>;
}

export const startSandboxServer = async (sandbox: SandboxSite, port: number): Promise<SandboxServer> => {
  const { sim, runtime, handlers } = sandbox;
  const gadgetConfigurations = new Map<string, Record<string, unknown>>();
  const state: { currentUser: string } = { currentUser: SANDBOX_ADMIN.accountId };

  const actingUser = (accountId: string | undefined): string => {
    const chosen = accountId ?? state.currentUser;
    if (sim.state.user(chosen) === undefined)
      throw new HttpProblem(400, 'accountId: no such user in the sandbox');
    return chosen;
  };
  const configurationOf = (place: AppPlace) =>
    gadgetConfigurations.get(place.gadgetId ?? 'sandbox-gadget') ?? {};
  const resolvers = {
    gadget: handlers.gadgetResolver,
    admin: handlers.adminResolver,
    'issue-panel': handlers.issuePanelResolver,
  } as const;

  const users = () =>
    [...sim.state.users.values()]
      .filter((user) => user.accountId !== sim.appUser.accountId && user.accountType !== 'app')
      .map((user) => ({
        accountId: user.accountId,
        displayName: user.displayName,
        active: user.active,
        siteAdmin: user.siteAdmin,
        groups: [...sim.state.groups.values()]
          .filter((group) => group.members.has(user.accountId))
          .map((g) => g.name),
      }));

  const routes = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    switch (route) {
      case 'GET /__sandbox/bridge.js': {
        response.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'no-store',
        });
        response.end(await readFile(BRIDGE_FILE));
        return;
      }
      case 'GET /__sandbox/site': {
        const { config } = sandbox.site;
        sendJson(response, 200, {
          now: sandbox.clock.nowIso(),
          currentUser: state.currentUser,
          users: users(),
          projects: [...sim.state.projects.values()].map((project) => ({
            key: project.key,
            name: project.name,
          })),
          issueTypeId: config.issueTypeId,
          fields: config.fields,
          jiraUrl: sim.baseUrl,
        });
        return;
      }
      case 'GET /__sandbox/user':
        sendJson(response, 200, { currentUser: state.currentUser, users: users() });
        return;
      case 'POST /__sandbox/user': {
        const { accountId } = parse(UserSchema, await readJson(request));
        state.currentUser = actingUser(accountId);
        sendJson(response, 200, { currentUser: state.currentUser });
        return;
      }
      case 'GET /__sandbox/context': {
        const place = parse(AppPlaceSchema, Object.fromEntries(url.searchParams));
        sendJson(response, 200, viewContext(sim, place, actingUser(undefined), configurationOf(place)));
        return;
      }
      case 'POST /__sandbox/invoke': {
        const { functionKey, payload, accountId, ...place } = parse(InvokeSchema, await readJson(request));
        const user = actingUser(accountId);
        const context = resolverContext(sim, place, configurationOf(place));
        const answer = await sim.invokeResolver(`${place.app}:${functionKey}`, () =>
          runtime.runAs(user, () =>
            resolvers[place.app](
              { call: { functionKey, payload }, context },
              { principal: { accountId: user } },
            ),
          ),
        );
        sendJson(response, 200, answer ?? null);
        return;
      }
      case 'POST /__sandbox/request-jira': {
        const {
          restPath,
          method = 'GET',
          body,
          accountId,
        } = parse(RequestJiraSchema, await readJson(request));
        const user = actingUser(accountId);
        const answer = await fetch(`${sim.baseUrl}${restPath}`, {
          method,
          headers: {
            ...sim.appHeaders(user),
            accept: 'application/json',
            'X-Atlassian-Token': 'no-check',
            ...(body === undefined || body === null ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined || body === null || method === 'GET' ? {} : { body }),
        });
        sendJson(response, 200, {
          status: answer.status,
          statusText: answer.statusText,
          headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' },
          body: await answer.text(),
        });
        return;
      }
      case 'POST /__sandbox/submit': {
        const { payload = {}, ...place } = parse(SubmitSchema, await readJson(request));
        // view.submit: only the gadget's edit view is submittable; the bridge maps `false` to Forge's refusal.
        if (place.app !== 'gadget') {
          sendJson(response, 200, false);
          return;
        }
        gadgetConfigurations.set(place.gadgetId ?? 'sandbox-gadget', payload);
        sendJson(response, 200, true);
        return;
      }
      case 'GET /__sandbox/clock':
        sendJson(response, 200, { now: sandbox.clock.nowIso(), queued: sandbox.queue.waiting });
        return;
      case 'POST /__sandbox/clock': {
        const move = parse(ClockMoveSchema, await readJson(request));
        try {
          sendJson(response, 200, await moveClockAndSweep(sandbox, move));
        } catch (error) {
          if (error instanceof RangeError) throw new HttpProblem(400, error.message);
          throw error;
        }
        return;
      }
      default:
        break;
    }
    if (request.method !== 'GET') throw new HttpProblem(404, 'No such sandbox endpoint.');
    const app = /^\/apps\/(gadget|admin|issue-panel)\/(.*)$/.exec(url.pathname);
    if (app !== null) {
      await serveBuilt(response, path.join(STATIC_DIR, app[1] ?? '', 'build'), app[2] ?? '', injectBridge);
      return;
    }
    if (/^\/apps\/[^/]+$/.test(url.pathname)) {
      response.writeHead(308, { location: `${url.pathname}/${url.search}` });
      response.end();
      return;
    }
    if (url.pathname === '/') return serveBuilt(response, SHELL_BUILD_DIR, '');
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    if (url.pathname.startsWith('/shell/'))
      return serveBuilt(response, SHELL_BUILD_DIR, url.pathname.slice('/shell/'.length));
    throw new HttpProblem(404, 'Nothing here: the sandbox is at /.');
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    routes(request, response, url).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpProblem) sendProblem(response, error.status, error.message);
      else {
        console.warn(`sandbox: ${request.method ?? ''} ${url.pathname} failed`, error);
        sendProblem(
          response,
          500,
          error instanceof Error ? error.message.slice(0, 500) : 'The sandbox failed.',
        );
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(actualPort)}`,
    server,
    get currentUser() {
      return state.currentUser;
    },
    set currentUser(accountId: string) {
      state.currentUser = accountId;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
