/**
 * The lifecycle sweep (DESIGN.md §5), behind the hourly scheduled trigger and the queue worker.
 *
 * One sweep at a time: a KVS lock with a TTL (a crashed holder's lock is taken over once its TTL has run out,
 * StorePort.acquireLock). The sweep asks Jira only for the due exceptions (the indexed `nextActionAt`,
 * dueExceptionsJql), and after acting on a page asks again FROM THE START rather than paging on: its own writes
 * move the issues it handled out of the due set, so an offset or page token would skip issues. An issue that
 * failed stays due; it is skipped for the rest of this sweep (and retried by the next one).
 *
 * When the due set is more than one invocation can do (more than `batchSize` issues), the sweep fans it out to
 * the queue in batches instead of doing it itself. It watches the invocation's remaining time and, when too
 * little is left, pushes a `continue-sweep` event (the cursor: the issues to skip) and stops before starting
 * another issue.
 */
import { exceptionFieldIds } from '../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { refreshKpiIssueQuietly } from '../kpi/refresh-kpi-issue';
import type { InvocationBudget } from '../ports/invocation-budget';
import type { JiraIssue } from '../ports/jira-port';
import type { QueuePort } from '../ports/queue-port';
import type { SiteConfig } from '../site-config';
import { readSiteConfig } from '../transitions/site-config-of';
import { dueExceptionsJql } from './due-exceptions-jql';
import { MAX_ISSUES_PER_EVENT, type LifecycleEvent } from './lifecycle-events';
import { repairFieldIds } from './repair-lifecycle';
import {
  sweepIssue,
  type IssueSwept,
  type PrefetchedIssue,
  type SweepIssueDependencies,
} from './sweep-issue';
import { recordSweep, summaryOf } from './sweep-history';
import type { IssueFailure, SweepOutcome } from './sweep-outcome';

export const SWEEP_LOCK_KEY = 'lifecycle-sweep-lock';
/** Longer than any invocation (a scheduled trigger or a queue consumer runs at most 15 minutes). */
export const SWEEP_LOCK_TTL_SECONDS = 15 * 60;

export interface SweepDependencies extends SweepIssueDependencies {
  readonly queue: QueuePort;
  readonly budget: InvocationBudget;
}

export interface SweepOptions {
  /** Issues one invocation does itself; beyond it, the due set is fanned out to the queue. */
  readonly batchSize: number;
  /** Stop starting issues when less time than this is left (one issue's worst case, with retries). */
  readonly reserveMs: number;
  /** Issues already failed in this sweep (a `continue-sweep` event's cursor). */
  readonly skip?: readonly string[];
  /** Who holds the sweep lock, for people reading the store. */
  readonly owner?: string;
  /** Issues swept at once (DEFAULT_SWEEP_CONCURRENCY). */
  readonly concurrency?: number;
}

export const DEFAULT_SWEEP_OPTIONS: SweepOptions = {
  batchSize: MAX_ISSUES_PER_EVENT,
  reserveMs: 30_000,
};

export type { IssueFailure, SweepOutcome } from './sweep-outcome';

/** Rounds of "query, act" per invocation: enough for the due set of one invocation, never unbounded. */
const MAX_ROUNDS = 50;
/** Pages read to size the due set before deciding to fan out. */
const MAX_PAGES_TO_FAN_OUT = 200;
/**
 * Issues per page of the due query. It asks for the exception's fields and lifecycle property (what the sweep
 * plans from, so no issue is read again), and Jira's enhanced search answers at most 100 issues a page when fields
 * are requested (it goes beyond only for ids and keys).
 */
export const DUE_PAGE_SIZE = 100;
const MAX_ERROR_LENGTH = 300;

