/**
 * ISSUE 7 item 4 (the export half): the admin page's exportRegister resolver through the simulator with the REAL
 * admin resolver and the test clock. Its JSON and CSV are the bytes `security-exceptions export --site` prints for
 * the same window; the register is read as the calling admin, so a project they may not browse is left out.
 */
import '../transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { runCli } from '../../../src/cli/run';
import { ExportRegisterResponseSchema } from '../../../src/contracts/admin-export';
import { KvsStore } from '../../../src/adapters/kvs/kvs-store';
import { JiraConfigurationClient } from '../../../src/adapters/jira/jira-configuration-client';
import { provisionProject } from '../../../src/application/setup/provision-project';
import { lifecycleArchiveKey, LIFECYCLE_PROPERTY_KEY } from '../../../src/application/lifecycle-property';
import { SITE_USERS } from '../../support/simulated-site';
import { fastRetryPolicy } from '../../support/fast-retry-policy';
import { simulatorFetcher } from '../../support/simulator-fetcher';
import { APP_ID, invokeAdminResolver as invoke, writeFields } from '../transitions/exception-harness';
import { EDR_GAP } from '../transitions/scenarios';
import { exceptionSitePerTest } from '../transitions/site-per-test';
import { testClock } from '../transitions/test-clock';

jest.setTimeout(120_000);

const site = exceptionSitePerTest();
const { jiraAdmin, requester } = SITE_USERS;

/** Day 67 of a 90-day period that started 2026-11-21. */
const LATER = '2027-01-28T09:00:00Z';
const WINDOW = { from: '2026-11-01', to: '2027-01-31' };

const cli = async (args: string[]): Promise<string> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    readText: () => {
      throw new Error('no files here');
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    clock: () => Date.parse(testClock.now()),
    env: {},
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
};

const cliExport = (format: 'json' | 'csv', window = WINDOW, projects = ['SEC']) =>
  cli([
    'export',
    '--site',
    site().sim.baseUrl,
    '--email',
    `${jiraAdmin}@example.com`,
    '--token',
    `token-${jiraAdmin}`,
    ...projects.flatMap((key) => ['--project', key]),
    '--now',
    LATER,
    '--format',
    format,
    '--from',
    window.from,
    '--to',
    window.to,
  ]);

/** An approved 90-day exception and one waiting in Risk Review since the start. */
const seed = async (): Promise<string[]> => {
  const approved = await site().raise({ ...EDR_GAP, expirationDate: '2027-02-18' });
  const inReview = await site().raise({ ...EDR_GAP, compensatingControls: '' });
  expect([site().statusOf(approved), site().statusOf(inReview)]).toEqual(['Approved', 'Risk Review']);
  testClock.set(LATER);
  return [approved, inReview];
};

const invalid = (problem: string) => ({
  ok: false,
  error: {
    code: 'invalid-request',
    message: `The admin page sent a request the app does not understand (${problem}). Nothing was changed; reload the page.`,
  },
});

