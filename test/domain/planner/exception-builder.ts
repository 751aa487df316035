/** Test builders for the planner's tests: an exception record with overridable fields, and its history entries. */
import {
  ExceptionRecordSchema,
  type ExceptionRecord,
  type ExceptionRecordInput,
} from '../../../src/domain/register-schema';
import type { ReminderKind } from '../../../src/domain/vocabulary';
import { designExampleRecord } from '../../builders/design-example-record';

export type EntryInput = NonNullable<ExceptionRecordInput['history']>[number];

/** The register example's SEC-12 (DESIGN.md §7) without its history, Approved, unless overridden. */
export const anException = (overrides: Partial<ExceptionRecordInput> = {}): ExceptionRecord =>
  ExceptionRecordSchema.parse({
    ...designExampleRecord(),
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
