/**
 * The workflow of DESIGN.md §3 as data: statuses with their categories, and the transitions with the app's rule
 * name (the `transition` of the validator's configuration), where they go from and to, and their screen.
 */
import type { TransitionName } from '../../domain/rules/rule';
import type { Status } from '../../domain/vocabulary';
import type { StatusCategory } from '../ports/configuration-port';
import type { ScreenKey } from './screen-definition';

export interface StatusDefinition {
  readonly name: Status;
  readonly category: StatusCategory;
  readonly description: string;
}

export const WORKFLOW_STATUSES: readonly StatusDefinition[] = [
  { name: 'Submitted', category: 'TODO', description: 'raised; waiting for triage.' },
  { name: 'Risk Review', category: 'IN_PROGRESS', description: 'being reviewed against the policy.' },
  { name: 'Approved', category: 'IN_PROGRESS', description: 'in force until its expiration date.' },
  {
    name: 'Recertification',
    category: 'IN_PROGRESS',
    description: 'in force; its renewal is being decided.',
  },
  { name: 'Rejected', category: 'DONE', description: 'refused; the control stays in place.' },
  { name: 'Reverted', category: 'DONE', description: 'lapsed or revoked; the control is restored.' },
  { name: 'Retired', category: 'DONE', description: 'no longer needed; the root cause is fixed.' },
];

export interface TransitionDefinition {
  /** The name the app's rules know the transition by (domain/rules/rule.ts). */
  readonly rule: TransitionName;
  /** The transition's name in Jira. */
  readonly name: string;
  readonly from: readonly Status[];
  readonly to: Status;
  readonly screen: ScreenKey | null;
  /**
   * The requester may not make it (segregation of duties): the `not-the-requester` condition hides it from them
   * and the `requester-cannot-decide` expression validator refuses it, both evaluated by Jira itself, so the rule
   * holds even where the app's validator cannot establish who is acting (FORGE_NOTES §16).
   */
  readonly notByRequester: boolean;
  /**
   * Only a reviewer makes it: Jira's `system:restrict-issue-transition` condition offers it to the policy's
   * approver groups only (approver-restriction.ts), with no app code running. The app's validator still checks the
   * tier's own group. Recertify is not among them: the risk owner may recertify (DESIGN.md §3).
   */
  readonly approversOnly: boolean;
}

const transition = (
  rule: TransitionName,
  name: string,
  from: readonly Status[],
  to: Status,
  options: { screen?: ScreenKey; notByRequester?: boolean; approversOnly?: boolean } = {},
): TransitionDefinition => ({
  rule,
  name,
  from,
  to,
  screen: options.screen ?? null,
  notByRequester: options.notByRequester ?? false,
  approversOnly: options.approversOnly ?? false,
});

/** The initial transition: creating an issue puts it in Submitted. */
export const CREATE_TRANSITION_NAME = 'Create';
export const INITIAL_STATUS: Status = 'Submitted';

/**
 * Reject and Revert need a reason (Decision Reason or the comment), and Request info says what is missing: each
 * has a screen so a person can type one (Jira shows a transition's comment box only with a screen).
 */
export const WORKFLOW_TRANSITIONS: readonly TransitionDefinition[] = [
  transition('triage', 'Triage', ['Submitted'], 'Risk Review'),
  transition('auto-approve', 'Auto-approve', ['Submitted'], 'Approved'),
  transition('request-info', 'Request info', ['Risk Review'], 'Submitted', {
    screen: 'comment',
    approversOnly: true,
  }),
  transition('approve', 'Approve', ['Risk Review'], 'Approved', {
    screen: 'review',
    notByRequester: true,
    approversOnly: true,
  }),
  transition('reject', 'Reject', ['Risk Review'], 'Rejected', { screen: 'decision', approversOnly: true }),
  transition('start-recertification', 'Start recertification', ['Approved'], 'Recertification'),
  transition('recertify', 'Recertify', ['Recertification'], 'Approved', {
    screen: 'recertify',
    notByRequester: true,
  }),
  transition('revert', 'Revert', ['Approved', 'Recertification'], 'Reverted', { screen: 'decision' }),
  transition('retire', 'Retire', ['Approved', 'Recertification'], 'Retired'),
];
