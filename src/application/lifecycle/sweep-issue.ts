/**
 * The sweep's work on one due exception (DESIGN.md §5): repair the lifecycle from the changelog (a lost post
 * function), then plan and carry out the earliest due action, keep its effect in the state it plans from, and plan
 * again — so each action is decided on the state the previous one left. It plans from the issue as the due query
 * (or a batch's bulk read) answered it, with its fields and lifecycle, instead of reading it again per action
 * (bench/sweep-cost.ts); the fresh word on the status comes from the transitions Jira offers before a transition,
 * and from the lifecycle's locked re-read before it. Last, `nextActionAt` is brought up to date so the issue leaves
 * the due set: one lifecycle write per pass, plus one before a transition when entries wait (history order).
 *
 * Exactly once: each action's effect is write-once by its idempotency key (carry-out-action.ts) — so an action a
 * kill kept from being recorded, planned again by the next pass, finds its effect there — and its record is
 * appended through updateLifecycle (per-issue lock, re-read) only when no entry carries that key yet.
 */
import { nextActionAt, planActions, type PlannedAction } from '../../domain/planner';
import type { Policy } from '../../domain/policy-schema';
import type { ExceptionRecord, HistoryEntry } from '../../domain/register-schema';
import type { HistoryAction, ReminderKind } from '../../domain/vocabulary';
import { userValue } from '../issue-mapping/jira-field-values';
import { lifecycleOf } from '../issue-mapping/lifecycle-of';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import type { ChangeHistory, JiraIssue } from '../ports/jira-port';
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

/** At most this many planning steps per issue and call: six kinds of action, each due at most once, and re-reads. */
const MAX_PLANNING_STEPS = 12;

const ENTRY_OF: Record<
  Exclude<PlannedAction['action'], 'start-recertification' | 'revert'>,
  { readonly action: HistoryAction; readonly reminder?: ReminderKind }
> = {
  'remind-75': { action: 'reminded', reminder: '75%' },
  'remind-14d': { action: 'reminded', reminder: '14d' },
  'escalate-chronic': { action: 'escalated' },
  'sla-breach': { action: 'sla-breached' },
};

const readIssue = (issueKey: string, deps: SweepIssueDependencies, config: SiteConfig): Promise<JiraIssue> =>
  deps.jiraAsApp.getIssue(issueKey, {
    fields: exceptionFieldIds(config),
    properties: [LIFECYCLE_PROPERTY_KEY],
  });

const recordOf = (issue: JiraIssue, config: SiteConfig): ExceptionRecord => {
  const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
  if (!mapped.ok) throw new UnmappableIssueError(mapped.problems);
  return mapped.record;
};

/** The lifecycle entry of a non-transition action. */
const entryFor = (
  planned: PlannedAction,
  effect: Extract<ActionEffect, { kind: 'record' }>,
  now: string,
): HistoryEntry => {
  const kind = ENTRY_OF[planned.action as keyof typeof ENTRY_OF];
  return {
    at: now,
    action: kind.action,
    by: null,
    actionKey: planned.key,
    ...(kind.reminder === undefined ? {} : { reminder: kind.reminder }),
    ...(effect.note === undefined ? {} : { note: effect.note }),
  };
};

/**
 * Records `entries` (each unless one already carries its key) and brings nextActionAt up to date, under the
 * per-issue lock on the lifecycle as it is NOW (a post function may have written meanwhile); writes nothing when
 * nothing changes. Answers the exception as that read found it, with the entries: the state to plan on next.
 * An action whose entry a kill kept from this write is planned again by the next pass, which finds its effect
 * (write-once by the action's key) and records it then.
 */
const settleLifecycle = (
  issueKey: string,
  entries: readonly HistoryEntry[],
  deps: SweepIssueDependencies,
  config: SiteConfig,
  policy: Policy,
): Promise<ExceptionRecord> =>
  updateLifecycle(issueKey, deps, exceptionFieldIds(config), (issue, lifecycle) => {
    const record = recordOf(issue, config);
    const now = deps.clock.now();
    let next = lifecycle;
    for (const entry of entries) {
      if (next.history.some((present) => present.actionKey === entry.actionKey)) continue;
      next = withHistoryEntry(next, entry, record, policy, now);
    }
    const settled = { ...record, history: next.history };
    const nextAt = nextActionAt(settled, policy, now);
    const unchanged = next === lifecycle && nextAt === lifecycle.nextActionAt;
    return Promise.resolve({
      next: unchanged ? undefined : { ...next, nextActionAt: nextAt },
      result: settled,
    });
  });

