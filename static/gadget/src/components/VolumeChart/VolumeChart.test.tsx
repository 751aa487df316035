import { render, screen, within } from '@testing-library/react';
import { volumeByMonth } from '../../test/kpi-answer';
import { VolumeChart } from './VolumeChart';

describe('VolumeChart', () => {
  it('draws one bar per month and summarises the series for screen readers', () => {
    const { container } = render(<VolumeChart volumeByMonth={volumeByMonth} />);

    expect(
      screen.getByRole('img', {
        name: 'Exceptions created per month, Dec 2025 to Nov 2026: 67 in all, at most 12 in a month. The table that follows lists each month.',
      }),
    ).toBeTruthy();
    expect(container.querySelectorAll('rect')).toHaveLength(12);
  });

  it('lists every month with its count in the text alternative', () => {
    render(<VolumeChart volumeByMonth={volumeByMonth} />);

    const table = screen.getByRole('table', { name: 'Exceptions created per month' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'Dec 20254',
      'Jan 20260',
      'Feb 20267',
      'Mar 20263',
      'Apr 20265',
      'May 20269',
      'Jun 20262',
      'Jul 20266',
      'Aug 20261',
      'Sep 20268',
      'Oct 202610',
      'Nov 202612',
    ]);
  });
});
