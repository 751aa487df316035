import { render, screen, within } from '@testing-library/react';
import { GetKpisResponseSchema } from '@contracts/gadget-kpis';
import { answer, report } from '../../test/kpi-answer';
import { KpiTiles } from './KpiTiles';

const scope = { scope: { kind: 'all' as const }, projectKeys: ['SEC', 'OPS'] };

const tile = (title: string) => {
  const region = screen.getByRole('region', { name: title });
  return {
    value: within(region).getByTestId('kpi-value').textContent,
    text: region.textContent,
    region,
  };
};

describe('KpiTiles', () => {
  it('uses an answer the contract accepts', () => {
    expect(GetKpisResponseSchema.safeParse(answer).success).toBe(true);
  });

  it('shows each §6 KPI with its value as the tile writes it, its target and its state', () => {
    render(<KpiTiles report={report} scope={scope} siteUrl="https://acme.atlassian.net" />);

    expect(tile('Volume').value).toBe('67');
    expect(tile('Volume').text).toContain('Created Dec 2025 – Nov 2026');
    expect(tile('Approval time (mean)').value).toBe('30.3 h');
    expect(tile('Approval time (mean)').text).toContain('Median 20 h · p90 70.5 h · 12 approved');
    expect(tile('Approval time (mean)').text).toContain('Target: mean ≤ 48 h');
    expect(within(tile('Approval time (mean)').region).getByText('Met')).toBeTruthy();
    expect(tile('Auto-approved').value).toBe('5');
    expect(tile('Overdue').value).toBe('12.5%');
    expect(tile('Overdue').text).toContain('3 of 24 open');
    expect(tile('Overdue').text).toContain('Target: 0%');
    expect(within(tile('Overdue').region).getByText('Not met')).toBeTruthy();
    expect(tile('Controls coverage').value).toBe('90%');
    expect(tile('Controls coverage').text).toContain('18 of 20 in force');
    expect(tile('Controls coverage').text).toContain('No target');
    expect(tile('Decided within SLA').value).toBe('75%');
    expect(tile('Decided within SLA').text).toContain('15 of 20 decided');
    expect(tile('Open-ended').value).toBe('2');
    expect(tile('Open-ended').text).toContain('Target: 0');
    expect(within(tile('Open-ended').region).getByText('Not met')).toBeTruthy();
  });

  it('says "No data" for a share with an empty denominator, never 0 %, and judges nothing', () => {
    render(<KpiTiles report={report} scope={scope} siteUrl="" />);

    const assets = tile('Assets excepted');
    expect(assets.value).toBe('No data');
    expect(assets.text).toContain('Nothing to count yet');
    expect(assets.text).toContain('Target: below 5%');
    expect(assets.text).not.toContain('0%');
    expect(within(assets.region).queryByText('Met')).toBeNull();
    expect(within(assets.region).queryByText('Not met')).toBeNull();
    expect(within(assets.region).getAllByText('No data')).toHaveLength(2);
  });

  it('links the overdue share to the JQL that finds the overdue exceptions', () => {
    render(<KpiTiles report={report} scope={scope} siteUrl="https://acme.atlassian.net" />);

    const link = within(tile('Overdue').region).getAllByRole('link', {
      name: 'Open the 3 overdue exceptions in Jira',
    })[0];
    expect(decodeURIComponent(link?.getAttribute('href') ?? '')).toBe(
      'https://acme.atlassian.net/issues/?jql=issuetype = "Exception" AND project in ("SEC", "OPS") AND status not in ("Rejected", "Reverted", "Retired") AND "Expiration Date" < startOfDay()',
    );
    expect(link?.getAttribute('target')).toBe('_top');
  });

  it('leaves the numbers without an exact query unlinked', () => {
    render(<KpiTiles report={report} scope={scope} siteUrl="" />);

    for (const title of ['Approval time (mean)', 'Auto-approved', 'Assets excepted', 'Decided within SLA']) {
      expect(within(tile(title).region).queryAllByRole('link')).toEqual([]);
    }
  });
});