describe('exportRegister through the simulator', () => {
  it.each(['json', 'csv'] as const)(
    'answers the %s the command line prints for the same window, byte for byte',
    async (format) => {
      await seed();
      const answer = await invoke('exportRegister', { ...WINDOW, format }, jiraAdmin);
      expect(ExportRegisterResponseSchema.parse(answer)).toEqual({
        ok: true,
        format,
        filename: `security-exceptions-2026-11-01-to-2027-01-31.${format}`,
        content: await cliExport(format),
        exceptions: 2,
      });
    },
  );

  it('selects the audit window as the command line does: a window before the exceptions holds none', async () => {
    await seed();
    const before = { from: '2026-01-01', to: '2026-11-20' };
    const answer = ExportRegisterResponseSchema.parse(
      await invoke('exportRegister', { ...before, format: 'json' }, jiraAdmin),
    );
    expect(answer).toMatchObject({ ok: true, exceptions: 0 });
    expect(answer.ok && answer.content).toBe(await cliExport('json', before));
    expect(answer.ok && (JSON.parse(answer.content) as { exceptions: unknown[] }).exceptions).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['a valid request', { ...WINDOW, format: 'json' }],
    ['a malformed one', { from: 'yesterday', format: 'pdf', projectKeys: 'SEC' }],
    ['no payload', undefined],
  ])('refuses a non-admin given %s, before the payload is read', async (_name, payload) => {
    await seed();
    expect(await invoke('exportRegister', payload, requester)).toEqual({
      ok: false,
      error: {
        code: 'not-admin',
        message: 'Only Jira administrators can export the security exception register. Nothing was exported.',
      },
    });
  });

  it.each<[string, unknown, string]>([
    [
      'from after to',
      { from: '2027-01-31', to: '2026-11-01', format: 'json' },
      'to: must not be before from',
    ],
    [
      'a window over five years',
      { from: '2020-01-01', to: '2026-01-01', format: 'csv' },
      'to: must be at most 1830 days after from',
    ],
    [
      'a date that is not one',
      { from: '2026-02-30', to: '2026-03-01', format: 'json' },
      'from: must be a real calendar date',
    ],
    [
      'a date in another form',
      { from: '01/11/2026', to: '2026-03-01', format: 'json' },
      'from: must be a date written YYYY-MM-DD',
    ],
    [
      'an unknown format',
      { ...WINDOW, format: 'pdf' },
      'format: Invalid option: expected one of "json"|"csv"',
    ],
    [
      'a project key that is not one',
      { ...WINDOW, format: 'json', projectKeys: ['sec;drop'] },
      'projectKeys.0: must be a Jira project key such as SEC',
    ],
  ])('answers %s with invalid-request naming the field', async (_name, payload, problem) => {
    expect(await invoke('exportRegister', payload, jiraAdmin)).toEqual(invalid(problem));
  });

  it('refuses a project the app is not set up in, without naming it back', async () => {
    expect(
      await invoke('exportRegister', { ...WINDOW, format: 'json', projectKeys: ['SEC', 'NOPE'] }, jiraAdmin),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          'projectKeys names a project the app is not set up in. Nothing was exported; pick set-up projects.',
      },
    });
  });

  it('leaves out a project the admin may not browse (read as the user)', async () => {
    const [secKey] = await seed();
    // A second set-up project anyone may browse, and an admin who holds Administer Jira without Browse on SEC.
    site().sim.state.addProject({ key: 'OPS', name: 'Operations', browse: 'everyone' });
    await provisionProject(
      {
        configuration: new JiraConfigurationClient(simulatorFetcher(site().sim), fastRetryPolicy()),
        store: new KvsStore(),
        appId: APP_ID,
      },
      { projectKey: 'OPS' },
    );
    site().sim.state.addUser({ accountId: 'ops-admin', siteAdmin: true, browsesEveryProject: false });
    const { config } = site();
    const { key: opsKey } = await site()
      .site.asUser(requester)
      .createIssue({
        project: { key: 'OPS' },
        issuetype: { id: config.issueTypeId },
        summary: 'Ops exception',
        ...writeFields(config, { urgency: 'Standard', ...EDR_GAP }),
      });
    await site().sim.idle();

    const keysOf = (answer: unknown): string[] => {
      const parsed = ExportRegisterResponseSchema.parse(answer);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return (JSON.parse(parsed.content) as { exceptions: { key: string }[] }).exceptions.map((e) => e.key);
    };
    const everything = await invoke('exportRegister', { ...WINDOW, format: 'json' }, jiraAdmin);
    expect(keysOf(everything)).toEqual(expect.arrayContaining([secKey, opsKey]));
    expect(keysOf(everything)).toHaveLength(3);
    expect((everything as { content: string }).content).toBe(await cliExport('json', WINDOW, ['SEC', 'OPS']));

    expect(keysOf(await invoke('exportRegister', { ...WINDOW, format: 'json' }, 'ops-admin'))).toEqual([
      opsKey,
    ]);
    expect(
      keysOf(await invoke('exportRegister', { ...WINDOW, format: 'json', projectKeys: ['OPS'] }, jiraAdmin)),
    ).toEqual([opsKey]);
  });

  it('puts archived lifecycle entries back, so the audit trail is whole', async () => {
    const [approved = ''] = await seed();
    const asApp = site().site.asApp;
    const lifecycle = await site().lifecycle(approved);
    const archivedEntry = {
      at: '2026-11-21T08:00:00Z',
      action: 'triaged',
      by: null,
      note: 'an entry compaction moved to the archive',
    };
    await asApp.setIssueProperty(approved, lifecycleArchiveKey(1), { version: 1, entries: [archivedEntry] });
    await asApp.setIssueProperty(approved, LIFECYCLE_PROPERTY_KEY, {
      ...lifecycle,
      archived: { entries: 1, pages: 1 },
    });
    const answer = ExportRegisterResponseSchema.parse(
      await invoke('exportRegister', { ...WINDOW, format: 'json' }, jiraAdmin),
    );
    if (!answer.ok) throw new Error(answer.error.message);
    const register = JSON.parse(answer.content) as { exceptions: { key: string; history: unknown[] }[] };
    const exported = register.exceptions.find((exception) => exception.key === approved);
    expect(exported?.history).toEqual([archivedEntry, ...lifecycle.history]);
  });
});

describe('exportRegister and the 5 MB resolver response limit', () => {
  it('refuses an export larger than one answer can carry, saying what to narrow', async () => {
    const [approved = ''] = await seed();
    const asApp = site().site.asApp;
    const lifecycle = await site().lifecycle(approved);
    // 200 archive pages of one 27,000-character note each: some 5.4 MB of register JSON.
    const pages = 200;
    for (let page = 1; page <= pages; page += 1)
      await asApp.setIssueProperty(approved, lifecycleArchiveKey(page), {
        version: 1,
        entries: [
          { at: '2026-11-21T08:00:00Z', action: 'triaged', by: null, note: `${page} ${'n'.repeat(27_000)}` },
        ],
      });
    await asApp.setIssueProperty(approved, LIFECYCLE_PROPERTY_KEY, {
      ...lifecycle,
      archived: { entries: pages, pages },
    });
    expect(await invoke('exportRegister', { ...WINDOW, format: 'json' }, jiraAdmin)).toEqual({
      ok: false,
      error: {
        code: 'blocked',
        message:
          'The export of 2 exceptions is larger than one answer can carry (4.5 MB). Nothing was exported; narrow the date range or pick fewer projects.',
      },
    });
    // The CSV of the same window carries no history notes, and fits.
    expect(await invoke('exportRegister', { ...WINDOW, format: 'csv' }, jiraAdmin)).toMatchObject({
      ok: true,
      exceptions: 2,
    });
  });
});
