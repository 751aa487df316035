/**
 * ISSUE 8 item 3 (and item 4's pictures), every page of the sandbox in Chromium, light and dark: an axe-core scan
 * of the shell and of each app iframe finds no serious or critical violation, and a screenshot of each page in
 * each theme is written to test-artifacts/screenshots/<page>-<light|dark>.png (gitignored). With
 * UPDATE_DOCS_SCREENSHOTS=1 it also writes the README's pictures (docs/*.png, light, cropped to the app).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { chromiumAvailable } from './chromium';
import { appFrame, openPage, useSandboxAndBrowser } from './browser-fixture';
import { REPO_DIR } from './sandbox-process';

jest.setTimeout(240_000);

const SHOTS_DIR = path.join(REPO_DIR, 'test-artifacts', 'screenshots');
const DOCS_DIR = path.join(REPO_DIR, 'docs');
const AXE_SOURCE = readFileSync(path.join(REPO_DIR, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface Violation {
  where: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe in one document (the shell without its iframes, or one app): its serious and critical violations. */
const scan = async (where: string, target: Page | Frame): Promise<Violation[]> => {
  // Evaluated, not a <script> tag: the apps' CSP (script-src 'self', as Forge's) refuses inline scripts.
  await target.evaluate(AXE_SOURCE);
  const found = await target.evaluate(async () => {
    // Runs in the page: its `document` and the `axe` the script above defined (this file has no DOM types).
    const { axe, document } = globalThis as unknown as {
      axe: { run: (...args: unknown[]) => Promise<unknown> };
      document: unknown;
    };
    const results = (await axe.run(document, { iframes: false, resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)),
    }));
  });
  return found
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ where, ...violation }));
};

const scanAll = async (name: string, page: Page): Promise<Violation[]> => {
  const violations = await scan(`${name}: shell`, page);
  for (const frame of page.frames())
    if (frame !== page.mainFrame()) violations.push(...(await scan(`${name}: ${frame.url()}`, frame)));
  return violations;
};

/** Lets the apps finish drawing (fonts, lazy chunks, the frames' heights) before a picture. */
const settle = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
};

const toggleTheme = async (page: Page, to: 'Dark theme' | 'Light theme') => {
  await page.getByRole('button', { name: to }).click();
  const mode = to === 'Dark theme' ? 'dark' : 'light';
  for (const frame of page.frames())
    await frame.waitForSelector(`html[data-color-mode="${mode}"]`, { state: 'attached' });
  await settle(page);
};

interface PageCase {
  name: string;
  hash: string;
  /** Brings the page to the state pictured, and answers the element the README crops to (if any). */
  prepare: (page: Page) => Promise<void>;
  docs?: { file: string; iframeTitle: string };
}

const CASES: PageCase[] = [
  {
    name: 'issue-list',
    hash: '#/issues',
    prepare: async (page) => {
      await page.getByRole('link', { name: 'SEC-80' }).waitFor();
    },
  },
  {
    name: 'issue-view',
    hash: '#/issues',
    prepare: async (page) => {
      const approved = page
        .getByRole('row')
        .filter({ has: page.getByText('Approved', { exact: true }) })
        .first();
      await approved.getByRole('link').click();
      const panel = await appFrame(page, 'Security exception issue panel');
      await panel.getByRole('heading', { name: /^Security exception / }).waitFor();
    },
    docs: { file: 'issue-view.png', iframeTitle: '' },
  },
  {
    name: 'create-form',
    hash: '#/create',
    prepare: async (page) => {
      await page.getByRole('form', { name: 'Raise a security exception' }).waitFor();
    },
  },
  {
    name: 'dashboard-gadget',
    hash: '#/dashboard',
    prepare: async (page) => {
      const gadget = await appFrame(page, 'Security exception KPIs');
      await gadget.getByRole('heading', { name: /^Security exceptions, / }).waitFor();
    },
    docs: { file: 'kpi-gadget.png', iframeTitle: 'Security exception KPIs' },
  },
  {
    name: 'dashboard-gadget-edit',
    hash: '#/dashboard',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const edit = await appFrame(page, 'Security exception KPIs (edit)');
      await edit.getByRole('button', { name: 'Save' }).waitFor();
    },
  },
  ...(
    [
      ['Policy', 'Policy'],
      ['Setup', 'Setup'],
      ['Self-check', 'Platform self-check'],
      ['Export', 'Export for the auditors'],
      ['Import', 'Import a register'],
      ['Sweeps', 'Lifecycle sweeps'],
    ] as const
  ).map(([tab, heading]): PageCase => ({
    name: `admin-${tab.toLowerCase()}`,
    hash: '#/admin',
    prepare: async (page) => {
      const admin = await appFrame(page, 'Security Exceptions administration');
      await admin.getByRole('tab', { name: tab }).click();
      await admin
        .getByRole('tabpanel')
        .getByRole('heading', { name: heading, exact: true })
        .first()
        .waitFor();
      await admin.getByText(/^Loading/).waitFor({ state: 'detached' });
    },
    ...(tab === 'Policy'
      ? { docs: { file: 'admin-page.png', iframeTitle: 'Security Exceptions administration' } }
      : {}),
  })),
];

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser('every sandbox page, light and dark', () => {
  const fixture = useSandboxAndBrowser();

  beforeAll(() => {
    mkdirSync(SHOTS_DIR, { recursive: true });
  });

  it.each(CASES)(
    '$name: no serious or critical axe violation; screenshots in light and dark',
    async (pageCase) => {
      const { page, errors } = await openPage(fixture, pageCase.hash);
      await pageCase.prepare(page);
      await settle(page);
      const violations = await scanAll(`${pageCase.name} (light)`, page);
      await page.screenshot({ path: path.join(SHOTS_DIR, `${pageCase.name}-light.png`), fullPage: true });
      if (pageCase.docs !== undefined && process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
        mkdirSync(DOCS_DIR, { recursive: true });
        const target =
          pageCase.docs.iframeTitle === ''
            ? page.locator('main')
            : page.locator(`iframe[title="${pageCase.docs.iframeTitle}"]`);
        // Cropped to the app, and to its first screenful: a README picture, not a scroll.
        const box = await target.boundingBox();
        if (box === null) throw new Error(`${pageCase.name}: nothing to picture`);
        await page.screenshot({
          path: path.join(DOCS_DIR, pageCase.docs.file),
          clip: { ...box, height: Math.min(box.height, 1000) },
          fullPage: true,
        });
      }

      await toggleTheme(page, 'Dark theme');
      violations.push(...(await scanAll(`${pageCase.name} (dark)`, page)));
      await page.screenshot({ path: path.join(SHOTS_DIR, `${pageCase.name}-dark.png`), fullPage: true });

      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
