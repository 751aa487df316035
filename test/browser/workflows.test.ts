/**
 * ISSUE 8 item 3, what people try, in Chromium against the sandbox (one sandbox for the file; the tests run in
 * order and the last one moves the clock): an invalid policy value, setup on a project without the app, an
 * approval refused with every reason, a justification that looks like HTML, and 80 days of lifecycle.
 */
import type { Frame, Page } from 'playwright-core';
import { chromiumAvailable } from './chromium';
import { appFrame, openPage, useSandboxAndBrowser } from './browser-fixture';

jest.setTimeout(180_000);

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

/** An Atlaskit select: type to filter, Enter picks the first match. */
const choose = async (page: Page, inputId: string, text: string) => {
  await page.locator(`#${inputId}`).fill(text);
  await page.locator(`#${inputId}`).press('Enter');
};

interface NewException {
  summary: string;
  type: string;
  justification: string;
  controls?: string;
}

/** The shell's create form, filled as a requester would; answers the new issue's key. */
const createException = async (page: Page, exception: NewException): Promise<string> => {
  await page.getByRole('link', { name: 'Create' }).click();
  const form = page.getByRole('form', { name: 'Raise a security exception' });
  await choose(page, 'create-project', 'SEC');
  await form.getByLabel('Summary').fill(exception.summary);
  await choose(page, 'create-type', exception.type);
  await form.getByLabel('Business Justification').fill(exception.justification);
  await choose(page, 'create-owner', 'Kai Müller');
  if (exception.controls !== undefined)
    await form.getByLabel('Compensating Controls').fill(exception.controls);
  await form.getByLabel('Expiration Date').fill('2027-01-15');
  await form.getByLabel('Affected Assets (comma-separated)').fill('vpn-gw-01');
  await form.getByRole('button', { name: 'Create' }).click();
  const created = page.getByRole('link', { name: /^Open SEC-\d+$/ });
  await created.waitFor();
  return ((await created.textContent()) ?? '').replace('Open ', '');
};

const policyVersion = async (page: Page, base: string): Promise<unknown> => {
  const answer = await page.request.post(`${base}/__sandbox/invoke`, {
    data: { app: 'admin', functionKey: 'getPolicy', payload: {} },
  });
  return ((await answer.json()) as { policy: { version: unknown } }).policy.version;
};

