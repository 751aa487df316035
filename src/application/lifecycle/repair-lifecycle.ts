/**
 * Repairs an exception's lifecycle from the issue's changelog (ISSUE 6 A1): the platform retries a post function
 * at most four times, so an entry can still go missing. Every status change the changelog records that is one of
 * the workflow's transitions, and that no lifecycle entry (nor archived one) accounts for, is recorded now: at
 * the time of the change, by its author, with the period the Expiration Date then in force gave it, under the
 * key `changelog:<id>` so a repeated repair adds nothing. The sweep calls it.
 *
 * An entry accounts for a change when it carries the change's key, or else when it records the same action at or
 * after the change (allowing for clock skew) and before the next change to the same action.
 */
import { PeriodWithoutExpiryError } from '../transitions/history-entry';
import type { HistoryEntry } from '../../domain/register-schema';
import type { LifecycleProperty } from '../lifecycle-property';
import type { HistoryAction, Status } from '../../domain/vocabulary';
import { STATUSES } from '../../domain/vocabulary';
import { exceptionFieldIds, toExceptionRecord } from '../issue-mapping/to-exception-record';
import type {
  BulkReadPort,
  ChangeHistory,
  ChangelogPort,
  DirectoryPort,
  IssuesPort,
} from '../ports/jira-port';
import { policyInForce } from '../policy/policy-store';
import type { SiteConfig } from '../site-config';
import { appAccountId } from '../transitions/app-account';
import { historyEntryFor } from '../transitions/history-entry';
import { withHistoryEntry } from '../transitions/lifecycle-update';
import { readSiteConfig } from '../transitions/site-config-of';
import { transitionBetween } from '../transitions/transition-catalog';
import type { TransitionDependencies } from '../transitions/transition-dependencies';
import { UnmappableIssueError } from '../transitions/unmappable-issue-error';
import { readArchive } from './lifecycle-archive';
import { updateLifecycle } from './update-lifecycle';

export interface RepairDependencies extends TransitionDependencies {
  readonly jiraAsApp: IssuesPort & DirectoryPort & ChangelogPort & BulkReadPort;
}

export type RepairOutcome =
  | { readonly outcome: 'not-set-up' }
  | {
      readonly outcome: 'checked';
      /** Actions recorded by this repair, in time order; empty when the lifecycle was complete. */
      readonly added: readonly HistoryAction[];
      /** Changes that could not be recorded (a decision without an Expiration Date to end its period). */
      readonly unrepairable: number;
    };

/** A post function runs after the change is saved; its clock may still trail Jira's a little. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

interface StatusChange {
  readonly history: ChangeHistory;
  readonly action: HistoryAction;
}

const statusById = (config: SiteConfig, id: string | null): Status | undefined =>
  id === null ? undefined : STATUSES.find((status) => config.statuses[status] === id);

const statusChanges = (histories: readonly ChangeHistory[], config: SiteConfig): StatusChange[] =>
  histories.flatMap((history) => {
    const item = history.items.find((candidate) => candidate.fieldId === 'status');
    const from = statusById(config, item?.from ?? null);
    const to = statusById(config, item?.to ?? null);
    const transition = from === undefined || to === undefined ? undefined : transitionBetween(from, to);
    return transition === undefined ? [] : [{ history, action: transition.action }];
  });

const dateOf = (value: string | null): string | null => value?.match(ISO_DATE)?.[0] ?? null;

/** The Expiration Date in force just after `change`, from the field's own changes; `current` when none follow. */
const expiryAfter = (
  change: ChangeHistory,
  histories: readonly ChangeHistory[],
  fieldId: string,
  current: string | null,
): string | null => {
  const changes = histories.flatMap((history) =>
    history.items.filter((item) => item.fieldId === fieldId).map((item) => ({ history, item })),
  );
  const upTo = changes.filter(({ history }) => history.at <= change.at).at(-1);
  if (upTo !== undefined) return dateOf(upTo.item.to) ?? dateOf(upTo.item.toText);
  const next = changes.find(({ history }) => history.at > change.at);
  return next === undefined ? current : (dateOf(next.item.from) ?? dateOf(next.item.fromText));
};

