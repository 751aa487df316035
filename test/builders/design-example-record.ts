/** The exception of the register example in DESIGN.md §7, as written in a register file (before parsing). */
import type { ExceptionRecordInput } from '../../src/domain/register-schema';

export const designExampleRecord = (): ExceptionRecordInput => ({
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
  remediationPlan: '',
  attachmentCount: 1,
  createdAt: '2026-09-01T10:00:00Z',
  history: [
    { at: '2026-09-01T10:00:00Z', action: 'submitted', by: 'a1' },
    {
      at: '2026-09-02T16:00:00Z',
      action: 'approved',
      by: 'c3',
      periodStart: '2026-09-02',
      periodEnd: '2026-12-01',
      policyVersion: 3,
    },
    { at: '2026-11-09T00:00:00Z', action: 'reminded', by: null, reminder: '75%' },
  ],
});
