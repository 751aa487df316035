/**
 * The commands against a site: the register is read through the REST API (read-site-register.ts) and handed to the
 * same pure functions as a register file. `plan --apply` carries out the due actions through the sweep's own
 * per-issue use case (sweep-issue.ts), so an action done by the app's sweep, an earlier run or a run killed
 * half-way is not done again (write-once by idempotency key). The sweep's locks live in an in-memory store: the
 * command line's lock is per process, and only the write-once keys on the issues keep concurrent runs apart.
 */
import { withArchivedHistory } from '../application/register/whole-history';
import { MemoryStore } from '../adapters/memory/memory-store';
import { sweepIssues, type IssueFailure } from '../application/lifecycle/run-sweep';
import { CURRENT_POLICY_KEY, policyVersionKey } from '../application/policy/policy-store';
import {
  discoverSiteConfig,
  readSiteRegister,
  SiteNotSetUpError,
} from '../application/register/read-site-register';
import { SITE_CONFIG_KEY, type SiteConfig } from '../application/site-config';
import { planRegister, type PlannedAction } from '../domain/planner';
import type { Policy } from '../domain/policy-schema';
import type { ExceptionRecord } from '../domain/register-schema';
import { JiraHttpError } from '../adapters/jira/jira-errors';
import { CliError } from './cli-error';
import type { SiteClients } from './site-connection';

export interface SiteRegisterRead {
  readonly config: SiteConfig;
  readonly exceptions: ExceptionRecord[];
}

/** Jira's refusal as one line: the endpoint and status only (its messages may quote issue text). */
const siteFailure = (error: unknown): CliError | undefined => {
  if (error instanceof SiteNotSetUpError) return new CliError(`the site: ${error.message}`);
  if (error instanceof JiraHttpError)
    return new CliError(
      error.status === 401 || error.status === 403
        ? `the site refused these credentials (${String(error.status)} from ${error.endpoint}): check the email and API token`
        : `the site answered ${String(error.status)} to ${error.endpoint}`,
    );
  return undefined;
};

export const withSiteErrors = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw siteFailure(error) ?? error;
  }
};

export const readRegisterFromSite = async (
  clients: SiteClients,
  projectKeys: readonly string[],
): Promise<SiteRegisterRead> => {
  const config = await discoverSiteConfig(clients.configuration, projectKeys);
  const { exceptions: kept, unreadable, archivePages } = await readSiteRegister(clients.jira, config);
  if (unreadable.length > 0)
    throw new CliError(
      unreadable
        .slice(0, 20)
        .map((issue) => `${issue.issueKey}: ${issue.problems.join(' ')}`)
        .join('\n'),
    );
  // The whole history, archived entries included: the admin page's export reads it the same way.
  const exceptions = await withArchivedHistory(clients.jira, kept, archivePages);
  return { config, exceptions };
};

export interface ApplyReport {
  /** The actions carried out by this run, in order. */
  readonly done: {
    readonly key: string;
    readonly issueKey: string;
    readonly action: PlannedAction['action'];
  }[];
  /** Issues another sweeper held (skipped this run). */
  readonly busy: string[];
  readonly failed: IssueFailure[];
}

/** Carries out the actions due at `now` once, issue by issue, as the sweep does. */
export const applyPlan = async (
  clients: SiteClients,
  read: SiteRegisterRead,
  policy: Policy,
  now: string,
): Promise<ApplyReport> => {
  const store = new MemoryStore(() => Date.parse(now));
  await store.set(SITE_CONFIG_KEY, read.config);
  await store.set(policyVersionKey(policy.version), policy);
  await store.set(CURRENT_POLICY_KEY, { version: policy.version });
  const issueKeys = [...new Set(planRegister(read.exceptions, policy, now).map((item) => item.issueKey))];
  const result = await sweepIssues(
    issueKeys,
    {
      jiraAsApp: clients.jira,
      jiraAsUser: clients.jira,
      store,
      clock: { now: () => now },
      queue: { push: () => Promise.resolve() },
      budget: { remainingMs: () => Number.POSITIVE_INFINITY },
    },
    read.config,
    0,
  );
  return {
    done: result.swept.flatMap((issue) =>
      issue.done.map((action) => ({ key: action.key, issueKey: issue.issueKey, action: action.action })),
    ),
    busy: result.swept.filter((issue) => issue.busy === true).map((issue) => issue.issueKey),
    failed: result.failed,
  };
};
