import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bridgeCalls, onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { ScannerTokensTab } from './ScannerTokensTab';

afterEach(resetBridge);

const tokensWith = (secMade: string | null) => ({
  ok: true,
  tokens: [
    { projectKey: 'OPS', createdAt: null, createdBy: null },
    { projectKey: 'SEC', createdAt: secMade, createdBy: secMade === null ? null : 'acc-admin' },
  ],
});

const rows = (): string[][] =>
  Array.from(screen.getByRole('table').querySelectorAll('tbody tr')).map((row) =>
    Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent),
  );

describe('ScannerTokensTab', () => {
  it('lists each project with whether and when its token was made, never a token', async () => {
    onInvoke({ listTriggerTokens: () => tokensWith('2026-11-29T09:00:00Z') });
    render(<ScannerTokensTab />);
    await screen.findByRole('table');

    expect(rows()).toEqual([
      ['OPS', 'None yet', 'Create a token for OPS'],
      ['SEC', 'Made 2026-11-29T09:00:00Z by acc-admin', 'Rotate the token of SEC'],
    ]);
  });

  it('shows a new token once, with the request CI makes, and the list reloaded', async () => {
    let made: string | null = null;
    onInvoke({
      listTriggerTokens: () => tokensWith(made),
      rotateTriggerToken: (payload) => {
        made = '2026-11-30T08:00:00Z';
        return {
          ok: true,
          projectKey: (payload as { projectKey: string }).projectKey,
          token: 'tok-123',
          createdAt: made,
        };
      },
    });
    render(<ScannerTokensTab />);
    await userEvent.click(await screen.findByRole('button', { name: 'Create a token for SEC' }));

    const message = await screen.findByText('New token for SEC');
    const section = message.closest('section') ?? document.body;
    expect(within(section).getByLabelText('Token for SEC').textContent).toBe('tok-123');
    expect(section.textContent).toContain('it is not shown again');
    expect(section.textContent).toContain('?project=SEC&format=trivy');
    expect(bridgeCalls.filter(([name]) => name === 'invoke').map(([, call]) => call)).toEqual([
      expect.objectContaining({ functionKey: 'listTriggerTokens', payload: {} }),
      expect.objectContaining({ functionKey: 'rotateTriggerToken', payload: { projectKey: 'SEC' } }),
      expect.objectContaining({ functionKey: 'listTriggerTokens', payload: {} }),
    ]);
    await screen.findByText('Made 2026-11-30T08:00:00Z by acc-admin');
  });

  it('shows a refusal to rotate, and no token', async () => {
    onInvoke({
      listTriggerTokens: () => tokensWith(null),
      rotateTriggerToken: () => ({
        ok: false,
        error: { code: 'not-admin', message: 'Only Jira administrators can manage scanner tokens.' },
      }),
    });
    render(<ScannerTokensTab />);
    await userEvent.click(await screen.findByRole('button', { name: 'Create a token for OPS' }));

    expect(await screen.findByText('Only Jira administrators can manage scanner tokens.')).toBeTruthy();
    expect(screen.queryByText(/New token/)).toBeNull();
  });
});
