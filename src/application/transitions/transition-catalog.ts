/**
 * The workflow of DESIGN.md §3 as the use cases need it: each enforced transition's name (the one a validator's
 * configuration names, e.g. {"transition":"approve"}), the statuses it leaves and enters, and the history action
 * its post function records.
 */
import type { TransitionName } from '../../domain/rules/rule';
import type { HistoryAction, Status } from '../../domain/vocabulary';

export interface CatalogTransition {
  readonly name: TransitionName;
  readonly from: readonly Status[];
  readonly to: Status;
  readonly action: HistoryAction;
}

export const TRANSITIONS: readonly CatalogTransition[] = [
  { name: 'triage', from: ['Submitted'], to: 'Risk Review', action: 'triaged' },
  { name: 'auto-approve', from: ['Submitted'], to: 'Approved', action: 'auto-approved' },
  { name: 'request-info', from: ['Risk Review'], to: 'Submitted', action: 'info-requested' },
  { name: 'approve', from: ['Risk Review'], to: 'Approved', action: 'approved' },
  { name: 'reject', from: ['Risk Review'], to: 'Rejected', action: 'rejected' },
  {
    name: 'start-recertification',
    from: ['Approved'],
    to: 'Recertification',
    action: 'recertification-started',
  },
  { name: 'recertify', from: ['Recertification'], to: 'Approved', action: 'recertified' },
  { name: 'revert', from: ['Approved', 'Recertification'], to: 'Reverted', action: 'reverted' },
  { name: 'retire', from: ['Approved', 'Recertification'], to: 'Retired', action: 'retired' },
];

export const TRANSITION_NAMES: readonly TransitionName[] = TRANSITIONS.map((transition) => transition.name);

export const isTransitionName = (value: unknown): value is TransitionName =>
  typeof value === 'string' && (TRANSITION_NAMES as readonly string[]).includes(value);

/** The catalog entry of a transition name. */
export const catalogEntry = (name: TransitionName): CatalogTransition => {
  const entry = TRANSITIONS.find((transition) => transition.name === name);
  if (entry === undefined) throw new RangeError(`no transition named ${name}`);
  return entry;
};

/** The transition that moves an exception from one status to another, if the workflow has one. */
export const transitionBetween = (from: Status, to: Status): CatalogTransition | undefined =>
  TRANSITIONS.find((transition) => transition.to === to && transition.from.includes(from));