export const describeFailure = (error: unknown): string => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/** Due issues in id order, excluding `skip`, at most `limit` (following pages past skipped issues). */
const dueIssues = async (
  deps: SweepDependencies,
  config: SiteConfig,
  jql: string,
  skip: ReadonlySet<string>,
  limit: number,
  maxPages: number,
): Promise<{ keys: string[]; issues: Map<string, JiraIssue>; more: boolean }> => {
  const keys: string[] = [];
  const issues = new Map<string, JiraIssue>();
  let nextPageToken: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await deps.jiraAsApp.search(jql, {
      fields: exceptionFieldIds(config),
      properties: [LIFECYCLE_PROPERTY_KEY],
      maxResults: DUE_PAGE_SIZE,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    });
    for (const issue of result.issues) {
      if (skip.has(issue.key)) continue;
      if (keys.length >= limit) return { keys, issues, more: true };
      keys.push(issue.key);
      issues.set(issue.key, issue);
    }
    if (result.isLast || result.nextPageToken === null) return { keys, issues, more: false };
    nextPageToken = result.nextPageToken;
  }
  return { keys, issues, more: true };
};

/**
 * The batch's issues and changelogs in a few bulk requests instead of two reads per issue: the issues the due
 * query did not answer (a queue event's keys, the command line's) by POST /issue/bulkfetch, then every changelog
 * by POST /changelog/bulkfetch — after the issues, as repairLifecycle requires. A key Jira does not answer is
 * left out (sweepIssue reads it and fails as before); if a bulk read fails, each issue is read on its own.
 */
const prefetch = async (
  issueKeys: readonly string[],
  deps: SweepDependencies,
  config: SiteConfig,
  searched: ReadonlyMap<string, JiraIssue>,
): Promise<Map<string, PrefetchedIssue>> => {
  const issues = new Map<string, JiraIssue>();
  try {
    const unread = issueKeys.filter((key) => !searched.has(key));
    const fetched =
      unread.length === 0
        ? []
        : await deps.jiraAsApp.getIssues(unread, {
            fields: exceptionFieldIds(config),
            properties: [LIFECYCLE_PROPERTY_KEY],
          });
    const byKey = new Map(fetched.map((issue) => [issue.key.toUpperCase(), issue]));
    for (const key of issueKeys) {
      const issue = searched.get(key) ?? byKey.get(key.toUpperCase());
      if (issue !== undefined) issues.set(key, issue);
    }
    if (issues.size === 0) return new Map();
    const histories = await deps.jiraAsApp.getChangelogs(
      [...new Set([...issues.values()].map((issue) => issue.id))],
      repairFieldIds(config),
    );
    return new Map(
      [...issues].map(([key, issue]) => {
        const changes = histories.get(issue.id);
        return [key, { issue, ...(changes === undefined ? {} : { histories: changes }) }];
      }),
    );
  } catch {
    // A failed bulk read (a rate limit past its retries, a lost connection) costs only its saving.
    return new Map([...issues].map(([key, issue]) => [key, { issue }]));
  }
};

/**
 * Issues swept at once. Jira Cloud meters an app's REST calls per site with points-based and burst limits (429
 * with Retry-After, FORGE_NOTES §2); a handful of issues in flight keeps a sweep's burst modest while the calls of
 * one issue, which must stay in order, no longer wait for another issue's. Each issue is held under its own lock.
 */
export const DEFAULT_SWEEP_CONCURRENCY = 4;

/**
 * Sweeps `issueKeys`, at most `concurrency` at a time, starting each only while time remains; answers what it did
 * (in the order of `issueKeys`) and the keys it did not start. `searched` holds the issues as the due query
 * answered them (fields and lifecycle), which the sweep plans from instead of reading each again; a key without
 * one (a queue event's, the command line's) is read.
 */
