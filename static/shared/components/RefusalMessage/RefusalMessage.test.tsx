import { render, screen } from '@testing-library/react';
import { RefusalMessage } from './RefusalMessage';

describe('RefusalMessage', () => {
  it('shows the message and each problem as text, paths and sentences alike', () => {
    render(
      <RefusalMessage
        refusal={{
          ok: false,
          error: {
            code: 'invalid-policy',
            message: 'The policy was not saved: 2 problems.',
            problems: [
              { path: 'tiers.High.maxDurationDays', message: 'must be at most 1825 days' },
              '<img src=x onerror=alert(1)>',
            ],
          },
        }}
      />,
    );

    expect(screen.getByText('The policy has problems')).toBeTruthy();
    expect(screen.getByText('The policy was not saved: 2 problems.')).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'tiers.High.maxDurationDays: must be at most 1825 days',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(document.querySelector('img')).toBeNull();
  });
});
