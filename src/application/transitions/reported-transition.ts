/**
 * Which of the app's transitions a post function ran on, from whatever the event reported (post-function-event.ts):
 * the rule's own configuration first (setup writes {"transition":"approve"} on every post-function rule), then
 * the statuses left and entered, then the transition's name, then the status entered alone. When only the status
 * entered is known and several transitions lead there, the lifecycle says which status the issue was in.
 *
 * The Create transition is recognised by what it is, not by a missing `from` (a REST-fired transition may arrive
 * without one): nothing configured or named, entering the initial status, from no status the lifecycle records
 * a transition out of. Setup attaches no post function to Create; triage records `submitted`.
 */
import type { TransitionName } from '../../domain/rules/rule';
import type { HistoryAction, Status } from '../../domain/vocabulary';
import { STATUSES } from '../../domain/vocabulary';
import type { HistoryEntry } from '../../domain/register-schema';
import { INITIAL_STATUS, WORKFLOW_TRANSITIONS } from '../setup/workflow-definition';
import type { SiteConfig } from '../site-config';
import type { PostFunctionFacts, StatusReport } from './post-function-event';
import { readRuleConfiguration } from './rule-configuration';
import { isTransitionName, transitionBetween, TRANSITIONS } from './transition-catalog';

export type ReportedTransitionName = TransitionName | 'create' | undefined;

const statusById = (config: SiteConfig, id: string | undefined): Status | undefined =>
  id === undefined ? undefined : STATUSES.find((status) => config.statuses[status] === id);

const statusByName = (name: string | undefined): Status | undefined =>
  name === undefined
    ? undefined
    : STATUSES.find((status) => status.toLowerCase() === name.trim().toLowerCase());

/** Ids first: an adopted status may carry another name. */
export const statusOf = (config: SiteConfig, report: StatusReport | undefined): Status | undefined =>
  report === undefined ? undefined : (statusById(config, report.id) ?? statusByName(report.name));

/** The transition a Jira transition name ("Approve") or a rule name ("approve") stands for. */
const transitionNamed = (name: string | undefined): TransitionName | undefined => {
  if (name === undefined) return undefined;
  const wanted = name.trim().toLowerCase();
  if (isTransitionName(wanted)) return wanted;
  return WORKFLOW_TRANSITIONS.find((definition) => definition.name.toLowerCase() === wanted)?.rule;
};

/** The status each recorded transition leaves the issue in; other entries (reminders, marks) say nothing. */
const STATUS_AFTER: Partial<Record<HistoryAction, Status>> = {
  submitted: 'Submitted',
  triaged: 'Risk Review',
  'auto-approved': 'Approved',
  approved: 'Approved',
  rejected: 'Rejected',
  'info-requested': 'Submitted',
  'recertification-started': 'Recertification',
  recertified: 'Approved',
  reverted: 'Reverted',
  retired: 'Retired',
};

/** The status the lifecycle last recorded the issue moving into, or undefined when it records none. */
export const statusRecordedIn = (history: readonly HistoryEntry[]): Status | undefined => {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const status = STATUS_AFTER[history[index]?.action ?? 'reminded'];
    if (status !== undefined) return status;
  }
  return undefined;
};

export const reportedTransitionName = (
  facts: PostFunctionFacts,
  config: SiteConfig,
  /** The lifecycle as it was before this transition was recorded. */
  history: readonly HistoryEntry[],
): ReportedTransitionName => {
  const configured = readRuleConfiguration(facts.configuration).transition;
  if (configured !== undefined) return configured;

  const from = statusOf(config, facts.transition.from) ?? statusById(config, facts.changelogStatus?.from);
  const to = statusOf(config, facts.transition.to) ?? statusById(config, facts.changelogStatus?.to);
  if (from !== undefined && to !== undefined) return transitionBetween(from, to)?.name;

  const named = transitionNamed(facts.transition.name);
  if (named !== undefined) return named;
  if (to === undefined) return undefined;

  const before = from ?? statusRecordedIn(history);
  const candidates = TRANSITIONS.filter(
    (transition) => transition.to === to && (before === undefined || transition.from.includes(before)),
  );
  if (candidates.length === 1 && before !== undefined) return candidates[0]?.name;
  if (to === INITIAL_STATUS && from === undefined && candidates.length === 0) return 'create';
  // Nothing recorded yet and one way in: the only transition there is.
  if (candidates.length === 1) return to === INITIAL_STATUS ? 'create' : candidates[0]?.name;
  return undefined;
};
