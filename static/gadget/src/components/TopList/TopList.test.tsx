import { render, screen, within } from '@testing-library/react';
import { report } from '../../test/kpi-answer';
import { TopList } from './TopList';

describe('TopList', () => {
  it('lists each name with its count, a link to its exceptions and its monthly trend as text', () => {
    render(
      <TopList
        title="Top exception types"
        items={report.topTypes}
        trend={report.trend.types}
        jqlFor={(name) => `"Exception Type" = "${name}"`}
        siteUrl="https://acme.atlassian.net"
        emptyText="No exception created in the period"
      />,
    );

    const items = within(screen.getByRole('list', { name: 'Top exception types' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['MFA bypass30', 'Firewall rule15']);
    const link = within(items[0] as HTMLElement).getByRole('link', {
      name: 'Open the exceptions for MFA bypass in Jira',
    });
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toBe(
      'https://acme.atlassian.net/issues/?jql="Exception Type" = "MFA bypass"',
    );
    expect(
      within(items[0] as HTMLElement)
        .getByRole('img')
        .getAttribute('aria-label'),
    ).toBe(
      'MFA bypass by month: Dec 2025 4, Jan 2026 0, Feb 2026 7, Mar 2026 3, Apr 2026 5, May 2026 9, Jun 2026 2, Jul 2026 6, Aug 2026 1, Sep 2026 8, Oct 2026 10, Nov 2026 12',
    );
  });

  it('says so when nothing was created in the period', () => {
    render(
      <TopList
        title="Top assets"
        items={[]}
        jqlFor={() => ''}
        siteUrl=""
        emptyText="No exception created in the period"
      />,
    );

    expect(screen.getByText('No exception created in the period')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
