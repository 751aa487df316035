/**
 * A JiraFetcher over plain HTTP with an Atlassian API token (Basic auth, email:token), so the use cases run from
 * the command line against a real site or against the simulator.
 * https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/
 */
import type { Route } from '@forge/api';
import type { JiraFetcher, JiraRequestInit, JiraResponse } from './jira-fetcher';

export interface HttpFetcherOptions {
  readonly siteUrl: string;
  readonly email: string;
  readonly apiToken: string;
  /** Extra headers on every request (the simulator's impersonation header, for instance). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export const httpFetcher = (options: HttpFetcherOptions): JiraFetcher => {
  const base = options.siteUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;
  return {
    async requestJira(path: Route, init: JiraRequestInit = {}): Promise<JiraResponse> {
      return fetch(`${base}${path.value}`, {
        method: init.method ?? 'GET',
        ...(init.body === undefined ? {} : { body: init.body }),
        headers: {
          Accept: 'application/json',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          Authorization: authorization,
          ...options.headers,
          ...init.headers,
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
    },
  };
};
