/**
 * What a Forge handler hands its use case: Jira as the app and as the invoking user, Jira's administration APIs
 * (as the app, for setup), the app's storage, the lifecycle queue and the clock, all over the Forge runtime. Built per invocation (cheap: nothing connects until
 * a call is made), so a handler reads `const deps = forgeDependencies();` and passes on the ports it needs.
 */
import type { Clock } from '../../application/ports/clock';
import type { ConfigurationPort } from '../../application/ports/configuration-port';
import type {
  BulkReadPort,
  ChangelogPort,
  DirectoryPort,
  IssuesPort,
  ProjectBrowsingPort,
} from '../../application/ports/jira-port';
import type { JobQueuePort } from '../../application/jobs/job-events';
import type { QueuePort } from '../../application/ports/queue-port';
import type { SecretStorePort } from '../../application/ports/secret-store-port';
import type { StorePort } from '../../application/ports/store-port';
import { ForgeJobQueue } from '../events/forge-job-queue';
import { ForgeQueue } from '../events/forge-queue';
import { JiraConfigurationClient } from '../jira/jira-configuration-client';
import { JiraRestClient } from '../jira/jira-rest-client';
import { defaultRetryPolicy, type RetryPolicy } from '../jira/send-with-retries';
import { KvsStore } from '../kvs/kvs-store';
import { asAppFetcher, asUserFetcher } from './forge-fetchers';
import { systemClock } from './system-clock';

export type JiraClient = IssuesPort & DirectoryPort & ChangelogPort & BulkReadPort & ProjectBrowsingPort;

export interface ForgeDependencies {
  /** Jira as the app: sees everything; the caller checks permissions (DESIGN.md §10). */
  readonly jiraAsApp: JiraClient;
  /** Jira as the invoking user: only where there is one (resolvers, validators under offline impersonation). */
  readonly jiraAsUser: JiraClient;
  /** Jira's administration APIs as the app; only admin-only use cases reach for it, after checking the caller. */
  readonly configuration: ConfigurationPort;
  readonly store: StorePort & SecretStorePort;
  readonly queue: QueuePort;
  /** The `admin-jobs` queue of background jobs (application/jobs). */
  readonly jobQueue: JobQueuePort;
  readonly clock: Clock;
}

export interface ForgeDependencyOptions {
  readonly retryPolicy?: RetryPolicy;
  readonly clock?: Clock;
}

export const forgeDependencies = (options: ForgeDependencyOptions = {}): ForgeDependencies => {
  const retryPolicy = options.retryPolicy ?? defaultRetryPolicy();
  return {
    jiraAsApp: new JiraRestClient(asAppFetcher(), retryPolicy),
    jiraAsUser: new JiraRestClient(asUserFetcher(), retryPolicy),
    configuration: new JiraConfigurationClient(asAppFetcher(), retryPolicy),
    store: new KvsStore(),
    queue: new ForgeQueue(),
    jobQueue: new ForgeJobQueue(),
    clock: options.clock ?? systemClock,
  };
};
