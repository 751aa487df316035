/**
 * ISSUE 7 item 5: the command line against a site, through the simulator's HTTP server with the app's real
 * handlers installed (exception-harness) and the test clock. `kpi`, `plan` and `export` read the register through
 * the REST API with a person's API token; `plan --apply` carries out the due actions once.
 */
import '../integration/transitions/mock-forge-runtime'; // first: the modules imported below load the Forge runtime it maps
import { runCli } from '../../src/cli/run';
import { SITE_USERS } from '../support/simulated-site';
import { EDR_GAP } from '../integration/transitions/scenarios';
import { exceptionSitePerTest } from '../integration/transitions/site-per-test';
import { testClock } from '../integration/transitions/test-clock';

jest.setTimeout(120_000);

const site = exceptionSitePerTest();

const ADMIN_EMAIL = `${SITE_USERS.jiraAdmin}@example.com`;
const ADMIN_TOKEN = `token-${SITE_USERS.jiraAdmin}`;
/** Day 67 of a 90-day period that started 2026-11-21 is 2027-01-27: the 75 % reminder and recertification are due. */
const LATER = '2027-01-28T09:00:00Z';

const run = async (
  args: string[],
  options: { env?: Record<string, string>; files?: Record<string, string> } = {},
) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    readText: (file) => {
      const content = options.files?.[file];
      if (content === undefined) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
      return content;
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    clock: () => Date.parse(testClock.now()),
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
};

/** Jira's workflow decides who may transition: the reviewer may start recertification, the app's validators say. */
const REVIEWER_EMAIL = `${SITE_USERS.securityReviewer}@example.com`;
const REVIEWER_TOKEN = `token-${SITE_USERS.securityReviewer}`;

/** A site and account for usage errors, which are found before any request. */
const SOME_SITE = ['--site', 'https://e.atlassian.net', '--email', 'a@b.c'];

const siteArgs = (email = ADMIN_EMAIL, token = ADMIN_TOKEN): string[] => [
  '--site',
  site().sim.baseUrl,
  '--email',
  email,
  '--token',
  token,
  '--project',
  'SEC',
];

/** An approved 90-day exception and one waiting in Risk Review since the start. */
const seed = async (): Promise<{ approved: string; inReview: string }> => {
  const approved = await site().raise({ ...EDR_GAP, expirationDate: '2027-02-18' });
  const inReview = await site().raise({ ...EDR_GAP, compensatingControls: '' });
  expect([site().statusOf(approved), site().statusOf(inReview)]).toEqual(['Approved', 'Risk Review']);
  testClock.set(LATER);
  return { approved, inReview };
};

const ok = (result: { code: number; stdout: string; stderr: string }): unknown => {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as unknown;
};

