/**
 * The sweep's work on one due exception (DESIGN.md §5): repair the lifecycle from the changelog (a lost post
 * function), then plan and carry out the earliest due action, keep its effect in the state it plans from, and plan
 * again — so each action is decided on the state the previous one left.
 *
 * What it reads (ISSUE 9, bench/sweep-cost.ts): the issue as the due query (or a batch's bulk read) answered it —
 * fields, lifecycle, changelog and the transitions offered — and nothing more while nothing else has written. Under
 * the issue's lifecycle lock the revision the store keeps says whether the lifecycle read is still current (else
 * the issue is read again). Each action is then one request that carries its own record (carry-out-action.ts):
 * the lifecycle with its entry and the next `nextActionAt`, so an issue whose actions are done has left the due set.
 *
 * Exactly once: an action's record lands with its effect, so a pass after a kill finds the entry (then plans
 * something else) or finds neither and does it. A transition is refused by Jira from any status but its source.
 */
import { nextActionAt, planActions, type PlannedAction } from '../../domain/planner';
import type { Policy } from '../../domain/policy-schema';
import type { ExceptionRecord, HistoryEntry } from '../../domain/register-schema';
import type { HistoryAction, ReminderKind } from '../../domain/vocabulary';
import { userValue } from '../issue-mapping/jira-field-values';
import { lifecycleOf } from '../issue-mapping/lifecycle-of';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import { LIFECYCLE_PROPERTY_KEY } from '../lifecycle-property';
import type { ChangeHistory, IssueExpansion, JiraIssue } from '../ports/jira-port';
import { policyInForce } from '../policy/policy-store';
import type { SiteConfig } from '../site-config';
import { withHistoryEntry } from '../transitions/lifecycle-update';
import { UnmappableIssueError } from '../transitions/unmappable-issue-error';
import { withLock } from '../locks/with-lock';
import type { LifecycleProperty } from '../lifecycle-property';
import { carryOutAction, type LifecycleChange } from './carry-out-action';
import { flagInactiveOwner } from './flag-inactive-owner';
import { repairLifecycle, type RepairDependencies } from './repair-lifecycle';
import {
  LIFECYCLE_LOCK,
  lifecycleLockKey,
  lifecycleToWrite,
  noteLifecycleWritten,
  storedLifecycleRevision,
} from './update-lifecycle';

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

/** What the sweep asks Jira to send with each due issue, besides its fields and lifecycle. */
export const SWEEP_EXPANSIONS: readonly IssueExpansion[] = ['changelog', 'transitions'];

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
const entryFor = (planned: PlannedAction, note: string | undefined, now: string): HistoryEntry => {
  const kind = ENTRY_OF[planned.action as keyof typeof ENTRY_OF];
  return {
    at: now,
    action: kind.action,
    by: null,
    actionKey: planned.key,
    ...(kind.reminder === undefined ? {} : { reminder: kind.reminder }),
    ...(note === undefined ? {} : { note }),
  };
};

