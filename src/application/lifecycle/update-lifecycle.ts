/**
 * The one way the app changes an issue's lifecycle property: under a short per-issue lock, re-read the issue and
 * its lifecycle, let the caller decide the new lifecycle from what is there NOW, compact it under Jira's 32 KB
 * (archiving what moves out) and write it. Two post functions of one transition, a post function and triage, or a
 * post function and the sweep each see the other's entry instead of overwriting it (ISSUE 6 B8).
 *
 * Each write carries the next revision, and the store keeps the last revision written (after the write, so a
 * kill in between leaves the store behind, never ahead). The sweep, which reads lifecycles in its due query, holds
 * the same lock and compares: equal, nothing has written since its query and it acts on what it read without
 * reading the issue again (ISSUE 9); different, it reads the issue.
 */
import { z } from 'zod';
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

/** The last revision the app wrote of the issue's lifecycle. */
export const lifecycleRevisionKey = (issueKey: string): string =>
  `lifecycle-revision:${issueKey.toUpperCase()}`;

const RevisionSchema = z.number().int().nonnegative();

/** The last revision written, as the store keeps it (undefined before the first counted write). */
export const storedLifecycleRevision = (store: StorePort, issueKey: string): Promise<number | undefined> =>
  store.get(lifecycleRevisionKey(issueKey), RevisionSchema);

/**
 * `next` as it is to be written: compacted under Jira's 32 KB (what moves out appended to the archive pages) and
 * with the revision after both the one read and the one stored (a property reset by hand starts no lower).
 */
export const lifecycleToWrite = async (
  jira: IssuesPort,
  issueKey: string,
  previous: LifecycleProperty,
  next: LifecycleProperty,
  storedRevision: number | undefined,
): Promise<LifecycleProperty> => {
  const compaction = compactLifecycle(next);
  const pages = await appendToArchive(jira, issueKey, next.archived, compaction.archived);
  const archived = compaction.lifecycle.archived;
  return {
    ...compaction.lifecycle,
    ...(archived === undefined ? {} : { archived: { ...archived, pages } }),
    revision: Math.max(previous.revision ?? 0, storedRevision ?? 0) + 1,
  };
};

/** Keeps the revision just written; called only once Jira has it. */
export const noteLifecycleWritten = (
  store: StorePort,
  issueKey: string,
  written: LifecycleProperty,
): Promise<void> => store.set(lifecycleRevisionKey(issueKey), written.revision ?? 0);

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
    const current = lifecycleOf(issue);
    const { next, result } = await decide(issue, current);
    if (next === undefined) return result;
    const stored = await storedLifecycleRevision(deps.store, issueKey);
    const written = await lifecycleToWrite(deps.jiraAsApp, issueKey, current, next, stored);
    await deps.jiraAsApp.setIssueProperty(issueKey, LIFECYCLE_PROPERTY_KEY, written);
    await noteLifecycleWritten(deps.store, issueKey, written);
    return result;
  });
