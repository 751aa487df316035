import { render, screen, within } from '@testing-library/react';
import { TransitionChecks } from './TransitionChecks';

describe('TransitionChecks', () => {
  it('says "ready" or lists the validator messages verbatim, as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    render(
      <TransitionChecks
        transitions={[
          {
            name: 'approve',
            label: 'Approve',
            blockers: ['You raised this exception: someone else must approve it.', hostile],
          },
          { name: 'reject', label: 'Reject', blockers: [] },
        ]}
      />,
    );
    const rows = within(screen.getByRole('list', { name: 'Transitions' })).getAllByRole('listitem');
    expect(rows[rows.length - 1]?.textContent).toBe('Reject: ready');
    const blockers = within(screen.getByRole('list', { name: 'Why Approve would be refused' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(blockers).toEqual(['You raised this exception: someone else must approve it.', hostile]);
    expect(screen.getByText('Approve: would be refused')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('says when no transition is open to the viewer', () => {
    render(<TransitionChecks transitions={[]} />);
    expect(screen.getByText('No transition is open to you from this status.')).toBeTruthy();
  });
});