/** What the caller read for the issue, so it is not read again: see sweepIssues. */
export interface PrefetchedIssue {
  /** The issue as the due query (or a bulk fetch) answered it: fields, lifecycle, SWEEP_EXPANSIONS. */
  readonly issue: JiraIssue;
  /** Its whole changelog (repairFieldIds) read after `issue`, where the issue's own was not complete. */
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

/** The issue's changelog as read with it, when complete; else the one the caller read whole, if any. */
const historiesOf = (issue: JiraIssue, prefetched: PrefetchedIssue | undefined) =>
  issue.changelog?.complete === true ? issue.changelog.histories : prefetched?.histories;

const sweepHeldIssue = async (
  issueKey: string,
  deps: SweepIssueDependencies,
  config: SiteConfig,
  prefetched: PrefetchedIssue | undefined,
): Promise<IssueSwept> => {
  const first = prefetched?.issue ?? (await readIssue(issueKey, deps, config));
  if (!isException(first, config)) return { issueKey, notAnException: true, done: [] };
  const histories = historiesOf(first, prefetched);
  const repair = await repairLifecycle(issueKey, deps, {
    lifecycle: lifecycleOf(first),
    ...(histories === undefined ? {} : { histories }),
  });
  const issue =
    repair.outcome === 'checked' && repair.added.length > 0 ? await readIssue(issueKey, deps, config) : first;
  const policy = await policyInForce(deps.store);
  return withLock(deps.store, lifecycleLockKey(issueKey), LIFECYCLE_LOCK, () =>
    actOnIssue(issueKey, issue, deps, config, policy),
  );
};

/**
 * The lifecycle once `change` is recorded — the action's entry appended, or the issue moved to a status (whose
 * entry its post function records) — with `nextActionAt` to match.
 */
const lifecycleAfter = (
  planned: PlannedAction,
  change: LifecycleChange,
  { record, lifecycle }: Pick<Planning, 'record' | 'lifecycle'>,
  policy: Policy,
  now: string,
): LifecycleProperty => {
  if ('status' in change)
    return { ...lifecycle, nextActionAt: nextActionAt({ ...record, status: change.status }, policy, now) };
  return withHistoryEntry(lifecycle, entryFor(planned, change.note, now), record, policy, now);
};

/** The state the sweep plans from, kept in step with what it writes. */
interface Planning {
  issue: JiraIssue;
  record: ExceptionRecord;
  lifecycle: LifecycleProperty;
  storedRevision: number | undefined;
  /** The transitions offered from the record's status, while the read that said so is the latest word. */
  offered: JiraIssue['transitions'];
}

/**
 * Under the issue's lifecycle lock: plans from the issue as read when its lifecycle is still current (else reads
 * it), carries out the earliest due action with its record, keeps the effect in the state it plans from and plans
 * again. Last, `nextActionAt` is written on its own only when no action's request carried its current value.
 */
const actOnIssue = async (
  issueKey: string,
  read: JiraIssue,
  deps: SweepIssueDependencies,
  config: SiteConfig,
  policy: Policy,
): Promise<IssueSwept> => {
  const storedRevision = await storedLifecycleRevision(deps.store, issueKey);
  const current =
    lifecycleOf(read).revision === storedRevision ? read : await readIssue(issueKey, deps, config);
  const state: Planning = {
    issue: current,
    record: recordOf(current, config),
    lifecycle: lifecycleOf(current),
    storedRevision,
    offered: current.transitions,
  };
  /** Makes a lifecycle Jira now has the state planned from, and keeps its revision. */
  const adopt = async (written: LifecycleProperty): Promise<void> => {
    await noteLifecycleWritten(deps.store, issueKey, written);
    state.lifecycle = written;
    state.storedRevision = written.revision;
    state.record = { ...state.record, history: written.history };
  };
  const done: ActionDone[] = [];
  const tried = new Set<string>();
  for (let step = 0; step < MAX_PLANNING_STEPS; step += 1) {
    const now = deps.clock.now();
    const planned = planActions(state.record, policy, now).find((action) => !tried.has(action.key));
    if (planned === undefined) break;
    tried.add(planned.key);
    let pending: LifecycleProperty | undefined;
    const lifecycleWith = async (change: LifecycleChange) => {
      const next = lifecycleAfter(planned, change, state, policy, now);
      pending = await lifecycleToWrite(deps.jiraAsApp, issueKey, state.lifecycle, next, state.storedRevision);
      return { [LIFECYCLE_PROPERTY_KEY]: pending };
    };
    const effect = await carryOutAction(planned, {
      jira: deps.jiraAsApp,
      config,
      policy,
      record: state.record,
      offered: state.offered,
      lifecycleWith,
    });
    if (effect.kind === 'skipped') continue;
    if (effect.kind === 'moved') {
      const fresh = await readIssue(issueKey, deps, config);
      Object.assign(state, {
        issue: fresh,
        record: recordOf(fresh, config),
        lifecycle: lifecycleOf(fresh),
        offered: undefined,
      });
      continue;
    }
    if (pending !== undefined) await adopt(pending);
    if (effect.kind === 'transitioned') {
      const to = TRANSITION_TO[planned.action as keyof typeof TRANSITION_TO];
      state.record = { ...state.record, status: to };
      state.offered = undefined; // offered from the status left
    }
    done.push({ key: planned.key, action: planned.action });
  }
  const ownerAsRead = userValue(state.issue.fields[config.fields.riskOwner]);
  const shownActive =
    ownerAsRead?.active === true && ownerAsRead.accountId === state.record.riskOwner?.accountId;
  const ownerInactive = await flagInactiveOwner(deps.jiraAsApp, state.record, policy, shownActive);
  // Each action's request carried nextActionAt; only an issue nothing was done to may still need it written.
  const nextAt = nextActionAt(state.record, policy, deps.clock.now());
  if (nextAt !== state.lifecycle.nextActionAt) {
    const written = await lifecycleToWrite(
      deps.jiraAsApp,
      issueKey,
      state.lifecycle,
      { ...state.lifecycle, nextActionAt: nextAt },
      state.storedRevision,
    );
    await deps.jiraAsApp.setIssueProperty(issueKey, LIFECYCLE_PROPERTY_KEY, written);
    await adopt(written);
  }
  return { issueKey, done, ...(ownerInactive ? { ownerInactive: true as const } : {}) };
};
