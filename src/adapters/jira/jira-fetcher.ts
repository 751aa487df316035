/**
 * The one call every Jira adapter makes: `requestJira(route, init)`. `api.asApp()` / `api.asUser()` from
 * `@forge/api` have exactly this shape, and so does the plain-HTTP fetcher, so one REST client serves Forge and
 * the command line. Calls are written `fetcher.requestJira(route\`/rest/api/3/...\`, { method: 'POST' })` with a
 * literal path and method so Forge's linter can check each call's scope.
 */
import type { Route } from '@forge/api';

export interface JiraRequestInit {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The part of a fetch Response the adapters read. */
export interface JiraResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface JiraFetcher {
  requestJira(path: Route, init?: JiraRequestInit): Promise<JiraResponse>;
}
