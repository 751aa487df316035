/**
 * The audit export (DESIGN.md §7): one flat row per exception with the form fields, tier, every decision with
 * actor and time, recertifications with their checklist answers, reminders sent, the current status and the
 * control mapping. Rows are plain strings and numbers so CSV and spreadsheets need no further formatting.
 */
import { describeMapping } from '../control-mapping';
import { governingRecord } from '../decision-governing-record';
import { findingLine } from '../findings/finding';
import { chronological, daysInForce } from '../period';
import type { Policy } from '../policy-schema';
import type { Checklist, ExceptionRecord, HistoryEntry } from '../register-schema';
import { tierOf } from '../tier';
import { dateOf } from '../utc-days';
import { RECERTIFICATION_CHECKS, isClosed } from '../vocabulary';

export interface ExportRow {
  key: string;
  summary: string;
  type: string;
  status: string;
  urgency: string;
  riskRating: string;
  tier: string;
  requester: string;
  riskOwner: string;
  justification: string;
  compensatingControls: string;
  expirationDate: string;
  affectedAssets: string;
  remediationPlan: string;
  findings: string;
  attachmentCount: number;
  createdAt: string;
  decisions: string;
  recertifications: string;
  remindersSent: string;
  closedAt: string;
  policyVersion: string;
  daysInForce: number;
  cisV8: string;
  iso27001: string;
  soc2: string;
}

/** Column order and headings of the CSV export. */
export const EXPORT_COLUMNS: readonly { key: keyof ExportRow; header: string }[] = [
  { key: 'key', header: 'Key' },
  { key: 'summary', header: 'Summary' },
  { key: 'type', header: 'Exception Type' },
  { key: 'status', header: 'Status' },
  { key: 'urgency', header: 'Urgency' },
  { key: 'riskRating', header: 'Risk Rating' },
  { key: 'tier', header: 'Tier' },
  { key: 'requester', header: 'Requester' },
  { key: 'riskOwner', header: 'Risk Owner' },
  { key: 'justification', header: 'Business Justification' },
  { key: 'compensatingControls', header: 'Compensating Controls' },
  { key: 'expirationDate', header: 'Expiration Date' },
  { key: 'affectedAssets', header: 'Affected Assets' },
  { key: 'remediationPlan', header: 'Remediation Plan' },
  { key: 'findings', header: 'Findings' },
  { key: 'attachmentCount', header: 'Attachments' },
  { key: 'createdAt', header: 'Created' },
  { key: 'decisions', header: 'Decisions' },
  { key: 'recertifications', header: 'Recertifications' },
  { key: 'remindersSent', header: 'Reminders Sent' },
  { key: 'closedAt', header: 'Closed' },
  { key: 'policyVersion', header: 'Policy Version' },
  { key: 'daysInForce', header: 'Days In Force' },
  { key: 'cisV8', header: 'CIS Controls v8' },
  { key: 'iso27001', header: 'ISO/IEC 27001:2022' },
  { key: 'soc2', header: 'SOC 2' },
];

const DECISIONS: readonly HistoryEntry['action'][] = [
  'approved',
  'auto-approved',
  'rejected',
  'reverted',
  'retired',
  'escalated',
];
const CLOSING: readonly HistoryEntry['action'][] = ['rejected', 'reverted', 'retired'];

const actorName = (by: string | null, names: ReadonlyMap<string, string>): string =>
  by === null ? 'the app' : (names.get(by) ?? by);

const userLabel = (user: { accountId: string; displayName: string } | null): string =>
  user === null ? '' : user.displayName === '' ? user.accountId : `${user.displayName} (${user.accountId})`;

const describeDecision = (entry: HistoryEntry, names: ReadonlyMap<string, string>): string => {
  const parts = [`${entry.action} ${entry.at} by ${actorName(entry.by, names)}`];
  if (entry.periodStart !== undefined && entry.periodEnd !== undefined)
    parts.push(`period ${entry.periodStart} to ${entry.periodEnd}`);
  if (entry.policyVersion !== undefined) parts.push(`policy v${entry.policyVersion}`);
  if (entry.note !== undefined && entry.note !== '') parts.push(entry.note);
  return parts.join(', ');
};

const describeChecklist = (checklist: Checklist | undefined): string =>
  checklist === undefined
    ? 'checklist not recorded'
    : RECERTIFICATION_CHECKS.map((check) => `${check}: ${checklist[check] ? 'yes' : 'no'}`).join('; ');

const describeRecertification = (entry: HistoryEntry, names: ReadonlyMap<string, string>): string =>
  `${describeDecision(entry, names)} [${describeChecklist(entry.checklist)}]`;

/** One export row. `now` fixes the days-in-force figure; names map account ids to display names where known. */
export const toExportRow = (record: ExceptionRecord, policy: Policy, now: string): ExportRow => {
  // Exported as decided: edits since the last decision are not what was accepted (DESIGN.md §3).
  const exception = governingRecord(record);
  const names = new Map<string, string>();
  for (const user of [exception.requester, exception.riskOwner]) {
    if (user !== null && user.displayName !== '') names.set(user.accountId, user.displayName);
  }
  const history = chronological(exception.history);
  const mapping = describeMapping(policy.packs[exception.type].controls);
  const versions = history.map((entry) => entry.policyVersion).filter((version) => version !== undefined);
  const closing = history.filter((entry) => CLOSING.includes(entry.action)).at(-1);
  return {
    key: exception.key,
    summary: exception.summary,
    type: exception.type,
    status: exception.status,
    urgency: exception.urgency ?? '',
    riskRating: exception.riskRating ?? '',
    tier: tierOf(exception, policy),
    requester: userLabel(exception.requester),
    riskOwner: userLabel(exception.riskOwner),
    justification: exception.justification,
    compensatingControls: exception.compensatingControls,
    expirationDate: exception.expirationDate ?? '',
    affectedAssets: exception.affectedAssets.join('; '),
    remediationPlan: exception.remediationPlan,
    findings: (exception.findings ?? []).map(findingLine).join('; '),
    attachmentCount: exception.attachmentCount,
    createdAt: exception.createdAt,
    decisions: history
      .filter((entry) => DECISIONS.includes(entry.action))
      .map((entry) => describeDecision(entry, names))
      .join(' | '),
    recertifications: history
      .filter((entry) => entry.action === 'recertified')
      .map((entry) => describeRecertification(entry, names))
      .join(' | '),
    remindersSent: history
      .filter((entry) => entry.action === 'reminded')
      .map((entry) => `${entry.reminder ?? '?'} ${entry.at}`)
      .join(' | '),
    closedAt: isClosed(exception.status) && closing !== undefined ? closing.at : '',
    policyVersion: versions.length === 0 ? '' : String(versions.at(-1)),
    daysInForce: daysInForce(exception.history, now),
    cisV8: mapping.cisV8,
    iso27001: mapping.iso27001,
    soc2: mapping.soc2,
  };
};

/**
 * Whether an exception belongs to an audit window [from, to] (YYYY-MM-DD, inclusive): it was raised by the end of
 * the window and was not already closed before it began. Auditors ask for everything that was live in the period.
 */
export const inAuditWindow = (exception: ExceptionRecord, from: string, to: string): boolean => {
  if (dateOf(exception.createdAt) > to) return false;
  if (!isClosed(exception.status)) return true;
  const closing = chronological(exception.history)
    .filter((entry) => CLOSING.includes(entry.action))
    .at(-1);
  return closing === undefined || dateOf(closing.at) >= from;
};
