/** A Firewall rule exception in Recertification on 2026-11-21, approved 2026-09-02 through 2026-12-01. */
import { justificationDigest } from '../../../src/domain/justification-digest';
import type { ExceptionRecordInput } from '../../../src/domain/register-schema';
import { generateException, REQUESTER } from '../../builders/exception-record';

export const APPROVED_JUSTIFICATION = generateException().justification;

export const FRESH_JUSTIFICATION =
  'The partner moves to the HTTPS API in February; until then 400 daily settlements still need SFTP on port 22.';

export const IN_RECERTIFICATION: Partial<ExceptionRecordInput> = {
  status: 'Recertification',
  expirationDate: '2026-12-01',
  createdAt: '2026-09-01T10:00:00Z',
  history: [
    { at: '2026-09-01T10:00:00Z', action: 'submitted', by: REQUESTER.accountId },
    {
      at: '2026-09-02T16:00:00Z',
      action: 'approved',
      by: 'acc-reviewer-cy',
      periodStart: '2026-09-02',
      periodEnd: '2026-12-01',
      policyVersion: 1,
      justificationDigest: justificationDigest(APPROVED_JUSTIFICATION),
    },
    { at: '2026-11-07T00:00:00Z', action: 'recertification-started', by: null },
  ],
};

/** The owner's edits on the Recertify screen: a fresh justification and a new date within 90 days. */
export const RENEWAL_EDITS: Partial<ExceptionRecordInput> = {
  justification: FRESH_JUSTIFICATION,
  expirationDate: '2027-02-19',
};
