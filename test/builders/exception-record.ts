/**
 * Test builder for a parsed ExceptionRecord. The default is an exception ready for Approve on 2026-11-21: a
 * Medium-rated Firewall rule in Risk Review, every field filled, that passes every rule of the approve
 * transition for an approver in `security-reviewers`. Override only what a test is about.
 */
import {
  ExceptionRecordSchema,
  type ExceptionRecord,
  type ExceptionRecordInput,
} from '../../src/domain/register-schema';

/** The instant the default record is "ready" at; its expiration date is within the 90-day cap from this day. */
export const BUILDER_NOW = '2026-11-21T09:00:00Z';

export const REQUESTER = { accountId: 'acc-requester-ana', displayName: 'Ana Requester' } as const;
export const RISK_OWNER = { accountId: 'acc-owner-bo', displayName: 'Bo Owner', active: true } as const;

const defaults = (): ExceptionRecordInput => ({
  id: '10012',
  key: 'SEC-12',
  summary: 'Inbound SFTP from the payments partner to sftp-prod-01',
  type: 'Firewall rule',
  urgency: 'Standard',
  riskRating: 'Medium',
  status: 'Risk Review',
  requester: { ...REQUESTER },
  riskOwner: { ...RISK_OWNER },
  justification:
    'The payments partner can only deliver settlement files over SFTP; without port 22 open, 400 daily settlements are delayed.',
  compensatingControls: 'IP allow-listing to the partner range and daily log review.',
  expirationDate: '2027-02-01',
  affectedAssets: ['fw-edge-01', 'sftp-prod-01'],
  remediationPlan: 'Move the partner to the HTTPS upload API before the rule expires.',
  attachmentCount: 1,
  recertificationChecklist: {
    'Controls still effective': true,
    'Justification still valid': true,
    'No better option available': true,
  },
  createdAt: '2026-11-20T10:00:00Z',
  history: [
    { at: '2026-11-20T10:00:00Z', action: 'submitted', by: REQUESTER.accountId },
    { at: '2026-11-20T10:00:05Z', action: 'triaged', by: null },
  ],
});

/** A valid, parsed record: defaults overlaid with `overrides` (whole members replaced), checked by the schema. */
export const generateException = (overrides: Partial<ExceptionRecordInput> = {}): ExceptionRecord =>
  ExceptionRecordSchema.parse({ ...defaults(), ...overrides });
