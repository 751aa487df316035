/**
 * What every browser test file shares: one sandbox process and one Chromium for the whole file (started in
 * beforeAll, the builds made first where missing), and the shell's pages and app frames as a person reaches them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { REPO_DIR, startSandboxProcess, type SandboxProcess } from './sandbox-process';

export interface BrowserFixture {
  sandbox: SandboxProcess;
  browser: LaunchedBrowser;
}

/** Builds the apps and the shell when a fresh clone has not yet (`npm start` does the same). */
export const ensureBuilt = (): void => {
  if (!existsSync(path.join(REPO_DIR, 'static', 'issue-panel', 'build', 'index.html')))
    execFileSync(process.execPath, [path.join(REPO_DIR, 'tools', 'build-static.mjs')], { cwd: REPO_DIR });
  if (!existsSync(path.join(REPO_DIR, 'sandbox', 'shell', 'build', 'index.html')))
    execFileSync(process.execPath, [path.join(REPO_DIR, 'sandbox', 'build-shell.mjs')], { cwd: REPO_DIR });
};

/** Registers beforeAll/afterAll for the file and returns the fixture they fill. */
export const useSandboxAndBrowser = (options: { colorScheme?: 'light' | 'dark' } = {}): BrowserFixture => {
  const fixture = {} as BrowserFixture;
  beforeAll(async () => {
    ensureBuilt();
    fixture.sandbox = await startSandboxProcess();
    fixture.browser = await launchChromium(options);
  });
  afterAll(async () => {
    await fixture.browser.close();
    await fixture.sandbox.stop();
  });
  return fixture;
};

/** A new tab at a shell page (`#/dashboard`, `#/issue/SEC-1`…), collecting page errors and dialogs. */
export const openPage = async (
  fixture: BrowserFixture,
  hash: string,
): Promise<{ page: Page; errors: string[]; dialogs: string[] }> => {
  const page = await fixture.browser.context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${fixture.sandbox.url}/${hash}`);
  await page.getByRole('heading', { name: 'Security Exceptions sandbox' }).waitFor();
  return { page, errors, dialogs };
};

/** The frame of an app the shell shows (iframe `title`), once its document has loaded. */
export const appFrame = async (page: Page, title: string): Promise<Frame> => {
  const element = page.locator(`iframe[title="${title}"]`);
  await element.waitFor();
  const frame = await (await element.elementHandle()).contentFrame();
  if (!frame) throw new Error(`no frame for the iframe "${title}"`);
  await frame.waitForLoadState('load');
  return frame;
};