/** The changes no entry accounts for. */
const unaccounted = (changes: readonly StatusChange[], entries: readonly HistoryEntry[]): StatusChange[] => {
  const used = new Set<HistoryEntry>();
  return changes.filter((change, index) => {
    const key = `changelog:${change.history.id}`;
    const byKey = entries.find((entry) => entry.actionKey === key);
    if (byKey !== undefined) {
      used.add(byKey);
      return false;
    }
    const from = Date.parse(change.history.at) - CLOCK_SKEW_MS;
    const next = changes.slice(index + 1).find((later) => later.action === change.action);
    const until = next === undefined ? Number.POSITIVE_INFINITY : Date.parse(next.history.at) - CLOCK_SKEW_MS;
    const match = entries.find((entry) => {
      const at = Date.parse(entry.at);
      return !used.has(entry) && entry.action === change.action && at >= from && at < until;
    });
    if (match === undefined) return true;
    used.add(match);
    return false;
  });
};

/** The changelog fields the repair reads: status changes, and the Expiration Date that gave each its period. */
export const repairFieldIds = (config: SiteConfig): string[] => ['status', config.fields.expirationDate];

/**
 * `known`: the lifecycle as the caller read it, and `histories`: the issue's changelog (repairFieldIds) read AFTER
 * it (the sweep reads them in bulk). When every change is accounted for in `known`, nothing is missing now either —
 * entries are only ever added, and compaction moves them to the archive pages read here — so the lock and the
 * re-read are skipped.
 */
export const repairLifecycle = async (
  issueKey: string,
  deps: RepairDependencies,
  known?: { readonly lifecycle: LifecycleProperty; readonly histories?: readonly ChangeHistory[] },
): Promise<RepairOutcome> => {
  const config = await readSiteConfig(deps.store);
  if (config === undefined) return { outcome: 'not-set-up' };
  const expiryField = config.fields.expirationDate;
  const histories = known?.histories ?? (await deps.jiraAsApp.getChangelog(issueKey, repairFieldIds(config)));
  const changes = statusChanges(histories, config);
  if (known !== undefined) {
    const archivedEntries = await readArchive(deps.jiraAsApp, issueKey, known.lifecycle.archived);
    if (unaccounted(changes, [...known.lifecycle.history, ...archivedEntries]).length === 0)
      return { outcome: 'checked', added: [], unrepairable: 0 };
  }

  return updateLifecycle(issueKey, deps, exceptionFieldIds(config), async (issue, lifecycle) => {
    const archivedEntries = await readArchive(deps.jiraAsApp, issueKey, lifecycle.archived);
    const missing = unaccounted(changes, [...lifecycle.history, ...archivedEntries]);
    if (missing.length === 0)
      return { next: undefined, result: { outcome: 'checked', added: [], unrepairable: 0 } };

    const mapped = toExceptionRecord(issue, config, { typeWhenMissing: 'Other' });
    if (!mapped.ok) throw new UnmappableIssueError(mapped.problems);
    const [policy, appAccount] = await Promise.all([policyInForce(deps.store), appAccountId(deps)]);
    const now = deps.clock.now();
    let next = lifecycle;
    const added: HistoryAction[] = [];
    let unrepairable = 0;
    for (const { history, action } of missing) {
      const expirationDate = expiryAfter(history, histories, expiryField, mapped.record.expirationDate);
      // A period cannot end before it starts: such an entry would make the whole lifecycle unreadable.
      if (expirationDate !== null && expirationDate < history.at.slice(0, 10)) {
        unrepairable += 1;
        continue;
      }
      try {
        const entry = historyEntryFor(
          {
            action,
            by: history.authorAccountId === appAccount ? null : history.authorAccountId,
            at: history.at,
            actionKey: `changelog:${history.id}`,
            comment: '',
          },
          { ...mapped.record, expirationDate },
          policy,
        );
        next = withHistoryEntry(next, entry, mapped.record, policy, now);
        added.push(action);
      } catch (error) {
        if (!(error instanceof PeriodWithoutExpiryError)) throw error;
        unrepairable += 1;
      }
    }
    return {
      next: added.length === 0 ? undefined : next,
      result: { outcome: 'checked', added, unrepairable },
    };
  });
};
