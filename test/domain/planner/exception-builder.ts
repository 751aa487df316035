/** Test builders for the planner's tests: an exception record with overridable fields, and its history entries. */
import {
  ExceptionRecordSchema,
  type ExceptionRecord,
  type ExceptionRecordInput,
} from '../../../src/domain/register-schema';
import type { ReminderKind } from '../../../src/domain/vocabulary';

export type EntryInput = NonNullable<ExceptionRecordInput['history']>[number];

/** The register example's SEC-12 (DESIGN.md §7) without its history, Approved, unless overridden. */
export const anException = (overrides: Partial<ExceptionRecordInput> = {}): ExceptionRecord =>
  ExceptionRecordSchema.parse({
    key: 'SEC-12',
    summary: 'MFA bypass for legacy CRM',
    type: 'MFA bypass',
    urgency: 'Standard',
    riskRating: 'High',
    status: 'Approved',
    requester: { accountId: 'a1', displayName: 'Ana' },
    riskOwner: { accountId: 'b2', displayName: 'Bo', active: true },
    justification: 'Legacy CRM blocks sales logins; revenue loss $10k/week',
    compensatingControls: 'IP allow-listing + daily log review',
    expirationDate: '2026-12-01',
    affectedAssets: ['crm-legacy-01'],
    attachmentCount: 1,
    createdAt: '2026-09-01T10:00:00Z',
    history: [],
    ...overrides,
  });

export const entry = (
  action: EntryInput['action'],
  at: string,
  extra: Partial<EntryInput> = {},
): EntryInput => ({
  at,
  action,
  by: null,
  ...extra,
});

export const submitted = (at: string): EntryInput => entry('submitted', at, { by: 'a1' });

/** An approval of the period `periodStart` → `periodEnd`, decided at 16:00 on its first day unless told. */
export const approved = (
  periodStart: string,
  periodEnd: string,
  at = `${periodStart}T16:00:00Z`,
): EntryInput => entry('approved', at, { by: 'c3', periodStart, periodEnd, policyVersion: 3 });

export const recertified = (
  periodStart: string,
  periodEnd: string,
  at = `${periodStart}T16:00:00Z`,
): EntryInput => entry('recertified', at, { by: 'b2', periodStart, periodEnd, policyVersion: 3 });

export const reminded = (reminder: ReminderKind, at: string): EntryInput =>
  entry('reminded', at, { reminder });
