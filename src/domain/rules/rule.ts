/**
 * The shape of a policy rule (DESIGN.md §3): one rule per file, each answering "ok" or one violation with a
 * stable code and a message a person can act on. Rules are pure; the caller gathers the facts they need.
 */
import type { Policy } from '../policy-schema';
import type { ExceptionRecord } from '../register-schema';

/** Who is making the transition; null when it could not be established (rules then fail closed). */
export type Actor = { kind: 'user'; accountId: string; groups: readonly string[] } | { kind: 'app' } | null;
export type UserActor = Extract<NonNullable<Actor>, { kind: 'user' }>;

export type TransitionName =
  | 'triage'
  | 'auto-approve'
  | 'request-info'
  | 'approve'
  | 'reject'
  | 'start-recertification'
  | 'recertify'
  | 'revert'
  | 'retire';

/** `comment` is what was typed on the transition screen, '' when none. */
export interface TransitionInput {
  readonly name: TransitionName;
  readonly comment: string;
}

/** What Jira says of the Risk Owner, beyond the record (which cannot say it): looked up by the caller. */
export interface RiskOwnerAccess {
  /** Not the app's (or any app's) account. */
  readonly isPerson: boolean;
  /** Jira lets them browse the issue. */
  readonly canBrowse: boolean;
}

/** `before` is the issue as stored; `after` is it with the transition screen's edits overlaid. */
export interface RuleInput {
  readonly transition: TransitionInput;
  readonly before: ExceptionRecord;
  readonly after: ExceptionRecord;
  readonly actor: Actor;
  readonly policy: Policy;
  /** ISO instant; "today" is its UTC date. */
  readonly now: string;
  /** The Risk Owner of `after` as Jira knows them; absent when there is none or the caller did not look. */
  readonly riskOwnerAccess?: RiskOwnerAccess;
}

export interface Violation {
  readonly code: string;
  readonly message: string;
}

export type RuleResult = { readonly ok: true } | ({ readonly ok: false } & Violation);

export interface Rule {
  readonly code: string;
  evaluate(input: RuleInput): RuleResult;
}

export const PASS: RuleResult = { ok: true };

export const fail = (code: string, message: string): RuleResult => ({ ok: false, code, message });
