/** Small builders for the KPI tests: a valid exception record with overrides, history entries, a policy. */
import type { z } from 'zod';
import { PolicySchema, type Policy } from '../../../src/domain/policy-schema';
import {
  ExceptionRecordSchema,
  type ExceptionRecord,
  type ExceptionRecordInput,
  type HistoryEntrySchema,
} from '../../../src/domain/register-schema';
import { toInstant } from '../../../src/domain/utc-days';

export type HistoryEntryInput = z.input<typeof HistoryEntrySchema>;

/** The fixed clock of these tests; its default KPI period is 2025-12 … 2026-11. */
export const NOW = '2026-11-21T09:00:00Z';

let sequence = 0;

/** A valid record (parsed, so defaults apply) that differs from a plain submitted Firewall rule only by `overrides`. */
export const anException = (overrides: Partial<ExceptionRecordInput> = {}): ExceptionRecord => {
  sequence += 1;
  return ExceptionRecordSchema.parse({
    key: `SEC-${sequence}`,
    summary: `Exception ${sequence}`,
    type: 'Firewall rule',
    urgency: 'Standard',
    status: 'Submitted',
    requester: { accountId: 'a1', displayName: 'Ana' },
    riskOwner: { accountId: 'b2', displayName: 'Bo' },
    justification: 'Partner integration needs inbound 8443 until the new gateway ships',
    compensatingControls: 'IP allow-listing + daily log review',
    expirationDate: '2027-01-31',
    affectedAssets: ['fw-edge-01'],
    createdAt: '2026-10-01T00:00:00Z',
    ...overrides,
  });
};

/** The instant `hours` after `isoInstant` (fractions allowed), in the register's style. */
export const hoursAfter = (isoInstant: string, hours: number): string =>
  toInstant(Date.parse(isoInstant) + hours * 3_600_000);

const periodFields = (at: string): Pick<HistoryEntryInput, 'periodStart' | 'periodEnd'> => ({
  periodStart: at.slice(0, 10),
  periodEnd: '2099-12-31',
});

export const approvedAt = (at: string): HistoryEntryInput => ({
  at,
  action: 'approved',
  by: 'c3',
  ...periodFields(at),
});
export const autoApprovedAt = (at: string): HistoryEntryInput => ({
  at,
  action: 'auto-approved',
  by: null,
  ...periodFields(at),
});
export const recertifiedAt = (at: string): HistoryEntryInput => ({
  at,
  action: 'recertified',
  by: 'b2',
  ...periodFields(at),
});
export const rejectedAt = (at: string): HistoryEntryInput => ({
  at,
  action: 'rejected',
  by: 'c3',
  note: 'No controls',
});
export const submittedAt = (at: string): HistoryEntryInput => ({ at, action: 'submitted', by: 'a1' });

/** An exception created at `createdAt` and first approved by a person `hours` later. */
export const approvedAfter = (hours: number, createdAt = '2026-10-01T00:00:00Z'): ExceptionRecord =>
  anException({
    status: 'Approved',
    createdAt,
    history: [submittedAt(createdAt), approvedAt(hoursAfter(createdAt, hours))],
  });

/** The default policy with KPI settings overridden. */
export const policyWith = (kpi: Partial<Policy['kpi']> = {}, overrides: Partial<Policy> = {}): Policy =>
  PolicySchema.parse({
    version: 1,
    ...overrides,
    kpi: { assetInventorySize: null, assetsExceptedTarget: 0.05, decisionTargetHours: 48, ...kpi },
  });