export const sweepIssues = async (
  issueKeys: readonly string[],
  deps: SweepDependencies,
  config: SiteConfig,
  reserveMs: number,
  searched: ReadonlyMap<string, JiraIssue> = new Map(),
  concurrency: number = DEFAULT_SWEEP_CONCURRENCY,
): Promise<{ swept: IssueSwept[]; failed: IssueFailure[]; left: string[] }> => {
  const prefetched = await prefetch(issueKeys, deps, config, searched);
  const outcomes: ({ swept: IssueSwept } | { failed: IssueFailure } | undefined)[] = issueKeys.map(
    () => undefined,
  );
  let nextIndex = 0;
  let outOfTime = false;
  const worker = async (): Promise<void> => {
    while (!outOfTime && nextIndex < issueKeys.length) {
      if (deps.budget.remainingMs() < reserveMs) {
        outOfTime = true;
        return;
      }
      const index = nextIndex;
      nextIndex += 1;
      const issueKey = issueKeys[index] ?? '';
      try {
        const result = await sweepIssue(issueKey, deps, config, prefetched.get(issueKey));
        outcomes[index] = { swept: result };
        // The KPI read model follows what the sweep changed (a failure there never fails the sweep).
        if (result.done.length > 0) await refreshKpiIssueQuietly(deps, issueKey);
      } catch (error) {
        outcomes[index] = { failed: { issueKey, error: describeFailure(error) } };
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(concurrency), issueKeys.length));
  await Promise.all(Array.from({ length: workers }, worker));
  const swept: IssueSwept[] = [];
  const failed: IssueFailure[] = [];
  const left: string[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome === undefined) left.push(issueKeys[index] ?? '');
    else if ('swept' in outcome) swept.push(outcome.swept);
    else failed.push(outcome.failed);
  }
  return { swept, failed, left };
};

export const runSweep = async (
  deps: SweepDependencies,
  options: SweepOptions = DEFAULT_SWEEP_OPTIONS,
): Promise<SweepOutcome> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined) return { outcome: 'not-set-up' };
  const lease = await deps.store.acquireLock(
    SWEEP_LOCK_KEY,
    options.owner ?? 'lifecycle-sweep',
    SWEEP_LOCK_TTL_SECONDS,
  );
  if (lease === null) return { outcome: 'busy' };
  // Summarised for the admin page while the lock is held, so no other sweep writes the history meanwhile.
  const startedAt = deps.clock.now();
  try {
    const outcome = await sweepUnderLock(deps, options, config);
    await recordSweep(deps.store, summaryOf(outcome, startedAt, deps.clock.now()));
    return outcome;
  } catch (error) {
    await recordSweep(
      deps.store,
      summaryOf({ outcome: 'failed', error: describeFailure(error) }, startedAt, deps.clock.now()),
    ).catch(() => undefined); // the sweep's own error is the one to report
    throw error;
  } finally {
    await deps.store.releaseLock(lease);
  }
};

const sweepUnderLock = async (
  deps: SweepDependencies,
  options: SweepOptions,
  config: SiteConfig,
): Promise<SweepOutcome> => {
  {
    const jql = dueExceptionsJql(config, deps.clock.now());
    const swept: IssueSwept[] = [];
    const failed: IssueFailure[] = [];
    const skip = new Set(options.skip ?? []);
    const continueLater = async (): Promise<SweepOutcome> => {
      const event: LifecycleEvent = {
        kind: 'continue-sweep',
        skip: [...skip].slice(0, MAX_ISSUES_PER_EVENT),
      };
      await deps.queue.push([event]);
      return { outcome: 'swept', swept, failed, fannedOut: 0, continued: true };
    };
    if (jql === null) return { outcome: 'swept', swept, failed, fannedOut: 0, continued: false };

    // More due than one invocation does: the queue's workers take it, in batches.
    const sized = await dueIssues(deps, config, jql, skip, Number.POSITIVE_INFINITY, MAX_PAGES_TO_FAN_OUT);
    if (sized.keys.length > options.batchSize) {
      const events: LifecycleEvent[] = chunks(sized.keys, options.batchSize).map((issueKeys) => ({
        kind: 'sweep-issues',
        issueKeys,
      }));
      await deps.queue.push(events);
      return { outcome: 'swept', swept, failed, fannedOut: sized.keys.length, continued: false };
    }

    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const { keys, issues } =
        round === 0
          ? sized
          : await dueIssues(deps, config, jql, skip, options.batchSize, MAX_PAGES_TO_FAN_OUT);
      if (keys.length === 0) break;
      const result = await sweepIssues(keys, deps, config, options.reserveMs, issues, options.concurrency);
      swept.push(...result.swept);
      failed.push(...result.failed);
      for (const failure of result.failed) skip.add(failure.issueKey);
      if (result.left.length > 0) return await continueLater();
      // Issues swept without error but still due (nextActionAt not moved) are not taken again in this sweep.
      for (const done of result.swept) skip.add(done.issueKey);
    }
    return { outcome: 'swept', swept, failed, fannedOut: 0, continued: false };
  }
};