/** What the caller read for the issue, so it is not read again: see sweepIssues. */
export interface PrefetchedIssue {
  /** The issue as the due query (or a bulk fetch) answered it: exception fields and lifecycle property. */
  readonly issue: JiraIssue;
  /** Its changelog (repairFieldIds), read after `issue`; read here when absent. */
  readonly histories?: readonly ChangeHistory[];
}

/** `prefetched`: the issue (and its changelog) as read for a whole batch; read here when absent. */
export const sweepIssue = async (
  issueKey: string,
  deps: SweepIssueDependencies,
  config: SiteConfig,
  prefetched?: PrefetchedIssue,
): Promise<IssueSwept> => {
  const lease = await deps.store.acquireLock(
    sweepIssueLockKey(issueKey),
    'lifecycle-sweep',
    SWEEP_ISSUE_LOCK_TTL_SECONDS,
  );
  if (lease === null) return { issueKey, busy: true, done: [] };
  try {
    return await sweepHeldIssue(issueKey, deps, config, prefetched);
  } finally {
    await deps.store.releaseLock(lease);
  }
};

const idOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
    ? value.id
    : undefined;

/** Whether the issue is of the exception type, in a project set up for it: nothing else is ever swept. */
const isException = (issue: JiraIssue, config: SiteConfig): boolean => {
  const project = idOf(issue.fields.project);
  return (
    idOf(issue.fields.issuetype) === config.issueTypeId &&
    config.projects.some((candidate) => candidate.id === project)
  );
};

/** The status a transition action leaves the issue in. */
const TRANSITION_TO = { 'start-recertification': 'Recertification', revert: 'Reverted' } as const;

/**
 * Plans from the issue as searched (or read) and repaired, then carries out the earliest due action, keeps the
 * effect in the record it plans from (the entry appended, the status moved) and plans again — so each action is
 * decided on the state the previous one left, without reading the issue again. An action done by an earlier pass
 * that a kill kept from being recorded is planned again, and its write-once effect finds itself already there.
 */
const sweepHeldIssue = async (
  issueKey: string,
  deps: SweepIssueDependencies,
  config: SiteConfig,
  prefetched: PrefetchedIssue | undefined,
): Promise<IssueSwept> => {
  const first = prefetched?.issue ?? (await readIssue(issueKey, deps, config));
  if (!isException(first, config)) return { issueKey, notAnException: true, done: [] };
  const repair = await repairLifecycle(issueKey, deps, {
    lifecycle: lifecycleOf(first),
    ...(prefetched?.histories === undefined ? {} : { histories: prefetched.histories }),
  });
  const issue =
    repair.outcome === 'checked' && repair.added.length > 0 ? await readIssue(issueKey, deps, config) : first;
  const policy = await policyInForce(deps.store);
  const done: ActionDone[] = [];
  const tried = new Set<string>();
  /** Entries of actions done in this pass and not yet written. */
  let unrecorded: HistoryEntry[] = [];
  let record = recordOf(issue, config);
  for (let step = 0; step < MAX_PLANNING_STEPS; step += 1) {
    const now = deps.clock.now();
    const planned = planActions(record, policy, now).find((action) => !tried.has(action.key));
    if (planned === undefined) break;
    if (planned.action in TRANSITION_TO && unrecorded.length > 0) {
      // The entries go in before the transition whose post function records it, so the lifecycle keeps the
      // order things happened in; the write's fresh read is then the state the transition is planned on.
      record = await settleLifecycle(issueKey, unrecorded, deps, config, policy);
      unrecorded = [];
      continue;
    }
    tried.add(planned.key);
    const effect = await carryOutAction(planned, { jira: deps.jiraAsApp, config, policy, record });
    if (effect.kind === 'skipped') continue;
    if (effect.kind === 'moved') {
      record = recordOf(await readIssue(issueKey, deps, config), config);
      record = { ...record, history: [...record.history, ...unrecorded] };
      continue;
    }
    if (effect.kind === 'record') {
      const entry = entryFor(planned, effect, now);
      unrecorded.push(entry);
      record = { ...record, history: [...record.history, entry] };
    } else {
      record = { ...record, status: TRANSITION_TO[planned.action as keyof typeof TRANSITION_TO] };
    }
    done.push({ key: planned.key, action: planned.action });
  }
  const ownerAsRead = userValue(issue.fields[config.fields.riskOwner]);
  const shownActive = ownerAsRead?.active === true && ownerAsRead.accountId === record.riskOwner?.accountId;
  const ownerInactive = await flagInactiveOwner(deps.jiraAsApp, record, policy, shownActive);
  await settleLifecycle(issueKey, unrecorded, deps, config, policy);
  return { issueKey, done, ...(ownerInactive ? { ownerInactive: true as const } : {}) };
};
