/**
 * The site named on the command line (`--site`, `--email`, `--token`, or JIRA_SITE / JIRA_EMAIL / JIRA_API_TOKEN):
 * the plain-HTTP adapter with an Atlassian API token. The token is never echoed, not even in a message about it.
 */
import { httpFetcher, type HttpFetcherOptions } from '../adapters/jira/http-fetcher';
import { JiraConfigurationClient } from '../adapters/jira/jira-configuration-client';
import type { JiraFetcher } from '../adapters/jira/jira-fetcher';
import { JiraRestClient } from '../adapters/jira/jira-rest-client';
import { defaultRetryPolicy, type RetryPolicy } from '../adapters/jira/send-with-retries';
import type { CliError } from './cli-error';

export type Env = Readonly<Record<string, string | undefined>>;

export interface SiteFlags {
  readonly site?: string | undefined;
  readonly email?: string | undefined;
  readonly token?: string | undefined;
}

export interface SiteClients {
  readonly siteUrl: string;
  readonly jira: JiraRestClient;
  readonly configuration: JiraConfigurationClient;
}

const given = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

const siteUrlOf = (value: string, usage: (message: string) => CliError): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage('--site (or JIRA_SITE) must be a URL such as https://your-site.atlassian.net');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw usage('--site (or JIRA_SITE) must be an http or https URL');
  if (url.username !== '' || url.password !== '')
    throw usage('--site (or JIRA_SITE) must not carry credentials: give --email and --token instead');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

/** Flags first, then the environment; each missing piece named (never a value). */
export const connectToSite = (
  flags: SiteFlags,
  env: Env,
  usage: (message: string) => CliError,
  options: { fetcher?: (options: HttpFetcherOptions) => JiraFetcher; retryPolicy?: RetryPolicy } = {},
): SiteClients => {
  const site = given(flags.site) ?? given(env.JIRA_SITE);
  const email = given(flags.email) ?? given(env.JIRA_EMAIL);
  const apiToken = given(flags.token) ?? given(env.JIRA_API_TOKEN);
  const missing = [
    ...(site === undefined ? ['the site (--site URL or JIRA_SITE)'] : []),
    ...(email === undefined ? ['the account email (--email or JIRA_EMAIL)'] : []),
    ...(apiToken === undefined ? ['an API token (--token or JIRA_API_TOKEN)'] : []),
  ];
  if (site === undefined || email === undefined || apiToken === undefined)
    throw usage(`reading a site needs ${missing.join(', ')}`);
  const siteUrl = siteUrlOf(site, usage);
  const fetcher = (options.fetcher ?? httpFetcher)({ siteUrl, email, apiToken });
  const retryPolicy = options.retryPolicy ?? defaultRetryPolicy();
  return {
    siteUrl,
    jira: new JiraRestClient(fetcher, retryPolicy),
    configuration: new JiraConfigurationClient(fetcher, retryPolicy),
  };
};
