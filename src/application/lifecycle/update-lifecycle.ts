/**
 * The one way the app changes an issue's lifecycle property: under a short per-issue lock, re-read the issue and
 * its lifecycle, let the caller decide the new lifecycle from what is there NOW, compact it under Jira's 32 KB
 * (archiving what moves out) and write it. Two post functions of one transition, a post function and triage, or a
 * post function and the sweep each see the other's entry instead of overwriting it (ISSUE 6 B8).
 */
import { lifecycleOf } from '../issue-mapping/lifecycle-of';
import { LIFECYCLE_PROPERTY_KEY, type LifecycleProperty } from '../lifecycle-property';
import { withLock, type LockOptions } from '../locks/with-lock';
import type { IssuesPort, JiraIssue } from '../ports/jira-port';
import type { StorePort } from '../ports/store-port';
import { compactLifecycle } from './compact-lifecycle';
import { appendToArchive } from './lifecycle-archive';

/**
 * The lock outlives a slow holder (reads and writes retried under Jira's rate limits take seconds) and frees itself
 * a minute after a crash; a waiter gives up after about ten seconds, inside a post function's 25 s.
 */
export const LIFECYCLE_LOCK: LockOptions = { ttlSeconds: 60, attempts: 10, delayMs: 100, maxDelayMs: 2_000 };

/** KVS keys allow letters, digits and `:._-#`; issue keys and ids are made of those. */
export const lifecycleLockKey = (issueKey: string): string => `lifecycle-lock:${issueKey.toUpperCase()}`;

export interface LifecycleDecision<T> {
  /** The lifecycle to write; undefined to write nothing. */
  readonly next: LifecycleProperty | undefined;
  readonly result: T;
}

export interface UpdateLifecycleDependencies {
  readonly jiraAsApp: IssuesPort;
  readonly store: StorePort;
}

export const updateLifecycle = <T>(
  /** The issue key (the lock is per key: every writer names the issue by its key). */
  issueKey: string,
  deps: UpdateLifecycleDependencies,
  fields: readonly string[],
  decide: (issue: JiraIssue, lifecycle: LifecycleProperty) => Promise<LifecycleDecision<T>>,
  lock: LockOptions = LIFECYCLE_LOCK,
): Promise<T> =>
  withLock(deps.store, lifecycleLockKey(issueKey), lock, async () => {
    const issue = await deps.jiraAsApp.getIssue(issueKey, { fields, properties: [LIFECYCLE_PROPERTY_KEY] });
    const { next, result } = await decide(issue, lifecycleOf(issue));
    if (next === undefined) return result;
    const compaction = compactLifecycle(next);
    const pages = await appendToArchive(deps.jiraAsApp, issueKey, next.archived, compaction.archived);
    const archived = compaction.lifecycle.archived;
    const written: LifecycleProperty =
      archived === undefined
        ? compaction.lifecycle
        : { ...compaction.lifecycle, archived: { ...archived, pages } };
    await deps.jiraAsApp.setIssueProperty(issueKey, LIFECYCLE_PROPERTY_KEY, written);
    return result;
  });
