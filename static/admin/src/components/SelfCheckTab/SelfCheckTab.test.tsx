import { render, screen, within } from '@testing-library/react';
import { onInvoke, resetBridge } from '@shared/test/bridge-stub';
import { SelfCheckTab } from './SelfCheckTab';

afterEach(resetBridge);

describe('SelfCheckTab', () => {
  it('lists each handler with its assumptions and a warning where the platform differs', async () => {
    onInvoke({
      getPlatformSelfCheck: () => ({
        ok: true,
        sources: [
          {
            source: 'validate-transition',
            description: 'The workflow validator.',
            sightings: [
              {
                shape: { payload: { $: 'object' }, truncated: false },
                firstSeenAt: '2026-11-01T00:00:00.000Z',
                lastSeenAt: '2026-11-02T00:00:00.000Z',
                count: 4,
              },
            ],
            assumptions: [
              {
                id: 'issue-key',
                assumption: 'The payload names the issue by key.',
                status: 'refuted',
                message: 'issue.key was missing in the last call.',
              },
            ],
            warnings: ['WARNING: issue.key was missing in the last call.'],
          },
        ],
      }),
    });
    render(<SelfCheckTab />);
    expect(await screen.findByText('The platform differs from what the code expects')).toBeTruthy();
    expect(screen.getByText('WARNING: issue.key was missing in the last call.')).toBeTruthy();
    expect(screen.getByText('Seen 4 times, last at 2026-11-02T00:00:00.000Z.')).toBeTruthy();
    const assumptions = within(screen.getByRole('list', { name: 'Assumptions of validate-transition' }));
    expect(assumptions.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'differs The payload names the issue by key. — issue.key was missing in the last call.',
    ]);
  });

  it('shows a failed call with a way to try again', async () => {
    onInvoke({ getPlatformSelfCheck: () => Promise.reject(new Error('network')) });
    render(<SelfCheckTab />);
    expect(await screen.findByText('Something went wrong')).toBeTruthy();
    expect(
      screen.getByText(
        'The app could not reach its server (getPlatformSelfCheck). Reload the page; if it keeps failing, ask a Jira admin to look at the app.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
