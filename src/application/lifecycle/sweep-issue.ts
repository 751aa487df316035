/**
 * The sweep's work on one due exception (DESIGN.md §5): repair the lifecycle from the changelog (a lost post
 * function), then, from the issue as it is NOW, plan and carry out the earliest due action, record it, and plan
 * again — so each action is decided on the state the previous one left, and one already done (by an earlier run,
 * a concurrent one, or a run killed half-way) is seen as done. Last, `nextActionAt` is brought up to date so the
 * issue leaves the due set.
 *
 * Exactly once: each action's effect is write-once by its idempotency key (carry-out-action.ts), and its record
 * is appended through updateLifecycle (per-issue lock, re-read) only when no entry carries that key yet.
 */
import { nextActionAt, planActions, type PlannedAction } from '../../domain/planner';
import type { Policy } from '../../domain/policy-schema';
import type { ExceptionRecord, HistoryEntry } from '../../domain/register-schema';
import type { HistoryAction, ReminderKind } from '../../domain/vocabulary';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import { policyInForce } from '../policy/policy-store';
import type { SiteConfig } from '../site-config';
import { withHistoryEntry } from '../transitions/lifecycle-update';
import { UnmappableIssueError } from '../transitions/unmappable-issue-error';
import { carryOutAction, type ActionEffect } from './carry-out-action';
import { flagInactiveOwner } from './flag-inactive-owner';
import { repairLifecycle, type RepairDependencies } from './repair-lifecycle';
import { updateLifecycle } from './update-lifecycle';

export type SweepIssueDependencies = RepairDependencies;

export interface ActionDone {
  readonly key: string;
  readonly action: PlannedAction['action'];
}

/** Held while one sweeper works on an issue: write-once looks for its mark, then writes, which two could interleave. */
export const sweepIssueLockKey = (issueKey: string): string => `sweep-issue-lock:${issueKey.toUpperCase()}`;
/** Far longer than one issue's work (a few calls, retried under rate limits); a crashed holder frees it after. */
export const SWEEP_ISSUE_LOCK_TTL_SECONDS = 5 * 60;

export interface IssueSwept {
  readonly issueKey: string;
  /** Another sweeper (a worker, an overlapping run) holds the issue: nothing was done here. */
  readonly busy?: true;
  /** The key names no exception of a set-up project (a stale or forged queue event): nothing was done. */
  readonly notAnException?: true;
  /** The actions this call carried out, in order. */
  readonly done: readonly ActionDone[];
  /** The risk owner's account is inactive: the exception is flagged for re-assignment (once per owner). */
  readonly ownerInactive?: true;
}

/** At most this many actions per issue and call: six kinds of action, each due at most once. */
const MAX_ACTIONS_PER_ISSUE = 8;

const ENTRY_OF: Record<
  Exclude<PlannedAction['action'], 'start-recertification' | 'revert'>,
  { readonly action: HistoryAction; readonly reminder?: ReminderKind }
> = {
  'remind-75': { action: 'reminded', reminder: '75%' },
  'remind-14d': { action: 'reminded', reminder: '14d' },
  'escalate-chronic': { action: 'escalated' },
  'sla-breach': { action: 'sla-breached' },
};

const readRecord = async (issueKey: string, deps: SweepIssueDependencies, config: SiteConfig) => {
  const issue = await deps.jiraAsApp.getIssue(issueKey, {
    fields: exceptionFieldIds(config),
    properties: [LIFECYCLE_PROPERTY_KEY],
  });
  const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
  if (!mapped.ok) throw new UnmappableIssueError(mapped.problems);
  return mapped.record;
};

