import { fireEvent, render, screen } from '@testing-library/react';
import { onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { storedPolicy, versionsAnswer } from '../../test/policy-answer';
import { AdminPage } from './AdminPage';

afterEach(resetBridge);
jest.setTimeout(60_000);

describe('AdminPage', () => {
  it('opens on the policy and loads another tab when it is chosen', async () => {
    onInvoke({
      getPolicy: () => ({ ok: true, policy: storedPolicy(), stored: true }),
      listPolicyVersions: () => versionsAnswer,
      getSweepStatus: () => ({ ok: true, sweeps: [] }),
    });
    render(<AdminPage />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Security Exceptions');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Policy',
      'Setup',
      'Self-check',
      'Export',
      'Import',
      'Sweeps',
      'Scanners',
    ]);
    expect(
      await screen.findByText('Editing version 3, saved by alice at 2026-11-02T10:00:00.000Z.'),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Sweeps' }));
    expect(await screen.findByText('No sweep has run yet. The sweep runs every hour.')).toBeTruthy();
  });
});
