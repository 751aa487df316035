import { render, screen } from '@testing-library/react';
import { PeriodProgress } from './PeriodProgress';

const period = (daysLeft: number) => ({ start: '2026-03-01', end: '2026-05-29', lengthDays: 90, daysLeft });

describe('PeriodProgress', () => {
  it('shows the period in the viewer locale and the days left while it runs', () => {
    render(<PeriodProgress period={period(30)} locale="en-GB" />);
    expect(screen.getByText('1 Mar 2026 to 29 May 2026 (90 days)')).toBeTruthy();
    expect(screen.getByText('30 days left')).toBeTruthy();
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe(String(60 / 90));
    expect(bar.getAttribute('aria-label')).toBe('Period elapsed: 67 %. 30 days left.');
  });

  it('says "2 days left" the day before the last day, in US English too', () => {
    render(<PeriodProgress period={period(2)} locale="en-US" />);
    expect(screen.getByText('Mar 1, 2026 to May 29, 2026 (90 days)')).toBeTruthy();
    expect(screen.getByText('2 days left')).toBeTruthy();
  });

  it('says "Ends today" on the last valid day', () => {
    render(<PeriodProgress period={period(1)} locale="en-GB" />);
    expect(screen.getByText('Ends today')).toBeTruthy();
  });

  it('says how long ago the period ended, singular and plural, with the bar full', () => {
    const { rerender } = render(<PeriodProgress period={period(0)} locale="en-GB" />);
    expect(screen.getByText('Ended 1 day ago')).toBeTruthy();
    rerender(<PeriodProgress period={period(-4)} locale="en-GB" />);
    expect(screen.getByText('Ended 5 days ago')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
  });

  it('starts the bar empty on the first day', () => {
    render(<PeriodProgress period={period(90)} locale="en-GB" />);
    expect(screen.getByText('90 days left')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
  });
});
