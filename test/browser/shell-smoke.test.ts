/**
 * Smoke test of the sandbox in a real browser: the shell lists the seeded exceptions, opens one and shows its
 * fields, with the issue panel app loaded beside it through the bridge.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromiumAvailable, launchChromium, type LaunchedBrowser } from './chromium';
import { REPO_DIR, startSandboxProcess, type SandboxProcess } from './sandbox-process';

jest.setTimeout(180_000);

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser('the sandbox shell in Chromium', () => {
  let sandbox: SandboxProcess;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    if (!existsSync(path.join(REPO_DIR, 'static', 'issue-panel', 'build', 'index.html')))
      execFileSync(process.execPath, [path.join(REPO_DIR, 'tools', 'build-static.mjs')], { cwd: REPO_DIR });
    if (!existsSync(path.join(REPO_DIR, 'sandbox', 'shell', 'build', 'index.html')))
      execFileSync(process.execPath, [path.join(REPO_DIR, 'sandbox', 'build-shell.mjs')], { cwd: REPO_DIR });
    sandbox = await startSandboxProcess();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await sandbox.stop();
  });

  it('opens an exception from the issue list and shows its fields and the issue panel', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${sandbox.url}/`);
    await page.getByRole('heading', { name: 'Security Exceptions sandbox' }).waitFor();
    // The newest SEC exception, as the list shows it to the Jira admin the sandbox starts as.
    const firstRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: /^SEC-\d+$/ }) })
      .first();
    await firstRow.waitFor();
    const key = (await firstRow.getByRole('link').textContent()) ?? '';
    const summary = (await firstRow.getByRole('cell').nth(1).textContent()) ?? '';
    const status = (await firstRow.getByRole('cell').nth(2).textContent()) ?? '';
    expect(key).toBe('SEC-80');
    await firstRow.getByRole('link').click();

    await page.getByRole('heading', { name: `${key}: ${summary}` }).waitFor();
    await expect(page.getByRole('region', { name: 'Workflow' }).isVisible()).resolves.toBe(true);
    const details = page.getByRole('region', { name: 'Details' });
    for (const label of [
      'Exception Type',
      'Business Justification',
      'Risk Owner',
      'Expiration Date',
      'Affected Assets',
    ])
      await expect(details.getByText(label, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(status, { exact: true }).first().isVisible()).resolves.toBe(true);
    await page.frameLocator('iframe[title="Security exception issue panel"]').locator('body').waitFor();
    await expect(
      page.locator('iframe[title="Security exception issue panel"]').getAttribute('src'),
    ).resolves.toBe(`/apps/issue-panel/?issueKey=${key}`);
    expect(errors).toEqual([]);
  });
});
