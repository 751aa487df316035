/**
 * ISSUE 8 item 3, the KPI gadget in Chromium against the sandbox: its tiles show exactly what the `kpi` command
 * prints for the register `export --site` reads from the same simulated site, written as the gadget writes numbers
 * (static/gadget/src/format/format-kpi.ts, re-stated here so a change there is noticed); and its edit view saves a
 * scope and a period (view.submit) that the view then counts.
 */
import { cliInMemory } from '../support/cli-in-memory';
import type { Frame } from 'playwright-core';
import { chromiumAvailable } from './chromium';
import { appFrame, openPage, useSandboxAndBrowser } from './browser-fixture';
import { SANDBOX_NOW } from './sandbox-process';

jest.setTimeout(180_000);

interface Share {
  value: number | null;
  numerator: number;
  denominator: number;
}
interface KpiReport {
  period: { from: string; to: string };
  volumeByMonth: Record<string, number>;
  approvalHours: { mean: number | null; median: number | null; p90: number | null; count: number };
  autoApproved: number;
  overdueShare: Share;
  controlsCoverage: Share;
  withinSla: Share;
  openEnded: number;
}

/** The gadget's formats: at most one decimal without a trailing ".0"; "No data" for an empty denominator. */
const oneDecimal = (value: number): string => {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
};
const percent = (share: Share): string =>
  share.value === null ? 'No data' : `${oneDecimal(share.value * 100)}%`;
const hours = (value: number | null): string => (value === null ? 'No data' : `${oneDecimal(value)} h`);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = (yyyyMm: string): string =>
  `${MONTHS[Number(yyyyMm.slice(5)) - 1] ?? ''} ${yyyyMm.slice(0, 4)}`;

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser('the KPI gadget in Chromium', () => {
  const fixture = useSandboxAndBrowser();

  const cli = (args: string[], files: Record<string, string> = {}): Promise<string> =>
    cliInMemory(args, SANDBOX_NOW, files);

  /** `export --site … | kpi --register -`, as a security lead checks the dashboard from a terminal. */
  const kpiOfSite = async (projects: readonly string[], period: readonly string[] = []) => {
    const { site, email, token } = fixture.sandbox.jira;
    const exported = await cli([
      ...['export', '--site', site, '--email', email, '--token', token],
      ...projects.flatMap((key) => ['--project', key]),
      ...['--now', SANDBOX_NOW, '--format', 'json', '--from', '2024-01-01', '--to', '2026-11-29'],
    ]);
    return JSON.parse(
      await cli(['kpi', '--register', 'exported.json', '--now', SANDBOX_NOW, ...period], {
        'exported.json': exported,
      }),
    ) as KpiReport;
  };

  const tileValue = (frame: Frame, title: string) =>
    frame.getByRole('region', { name: title, exact: true }).getByTestId('kpi-value').textContent();
  const monthVolume = async (frame: Frame, yyyyMm: string) =>
    (await frame
      .locator('tr', { hasText: month(yyyyMm) })
      .locator('td')
      .last()
      .textContent()) ?? '';

  const expectTiles = async (frame: Frame, report: KpiReport) => {
    const total = Object.values(report.volumeByMonth).reduce((sum, count) => sum + count, 0);
    await expect(tileValue(frame, 'Volume')).resolves.toBe(String(total));
    await expect(tileValue(frame, 'Approval time (mean)')).resolves.toBe(hours(report.approvalHours.mean));
    await expect(tileValue(frame, 'Auto-approved')).resolves.toBe(String(report.autoApproved));
    await expect(tileValue(frame, 'Overdue')).resolves.toBe(percent(report.overdueShare));
    await expect(tileValue(frame, 'Controls coverage')).resolves.toBe(percent(report.controlsCoverage));
    await expect(tileValue(frame, 'Decided within SLA')).resolves.toBe(percent(report.withinSla));
    await expect(tileValue(frame, 'Open-ended')).resolves.toBe(String(report.openEnded));
    const overdue = frame.getByRole('region', { name: 'Overdue', exact: true });
    await expect(
      overdue.getByText(`of ${String(report.overdueShare.denominator)} open`).count(),
    ).resolves.toBe(1);
    const coverage = frame.getByRole('region', { name: 'Controls coverage', exact: true });
    await expect(coverage.locator('p').nth(1).textContent()).resolves.toBe(
      `${String(report.controlsCoverage.numerator)} of ${String(report.controlsCoverage.denominator)} in force`,
    );
    for (const [key, count] of Object.entries(report.volumeByMonth))
      await expect(monthVolume(frame, key)).resolves.toBe(String(count));
  };

  it('shows the numbers the kpi command prints for the seeded register', async () => {
    const report = await kpiOfSite(['SEC', 'OPS', 'PAY']);
    const { page, errors } = await openPage(fixture, '#/dashboard');
    const frame = await appFrame(page, 'Security exception KPIs');
    await frame.getByRole('heading', { name: 'Security exceptions, Dec 2025 – Nov 2026' }).waitFor();

    expect(report.period).toMatchObject({ from: '2025-12', to: '2026-11' });
    expect(report.overdueShare.denominator).toBeGreaterThan(50);
    expect(report.controlsCoverage.value).not.toBeNull();
    await expectTiles(frame, report);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves a project and a fixed period in edit mode, and the view counts them', async () => {
    const report = await kpiOfSite(['SEC'], ['--from', '2026-01', '--to', '2026-06']);
    const { page, errors } = await openPage(fixture, '#/dashboard');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = await appFrame(page, 'Security exception KPIs (edit)');
    await edit.getByLabel('Chosen projects').check();
    await edit.getByRole('textbox', { name: 'Project keys' }).fill('SEC');
    await edit.getByLabel('From one month to another').check();
    await edit.getByRole('textbox', { name: 'First month' }).fill('2026-01');
    await edit.getByRole('textbox', { name: 'Last month' }).fill('2026-06');
    await edit.getByRole('button', { name: 'Save' }).click();

    const frame = await appFrame(page, 'Security exception KPIs');
    await frame.getByRole('heading', { name: 'Security exceptions, Jan 2026 – Jun 2026' }).waitFor();
    await expect(frame.getByText(/· Projects: SEC( \(SEC counted live\))?$/).count()).resolves.toBe(1);
    expect(Object.keys(report.volumeByMonth)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    await expectTiles(frame, report);
    // Saved, not only shown: a new visit of the dashboard shows the same scope.
    await page.reload();
    const again = await appFrame(page, 'Security exception KPIs');
    await again.getByRole('heading', { name: 'Security exceptions, Jan 2026 – Jun 2026' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
