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
import type { InvocationBudget } from '../ports/invocation-budget';
import type { QueuePort } from '../ports/queue-port';
import type { SiteConfig } from '../site-config';
import { readSiteConfig } from '../transitions/site-config-of';
import { dueExceptionsJql } from './due-exceptions-jql';
import { MAX_ISSUES_PER_EVENT, type LifecycleEvent } from './lifecycle-events';
import { recordSweep, summaryOf } from './sweep-history';
import { sweepIssue, type IssueSwept, type SweepIssueDependencies } from './sweep-issue';

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
}

export const DEFAULT_SWEEP_OPTIONS: SweepOptions = {
  batchSize: MAX_ISSUES_PER_EVENT,
  reserveMs: 30_000,
};

export interface IssueFailure {
  readonly issueKey: string;
  /** The error's name and message (bounded): ids and field names, never field values. */
  readonly error: string;
}

export type SweepOutcome =
  | { readonly outcome: 'not-set-up' }
  | { readonly outcome: 'busy' }
  | {
      readonly outcome: 'swept';
      readonly swept: readonly IssueSwept[];
      readonly failed: readonly IssueFailure[];
      /** Issues pushed to the queue, in events of at most batchSize. */
      readonly fannedOut: number;
      /** Whether a `continue-sweep` was pushed because time ran short. */
      readonly continued: boolean;
    };

/** Rounds of "query, act" per invocation: enough for the due set of one invocation, never unbounded. */
const MAX_ROUNDS = 50;
/** Pages read to size the due set before deciding to fan out. */
const MAX_PAGES_TO_FAN_OUT = 200;
const PAGE_SIZE = 100;
const MAX_ERROR_LENGTH = 300;

export const describeFailure = (error: unknown): string => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/** Due issue keys in id order, excluding `skip`, at most `limit` (following pages past skipped issues). */
const dueKeys = async (
  deps: SweepDependencies,
  jql: string,
  skip: ReadonlySet<string>,
  limit: number,
  maxPages: number,
): Promise<{ keys: string[]; more: boolean }> => {
  const keys: string[] = [];
  let nextPageToken: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await deps.jiraAsApp.search(jql, {
      fields: ['key'],
      properties: [],
      maxResults: PAGE_SIZE,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    });
    for (const issue of result.issues) {
      if (skip.has(issue.key)) continue;
      if (keys.length >= limit) return { keys, more: true };
      keys.push(issue.key);
    }
    if (result.isLast || result.nextPageToken === null) return { keys, more: false };
    nextPageToken = result.nextPageToken;
  }
  return { keys, more: true };
};

/** Sweeps `issueKeys` one by one while time remains; answers what it did and the keys left undone. */
export const sweepIssues = async (
  issueKeys: readonly string[],
  deps: SweepDependencies,
  config: SiteConfig,
  reserveMs: number,
): Promise<{ swept: IssueSwept[]; failed: IssueFailure[]; left: string[] }> => {
  const swept: IssueSwept[] = [];
  const failed: IssueFailure[] = [];
  for (const [index, issueKey] of issueKeys.entries()) {
    if (deps.budget.remainingMs() < reserveMs) return { swept, failed, left: issueKeys.slice(index) };
    try {
      swept.push(await sweepIssue(issueKey, deps, config));
    } catch (error) {
      failed.push({ issueKey, error: describeFailure(error) });
    }
  }
  return { swept, failed, left: [] };
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
    const sized = await dueKeys(deps, jql, skip, Number.POSITIVE_INFINITY, MAX_PAGES_TO_FAN_OUT);
    if (sized.keys.length > options.batchSize) {
      const events: LifecycleEvent[] = chunks(sized.keys, options.batchSize).map((issueKeys) => ({
        kind: 'sweep-issues',
        issueKeys,
      }));
      await deps.queue.push(events);
      return { outcome: 'swept', swept, failed, fannedOut: sized.keys.length, continued: false };
    }

    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const { keys } =
        round === 0 ? sized : await dueKeys(deps, jql, skip, options.batchSize, MAX_PAGES_TO_FAN_OUT);
      if (keys.length === 0) break;
      const result = await sweepIssues(keys, deps, config, options.reserveMs);
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
