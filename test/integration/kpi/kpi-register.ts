/**
 * A register of many varied exceptions over several projects, from the one record builder
 * (test/builders/exception-record.ts): every status, type and urgency, decisions at fractional hours, assets shared
 * across projects, controls that are padding, expirations past and future or none. Deterministic.
 */
import type { ExceptionRecord, HistoryEntry, Register } from '../../../src/domain/register-schema';
import { toInstant } from '../../../src/domain/utc-days';
import { EXCEPTION_TYPES, STATUSES, URGENCIES } from '../../../src/domain/vocabulary';
import { generateException, REQUESTER } from '../../builders/exception-record';

const ASSETS = ['fw-edge-01', 'sftp-prod-01', 'db-prod-07', 'crm-01', 'vpn-02', 'lab-03', 'web-01', 'web-02'];
const CONTROLS = ['IP allow-listing and daily log review.', '', 'n/a', 'Jump host with MFA.'];
const DAY_MS = 86_400_000;
const START_MS = Date.parse('2025-11-01T00:00:00Z');

const decided = (status: string): boolean =>
  ['Approved', 'Recertification', 'Rejected', 'Reverted', 'Retired'].includes(status);

const historyOf = (index: number, status: string, createdAt: string): HistoryEntry[] => {
  const history: HistoryEntry[] = [{ at: createdAt, action: 'submitted', by: REQUESTER.accountId }];
  if (!decided(status)) return history;
  // Fractional hours, so the exact floats of the approval times matter.
  const at = toInstant(Date.parse(createdAt) + ((index * 7_919) % 400_000) * 1_000 + 250_000);
  if (status === 'Rejected') {
    history.push({ at, action: 'rejected', by: 'acc-reviewer-cy', note: 'No controls' });
    return history;
  }
  const auto = index % 5 === 0;
  history.push({
    at,
    action: auto ? 'auto-approved' : 'approved',
    by: auto ? null : 'acc-reviewer-cy',
    periodStart: at.slice(0, 10),
    periodEnd: toInstant(Date.parse(at) + 80 * DAY_MS).slice(0, 10),
  });
  if (status === 'Reverted')
    history.push({ at: toInstant(Date.parse(at) + 81 * DAY_MS), action: 'reverted', by: null });
  if (status === 'Retired')
    history.push({ at: toInstant(Date.parse(at) + 10 * DAY_MS), action: 'retired', by: 'acc-reviewer-cy' });
  return history;
};

export const kpiRecord = (index: number, projectKey: string): ExceptionRecord => {
  const status = STATUSES[(index * 3) % STATUSES.length] ?? 'Submitted';
  const createdMs = START_MS + ((index * 13) % 380) * DAY_MS + ((index * 37) % 86_400) * 1_000;
  const createdAt = toInstant(createdMs);
  const expiryChoice = index % 4;
  return generateException({
    key: `${projectKey}-${String(index + 1)}`,
    type: EXCEPTION_TYPES[index % EXCEPTION_TYPES.length] ?? 'Other',
    urgency: index % 6 === 0 ? null : (URGENCIES[index % 2] ?? 'Standard'),
    status,
    compensatingControls: CONTROLS[index % CONTROLS.length] ?? '',
    expirationDate:
      expiryChoice === 0 ? null : toInstant(createdMs + (30 + ((index * 11) % 200)) * DAY_MS).slice(0, 10),
    affectedAssets: [ASSETS[index % ASSETS.length] ?? 'x', ASSETS[(index * 5) % ASSETS.length] ?? 'x'],
    createdAt,
    history: historyOf(index, status, createdAt),
  });
};

/** `perProject` exceptions in each of `projectKeys`. */
export const kpiRegister = (projectKeys: readonly string[], perProject: number): Register => ({
  version: 1,
  exceptions: projectKeys.flatMap((projectKey, p) =>
    Array.from({ length: perProject }, (_, i) => kpiRecord(p * perProject + i, projectKey)),
  ),
});
