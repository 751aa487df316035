/**
 * The lifecycle sweep (DESIGN.md §5), behind the hourly scheduled trigger and the queue worker.
 *
 * One sweep at a time: a KVS lock with a TTL (a crashed holder's lock is taken over once its TTL has run out,
 * StorePort.acquireLock). The sweep asks Jira only for the due exceptions (the indexed `nextActionAt`,
 * dueExceptionsJql), with everything it plans from (fields, lifecycle, changelog, transitions offered), and reads
 * the pages it will act on BEFORE it writes anything: its own writes move the issues it handles out of the due
 * set, so a page read after them would skip issues. Its reads are the due pages and nothing more (ISSUE 9). An
 * issue that failed stays due; the next sweep takes it again.
 *
 * When the due set is more than one invocation does (`inlineLimit`), the sweep does that many itself and then
 * asks for the rest (ids only, thousands a page) and fans it out to the queue in batches, each read by a worker in
 * one bulk request. It watches the invocation's remaining time and, when too little is left, pushes a
 * `continue-sweep` event (the cursor: the issues to skip) and stops before starting another issue.
 */
import { exceptionFieldIds } from '../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { refreshKpiIssueQuietly } from '../kpi/refresh-kpi-issue';
import type { InvocationBudget } from '../ports/invocation-budget';
import type { ChangeHistory, JiraIssue } from '../ports/jira-port';
import type { QueuePort } from '../ports/queue-port';
import type { SiteConfig } from '../site-config';
import { readSiteConfig } from '../transitions/site-config-of';
import { dueExceptionsJql } from './due-exceptions-jql';
import { MAX_ISSUES_PER_EVENT, type LifecycleEvent } from './lifecycle-events';
import { repairFieldIds } from './repair-lifecycle';
import {
  SWEEP_EXPANSIONS,
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
  /** Issues of one fanned-out queue event (at most MAX_ISSUES_PER_EVENT). */
  readonly batchSize: number;
  /** Due issues one invocation does itself (DEFAULT_INLINE_LIMIT); the rest are fanned out to the queue. */
  readonly inlineLimit?: number;
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

/**
 * Due issues the sweep does itself: at one write per action and a few actions at most per issue, far inside a
 * scheduled invocation's time at the default concurrency (the budget check stops it sooner if not).
 */
export const DEFAULT_INLINE_LIMIT = 500;
/** The largest page Jira's enhanced search gives when only ids and keys are asked for. */
const ID_PAGE_SIZE = 5000;
/** Pages of ids read for the fan-out: 500,000 due issues, far beyond any site. */
const MAX_ID_PAGES = 100;
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

/**
 * Due issues in the query's order, excluding `skip`, at most `limit` (following pages past skipped issues);
 * `withData`: with everything the sweep plans from, 100 a page, else ids and keys only, 5,000 a page.
 */
const dueIssues = async (
  deps: SweepDependencies,
  config: SiteConfig,
  jql: string,
  skip: ReadonlySet<string>,
  limit: number,
  withData: boolean,
): Promise<{ keys: string[]; issues: Map<string, JiraIssue>; more: boolean }> => {
  const keys: string[] = [];
  const issues = new Map<string, JiraIssue>();
  let nextPageToken: string | undefined;
  // With data: the pages for `limit` issues, and as many again for skipped ones (failures kept out of this sweep).
  const maxPages = withData ? 2 * Math.ceil(limit / DUE_PAGE_SIZE) : MAX_ID_PAGES;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await deps.jiraAsApp.search(jql, {
      ...(withData
        ? {
            fields: exceptionFieldIds(config),
            properties: [LIFECYCLE_PROPERTY_KEY],
            maxResults: DUE_PAGE_SIZE,
            expand: SWEEP_EXPANSIONS,
          }
        : { fields: [], properties: [], maxResults: ID_PAGE_SIZE }),
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    });
    for (const issue of result.issues) {
      if (skip.has(issue.key)) continue;
      if (keys.length >= limit) return { keys, issues, more: true };
      keys.push(issue.key);
      issues.set(issue.key, issue);
    }
    if (result.isLast || result.nextPageToken === null) return { keys, issues, more: false };
    // Full, and Jira says more follow: reading a page only to learn that would be a read for nothing.
    if (keys.length >= limit) return { keys, issues, more: true };
    nextPageToken = result.nextPageToken;
  }
  return { keys, issues, more: true };
};

/**
 * The batch's issues in bulk instead of one read per issue: the issues the due query did not answer (a queue
 * event's keys, the command line's) by POST /issue/bulkfetch with their changelog and transitions, then the whole
 * changelog of those whose expanded one was cut short, by POST /changelog/bulkfetch — after the issues, as
 * repairLifecycle requires. A key Jira does not answer is left out (sweepIssue reads it and fails as before); if
 * a bulk read fails, each issue is read on its own.
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
            expand: SWEEP_EXPANSIONS,
          });
    const byKey = new Map(fetched.map((issue) => [issue.key.toUpperCase(), issue]));
    for (const key of issueKeys) {
      const issue = searched.get(key) ?? byKey.get(key.toUpperCase());
      if (issue !== undefined) issues.set(key, issue);
    }
    if (issues.size === 0) return new Map();
    const cutShort = [...issues.values()].filter((issue) => issue.changelog?.complete !== true);
    const histories =
      cutShort.length === 0
        ? new Map<string, readonly ChangeHistory[]>()
        : await deps.jiraAsApp.getChangelogs(
            [...new Set(cutShort.map((issue) => issue.id))],
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

  // The due set as far as one invocation does it, every page read before anything is written.
  const inlineLimit = Math.max(1, options.inlineLimit ?? DEFAULT_INLINE_LIMIT);
  const due = await dueIssues(deps, config, jql, skip, inlineLimit, true);
  const result = await sweepIssues(
    due.keys,
    deps,
    config,
    options.reserveMs,
    due.issues,
    options.concurrency,
  );
  swept.push(...result.swept);
  failed.push(...result.failed);
  for (const failure of result.failed) skip.add(failure.issueKey);
  if (result.left.length > 0) return await continueLater();
  if (!due.more) return { outcome: 'swept', swept, failed, fannedOut: 0, continued: false };

  // More due than one invocation does: what is still due now (what was just done has left the due set, and
  // what failed or stayed due is not taken again in this sweep) goes to the queue's workers, in batches.
  for (const done of result.swept) skip.add(done.issueKey);
  const rest = await dueIssues(deps, config, jql, skip, Number.POSITIVE_INFINITY, false);
  const batch = Math.min(Math.max(1, options.batchSize), MAX_ISSUES_PER_EVENT);
  const events: LifecycleEvent[] = chunks(rest.keys, batch).map((issueKeys) => ({
    kind: 'sweep-issues',
    issueKeys,
  }));
  if (events.length > 0) await deps.queue.push(events);
  return { outcome: 'swept', swept, failed, fannedOut: rest.keys.length, continued: false };
};