/** Appends the action's entry unless one already carries its key; recomputes nextActionAt either way. */
const recordAction = (
  issueKey: string,
  planned: PlannedAction,
  effect: Extract<ActionEffect, { kind: 'record' }>,
  deps: SweepIssueDependencies,
  config: SiteConfig,
  policy: Policy,
): Promise<void> =>
  updateLifecycle(issueKey, deps, exceptionFieldIds(config), (issue, lifecycle) => {
    if (lifecycle.history.some((entry) => entry.actionKey === planned.key))
      return Promise.resolve({ next: undefined, result: undefined });
    const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
    if (!mapped.ok) throw new UnmappableIssueError(mapped.problems);
    const now = deps.clock.now();
    const kind = ENTRY_OF[planned.action as keyof typeof ENTRY_OF];
    const entry: HistoryEntry = {
      at: now,
      action: kind.action,
      by: null,
      actionKey: planned.key,
      ...(kind.reminder === undefined ? {} : { reminder: kind.reminder }),
      ...(effect.note === undefined ? {} : { note: effect.note }),
    };
    return Promise.resolve({
      next: withHistoryEntry(lifecycle, entry, mapped.record, policy, now),
      result: undefined,
    });
  });

/** Rewrites nextActionAt when what is pending now says otherwise (e.g. after a transition the sweep made). */
const refreshNextActionAt = (
  issueKey: string,
  deps: SweepIssueDependencies,
  config: SiteConfig,
  policy: Policy,
): Promise<void> =>
  updateLifecycle(issueKey, deps, exceptionFieldIds(config), (issue, lifecycle) => {
    const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
    if (!mapped.ok) throw new UnmappableIssueError(mapped.problems);
    const next = nextActionAt(mapped.record, policy, deps.clock.now());
    return Promise.resolve({
      next: next === lifecycle.nextActionAt ? undefined : { ...lifecycle, nextActionAt: next },
      result: undefined,
    });
  });

export const sweepIssue = async (
  issueKey: string,
  deps: SweepIssueDependencies,
  config: SiteConfig,
): Promise<IssueSwept> => {
  const lease = await deps.store.acquireLock(
    sweepIssueLockKey(issueKey),
    'lifecycle-sweep',
    SWEEP_ISSUE_LOCK_TTL_SECONDS,
  );
  if (lease === null) return { issueKey, busy: true, done: [] };
  try {
    return await sweepHeldIssue(issueKey, deps, config);
  } finally {
    await deps.store.releaseLock(lease);
  }
};

const idOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
    ? value.id
    : undefined;

/** Whether the issue is of the exception type, in a project set up for it: nothing else is ever swept. */
const isException = async (issueKey: string, deps: SweepIssueDependencies, config: SiteConfig) => {
  const issue = await deps.jiraAsApp.getIssue(issueKey, { fields: ['issuetype', 'project'], properties: [] });
  const project = idOf(issue.fields.project);
  return (
    idOf(issue.fields.issuetype) === config.issueTypeId &&
    config.projects.some((candidate) => candidate.id === project)
  );
};

const sweepHeldIssue = async (
  issueKey: string,
  deps: SweepIssueDependencies,
  config: SiteConfig,
): Promise<IssueSwept> => {
  if (!(await isException(issueKey, deps, config))) return { issueKey, notAnException: true, done: [] };
  await repairLifecycle(issueKey, deps);
  const policy = await policyInForce(deps.store);
  const done: ActionDone[] = [];
  const tried = new Set<string>();
  /** The issue as last read with nothing left to do; undefined when the loop ended on its bound. */
  let settled: ExceptionRecord | undefined;
  for (let step = 0; step < MAX_ACTIONS_PER_ISSUE; step += 1) {
    const record = await readRecord(issueKey, deps, config);
    const planned = planActions(record, policy, deps.clock.now()).find((action) => !tried.has(action.key));
    if (planned === undefined) {
      settled = record;
      break;
    }
    tried.add(planned.key);
    const effect = await carryOutAction(planned, { jira: deps.jiraAsApp, config, policy, record });
    if (effect.kind === 'skipped') continue;
    if (effect.kind === 'record') await recordAction(issueKey, planned, effect, deps, config, policy);
    done.push({ key: planned.key, action: planned.action });
  }
  const ownerInactive = await flagInactiveOwner(
    deps.jiraAsApp,
    settled ?? (await readRecord(issueKey, deps, config)),
    policy,
  );
  await refreshNextActionAt(issueKey, deps, config, policy);
  return { issueKey, done, ...(ownerInactive ? { ownerInactive: true as const } : {}) };
};