describeInBrowser('what people try in the sandbox, in Chromium', () => {
  const fixture = useSandboxAndBrowser();

  it('shows an invalid policy value’s message and saves nothing', async () => {
    const { page, errors } = await openPage(fixture, '#/admin');
    const admin = await appFrame(page, 'Security Exceptions administration');
    await admin.getByText('Editing version 1.').waitFor();
    const field = admin.getByRole('textbox', {
      name: 'Low: longest approval period (days)',
      exact: true,
    });
    await field.fill('0');

    await expect(
      admin.getByRole('list', { name: 'Problems with Low: longest approval period (days)' }).textContent(),
    ).resolves.toBe('must be a whole number of days from 1 to 1825');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(admin.getByRole('alert').textContent()).resolves.toBe(
      'The policy has 1 problem: fix it to save.',
    );
    const save = admin.getByRole('button', { name: 'Save policy' });
    await expect(save.isDisabled()).resolves.toBe(true);
    await save.click({ force: true });
    await expect(policyVersion(page, fixture.sandbox.url)).resolves.toBe(1);
    await expect(
      admin
        .getByRole('table', { name: 'Saved versions of the policy, newest first' })
        .locator('tbody tr')
        .count(),
    ).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs setup on a project without the app and reports what it created', async () => {
    const { page, errors } = await openPage(fixture, '#/admin');
    const admin = await appFrame(page, 'Security Exceptions administration');
    await admin.getByRole('tab', { name: 'Setup' }).click();
    await admin.getByRole('textbox', { name: 'Project key', exact: true }).fill('LAB');
    await admin.getByRole('button', { name: 'Run setup' }).click();
    const report = admin.getByRole('region', { name: 'Setup report' });
    await report.waitFor({ timeout: 60_000 });
    const created = await report
      .getByRole('list', { name: 'Created' })
      .getByRole('listitem')
      .allTextContents();
    // The Exception type, fields and statuses exist site-wide already (SEC, OPS, PAY): LAB gets its schemes.
    expect(created).toEqual([
      'workflow scheme "LAB: Security Exception Workflow Scheme" (10004)',
      'workflow scheme "LAB: Security Exception Workflow Scheme" (10004) assigned to project LAB',
      'issue type screen scheme "LAB: Security Exception Issue Type Screen Scheme" (5)',
      'issue type screen scheme "LAB: Security Exception Issue Type Screen Scheme" (5) assigned to project LAB',
      'site configuration for project LAB',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every reason of an approval the validator refuses', async () => {
    const { page, errors } = await openPage(fixture, '#/create');
    const key = await createException(page, {
      summary: 'Vendor VPN access for the migration',
      type: 'Third-party / vendor access',
      justification: 'Needed for the vendor migration until the new gateway ships in March.',
    });
    await page.getByRole('link', { name: `Open ${key}` }).click();
    const workflow = page.getByRole('region', { name: 'Workflow' });
    await workflow.getByRole('button', { name: 'Auto-approve' }).click();
    await page
      .getByRole('form', { name: 'Auto-approve screen' })
      .getByRole('button', { name: 'Auto-approve' })
      .click();

    const refusal = page.getByText('Auto-approve was refused').locator('xpath=ancestor::section[1]');
    await refusal.waitFor();
    const lines = (await refusal.locator('p').allTextContents()).join('\n').split('\n');
    expect(lines).toEqual([
      'Only the app can auto-approve an exception: use Triage instead, so that an approver can decide in Risk Review.',
      'Only Low risk exceptions can be auto-approved: this one is Medium risk, so a member of security-reviewers must approve it.',
      'The policy does not allow auto-approval of Third-party / vendor access exceptions: a member of security-reviewers must approve it.',
      'Compensating Controls is required for Medium risk: describe what limits the exposure (for example IP allow-listing and daily log review).',
    ]);
    await expect(page.getByText('Submitted', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders a justification that looks like HTML as text, in the issue view and the panel', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const { page, errors, dialogs } = await openPage(fixture, '#/create');
    const key = await createException(page, {
      summary: `Legacy host ${payload}`,
      type: 'Legacy system support',
      justification: payload,
      controls: 'Network isolation',
    });
    await page.getByRole('link', { name: `Open ${key}` }).click();
    await page.getByRole('heading', { name: `${key}: Legacy host ${payload}` }).waitFor();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByText(payload, { exact: true }).count()).resolves.toBe(1);
    const panel: Frame = await appFrame(page, 'Security exception issue panel');
    await panel.getByRole('heading', { name: `Security exception ${key}` }).waitFor();
    // The list shows the summary too.
    await page.getByRole('link', { name: 'Issues' }).click();
    await choose(page, 'project-filter', 'SEC');
    await page.getByRole('link', { name: key }).waitFor();
    await expect(page.getByText(`Legacy host ${payload}`, { exact: true }).count()).resolves.toBe(1);

    for (const frame of page.frames()) await expect(frame.locator('img').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves the clock 80 days: reminders and Recertification on an exception that was in force', async () => {
    const { page, errors } = await openPage(fixture, '#/issues');
    await page.getByRole('button', { name: '+80 days' }).click();
    const did = page.getByRole('region', { name: 'What the sweep did' });
    await did.waitFor({ timeout: 120_000 });
    const change = did.getByRole('listitem').filter({ hasText: ': Approved → Recertification' }).first();
    const key = (await change.getByRole('link').textContent()) ?? '';
    expect(key).toMatch(/^[A-Z]+-\d+$/);
    await change.getByRole('link').click();

    await page.getByRole('heading', { name: new RegExp(`^${key}: `) }).waitFor();
    await expect(
      page.locator('main').getByText('Recertification', { exact: true }).first().isVisible(),
    ).resolves.toBe(true);
    const comments = await page.getByRole('region', { name: 'Comments' }).locator('p').allTextContents();
    expect(comments.some((text) => / this security exception expires in two weeks\./.test(text))).toBe(true);
    expect(
      comments.some((text) =>
        /recertification of this security exception is open: review it and Recertify it/.test(text),
      ),
    ).toBe(true);
    const panel = await appFrame(page, 'Security exception issue panel');
    await panel.getByRole('heading', { name: `Security exception ${key}` }).waitFor();
    await expect(panel.getByText('Recertification', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
