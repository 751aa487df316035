/**
 * Debian's Chromium (/usr/bin/chromium, installed by .ci/run) driven by playwright-core, which never downloads a
 * browser. Each launch gets a fresh profile directory, removed on close, and the flags that keep Chromium quiet
 * and off the network in a container (no sandbox: containers run as root; no GPU; no background updates).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const;

/**
 * Whether the browser tests can run here; they are skipped (and say so) where Chromium is not installed, except
 * where REQUIRE_CHROMIUM is set (.ci/run): there a missing browser is an error, never a silent skip.
 */
export const chromiumAvailable = (): boolean => {
  const found = existsSync(CHROMIUM_PATH);
  if (!found && process.env.REQUIRE_CHROMIUM === '1')
    throw new Error(`REQUIRE_CHROMIUM is set but there is no browser at ${CHROMIUM_PATH}`);
  return found;
};

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh `--user-data-dir` (playwright passes it for a persistent context). */
export const launchChromium = async (
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<LaunchedBrowser> => {
  const profile = await mkdtemp(path.join(tmpdir(), 'sandbox-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1400, height: 1000 },
    colorScheme: options.colorScheme ?? 'light',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
};
