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
    const issueLink = page.getByRole('link', { name: 'SEC-3', exact: true });
    await issueLink.click();

    await page.getByRole('heading', { name: /^SEC-3: / }).waitFor();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByText('Risk Owner', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(details.getByText('Inês Costa', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Recertification', { exact: true }).first().isVisible()).resolves.toBe(true);
    const panel = page.frameLocator('iframe[title="Security exception issue panel"]');
    await panel.locator('body').waitFor();
    await expect(
      page.locator('iframe[title="Security exception issue panel"]').getAttribute('src'),
    ).resolves.toBe('/apps/issue-panel/?issueKey=SEC-3');
    expect(errors).toEqual([]);
  });
});
