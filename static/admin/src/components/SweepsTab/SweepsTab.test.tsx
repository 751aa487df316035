import { render, screen } from '@testing-library/react';
import { onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { SweepsTab } from './SweepsTab';

afterEach(resetBridge);

const base = { fannedOut: 0, continued: false, actions: {}, issuesSwept: 0, failedCount: 0, failed: [] };

describe('SweepsTab', () => {
  it('lists each sweep: when, what was done, what failed', async () => {
    onInvoke({
      getSweepStatus: () => ({
        ok: true,
        sweeps: [
          {
            ...base,
            startedAt: '2026-11-02T10:00:00.000Z',
            finishedAt: '2026-11-02T10:00:09.000Z',
            outcome: 'swept',
            issuesSwept: 3,
            actions: { revert: 1, 'remind-75': 2 },
            failedCount: 2,
            failed: [{ issueKey: 'SEC-9', error: 'JiraError: 503' }],
          },
          {
            ...base,
            startedAt: '2026-11-02T09:00:00.000Z',
            finishedAt: '2026-11-02T09:00:01.000Z',
            outcome: 'failed',
            error: 'TypeError: boom',
          },
          {
            ...base,
            startedAt: '2026-11-02T08:00:00.000Z',
            finishedAt: '2026-11-02T08:00:00.000Z',
            outcome: 'not-set-up',
          },
        ],
      }),
    });
    render(<SweepsTab />);
    const table = await screen.findByRole('table');
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      [
        '2026-11-02T10:00:00.000Z',
        '3 issues swept; remind-75 ×2, revert ×1',
        'SEC-9: JiraError: 503; and 1 more',
      ],
      ['2026-11-02T09:00:00.000Z', 'The sweep stopped: TypeError: boom', 'None'],
      ['2026-11-02T08:00:00.000Z', 'Nothing: no project is set up yet.', 'None'],
    ]);
  });

  it('says when no sweep has run yet', async () => {
    onInvoke({ getSweepStatus: () => ({ ok: true, sweeps: [] }) });
    render(<SweepsTab />);
    expect(await screen.findByText('No sweep has run yet. The sweep runs every hour.')).toBeTruthy();
  });
});