describe('security-exceptions against a site', () => {
  it('plan --site lists the due actions with their issue keys, as plan does on the exported register', async () => {
    const { approved, inReview } = await seed();
    const planned = ok(await run(['plan', ...siteArgs(), '--now', LATER]));
    const ids = [approved, inReview].map((key) => site().sim.state.issue(key)?.id ?? '');
    expect(planned).toEqual([
      {
        key: `${ids[1] ?? ''}:sla-breach:once`,
        issueKey: inReview,
        action: 'sla-breach',
        dueAt: '2026-11-26T09:00:00Z',
        reason: expect.stringContaining('Standard decision SLA') as unknown,
      },
      {
        key: `${ids[0] ?? ''}:remind-75:2026-11-21`,
        issueKey: approved,
        action: 'remind-75',
        dueAt: '2027-01-27T00:00:00Z',
        reason: expect.any(String) as unknown,
      },
      {
        key: `${ids[0] ?? ''}:start-recertification:2026-11-21`,
        issueKey: approved,
        action: 'start-recertification',
        dueAt: '2027-01-27T00:00:00Z',
        reason: expect.any(String) as unknown,
      },
    ]);

    const exported = await run(['export', ...siteArgs(), '--now', LATER]);
    const files = { 'register.json': exported.stdout };
    const fromFile = await run(['plan', '--register', 'register.json', '--now', LATER], { files });
    expect(fromFile.stdout).toBe(JSON.stringify(planned, null, 2) + '\n');
  });

  it('kpi --site gives the same report as kpi on the exported register', async () => {
    await seed();
    const fromSite = await run(['kpi', ...siteArgs(), '--now', LATER]);
    ok(fromSite);
    const exported = await run(['export', ...siteArgs(), '--now', LATER]);
    const register = ok(exported) as { exceptions: unknown[] };
    expect(register.exceptions).toHaveLength(2);
    const fromFile = await run(['kpi', '--register', 'register.json', '--now', LATER], {
      files: { 'register.json': exported.stdout },
    });
    expect(fromFile).toEqual(fromSite);
  });

  it('plan --apply does each due action once: a second run does nothing', async () => {
    const { approved, inReview } = await seed();
    const first = ok(
      await run(['plan', ...siteArgs(REVIEWER_EMAIL, REVIEWER_TOKEN), '--now', LATER, '--apply']),
    );
    await site().sim.idle();
    expect(first).toEqual({
      done: [
        {
          key: expect.stringMatching(/:sla-breach:once$/) as unknown,
          issueKey: inReview,
          action: 'sla-breach',
        },
        {
          key: expect.stringMatching(/:remind-75:2026-11-21$/) as unknown,
          issueKey: approved,
          action: 'remind-75',
        },
        {
          key: expect.stringMatching(/:start-recertification:2026-11-21$/) as unknown,
          issueKey: approved,
          action: 'start-recertification',
        },
      ],
      busy: [],
      failed: [],
    });
    expect(site().statusOf(approved)).toBe('Recertification');

    const second = ok(
      await run(['plan', ...siteArgs(REVIEWER_EMAIL, REVIEWER_TOKEN), '--now', LATER, '--apply']),
    );
    await site().sim.idle();
    expect(second).toEqual({ done: [], busy: [], failed: [] });
    expect(ok(await run(['plan', ...siteArgs(), '--now', LATER]))).toEqual([]);
    const actions = (await site().lifecycle(approved)).history.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'reminded')).toHaveLength(1);
    expect(actions.filter((action) => action === 'recertification-started')).toHaveLength(1);
    expect(
      (await site().lifecycle(inReview)).history.filter((entry) => entry.action === 'sla-breached'),
    ).toHaveLength(1);
  });

  it('takes the site and credentials from JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN', async () => {
    const { inReview } = await seed();
    const env = { JIRA_SITE: site().sim.baseUrl, JIRA_EMAIL: ADMIN_EMAIL, JIRA_API_TOKEN: ADMIN_TOKEN };
    const planned = ok(await run(['plan', '--project', 'SEC', '--now', LATER], { env })) as {
      issueKey: string;
    }[];
    expect(planned.map((item) => item.issueKey)).toEqual([inReview, expect.any(String), expect.any(String)]);
  });

  it('says credentials were refused, without printing the token', async () => {
    const result = await run([
      'kpi',
      '--site',
      site().sim.baseUrl,
      '--email',
      ADMIN_EMAIL,
      '--token',
      'wrong-secret-token',
      '--project',
      'SEC',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^security-exceptions: the site refused these credentials \(401 from /);
    expect(result.stderr).not.toContain('wrong-secret-token');
  });
});

describe('security-exceptions against a site: usage errors (exit 2)', () => {
  it.each([
    [
      ['plan', '--project', 'SEC'],
      {},
      'reading a site needs the site (--site URL or JIRA_SITE), the account email (--email or JIRA_EMAIL), an API token (--token or JIRA_API_TOKEN)',
    ],
    [
      ['plan', '--site', 'https://example.atlassian.net', '--project', 'SEC'],
      {},
      'reading a site needs the account email (--email or JIRA_EMAIL), an API token (--token or JIRA_API_TOKEN)',
    ],
    [
      ['kpi', '--project', 'SEC'],
      { JIRA_SITE: 'https://example.atlassian.net', JIRA_EMAIL: 'a@example.com' },
      'reading a site needs an API token (--token or JIRA_API_TOKEN)',
    ],
    [
      ['kpi', '--site', 'not a url', '--email', 'a@example.com', '--token', 'secret-1', '--project', 'SEC'],
      {},
      '--site (or JIRA_SITE) must be a URL such as https://your-site.atlassian.net',
    ],
    [
      ['kpi', '--site', 'https://example.atlassian.net', '--email', 'a@example.com', '--token', 'secret-1'],
      {},
      'reading a site needs --project KEY (one or more)',
    ],
    [['plan', '--register', 'r.json', '--apply'], {}, 'plan --apply needs a site (--site URL, or JIRA_SITE)'],
    [
      [
        'export',
        '--site',
        'https://e.atlassian.net',
        '--email',
        'a@b.c',
        '--token',
        'secret-1',
        '--project',
        'SEC',
        '--register',
        'r.json',
      ],
      {},
      'give either --register FILE or a site (--site, --email, --token, --project), not both',
    ],
    [
      ['kpi', ...SOME_SITE, '--token', 'secret-1', '--project', 'sec;drop'],
      {},
      '--project must be a project key such as SEC (got "sec;drop")',
    ],
    [
      ['kpi', ...SOME_SITE, '--token', '-secret-1', '--project', 'SEC'],
      {},
      'the value of --token starts with "-": write it as --token=VALUE',
    ],
    [['kpi', ...SOME_SITE, '--token=-secret-1'], {}, 'reading a site needs --project KEY (one or more)'],
  ])('%j', async (args, env, message) => {
    const result = await run(args, { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(`security-exceptions: ${message}`);
    expect(result.stderr).not.toContain('secret-1');
  });
});
