/**
 * Small pieces of the rules' messages, so every message names roles, groups and dates the same way. People are named
 * by role, never by display name: a display name is text its owner chose, and messages never echo values (ISSUE 6 B10).
 */
import type { TransitionName } from './rule';

/** `a`, `a or b`, `a, b or c`. */
export const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;

/** `a`, `a and b`, `a, b and c`. */
export const andList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

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
