/** Small pieces of the rules' messages, so every message names people, groups and dates the same way. */
import type { UserRef } from '../register-schema';
import type { TransitionName } from './rule';

/** `a`, `a or b`, `a, b or c`. */
export const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;

/** `a`, `a and b`, `a, b and c`. */
export const andList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

/** `the risk owner (Bo)`; just `the risk owner` when there is no person or no display name to show. */
export const rolePerson = (role: string, person: UserRef | null): string =>
  person === null || person.displayName.trim() === '' ? role : `${role} (${person.displayName.trim()})`;

/** The transition as the subject of a sentence: "Approving a High risk exception needs …". */
export const TRANSITION_GERUNDS: Readonly<Record<TransitionName, string>> = {
  triage: 'Triaging',
  'auto-approve': 'Auto-approving',
  'request-info': 'Requesting more information on',
  approve: 'Approving',
  reject: 'Rejecting',
  'start-recertification': 'Starting recertification of',
  recertify: 'Recertifying',
  revert: 'Reverting',
  retire: 'Retiring',
};
