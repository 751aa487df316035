/** The audit trail with archived lifecycle entries put back (src/application/register/whole-history.ts). */
import { mergeHistory } from '../../../src/application/register/whole-history';
import type { HistoryEntry } from '../../../src/domain/register-schema';

const submitted: HistoryEntry = { at: '2026-01-05T09:00:00Z', action: 'submitted', by: 'rae' };
const wholeApproval: HistoryEntry = {
  at: '2026-01-06T09:00:00Z',
  action: 'approved',
  by: 'sam',
  periodStart: '2026-01-06',
  periodEnd: '2026-04-05',
  policyVersion: 3,
  note: 'Reviewed with the CAB.',
};
const slimApproval: HistoryEntry = {
  at: '2026-01-06T09:00:00Z',
  action: 'approved',
  by: null,
  periodStart: '2026-01-06',
  periodEnd: '2026-04-05',
};
const reminder: HistoryEntry = { at: '2026-03-14T09:00:00Z', action: 'reminded', by: null, reminder: '75%' };
const recertified: HistoryEntry = {
  at: '2026-04-01T09:00:00Z',
  action: 'recertified',
  by: 'sam',
  periodStart: '2026-04-06',
  periodEnd: '2026-07-04',
};

describe('mergeHistory', () => {
  it('keeps the archived whole entry instead of the slimmed copy left in the property, in time order', () => {
    expect(mergeHistory([submitted, slimApproval, recertified], [wholeApproval, reminder])).toEqual([
      submitted,
      wholeApproval,
      reminder,
      recertified,
    ]);
  });

  it('keeps an entry once when a retried archive write left it in both places', () => {
    expect(mergeHistory([submitted, { ...reminder }], [reminder])).toEqual([submitted, reminder]);
  });

  it('keeps a period entry the app wrote by itself (by null) that has no whole copy in the archive', () => {
    expect(mergeHistory([submitted, slimApproval], [reminder])).toEqual([submitted, slimApproval, reminder]);
  });

  it('answers the property history as it is when nothing was archived', () => {
    expect(mergeHistory([submitted, wholeApproval], [])).toEqual([submitted, wholeApproval]);
  });
});
