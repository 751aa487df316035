import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, USAGE } from '../../src/cli/run';
import { designExampleRecord } from '../builders/design-example-record';

const EXAMPLE = path.resolve(__dirname, '../../examples/register.json');
const NOW = '2026-11-21T09:00:00Z';

const validRecord = designExampleRecord();

/** Runs the command line against an in-memory file system and captures what it writes. */
const run = async (args: string[], files: Record<string, string> = {}) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    readText: (file) => {
      const content = files[file];
      if (content !== undefined) return content;
      if (file === EXAMPLE) return readFileSync(EXAMPLE, 'utf8');
      throw new Error(`ENOENT: no such file or directory, open '${file}'`);
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    clock: () => Date.parse(NOW),
  });
  return { code, stdout, stderr };
};

const register = (...exceptions: unknown[]): string => JSON.stringify({ version: 1, exceptions });

describe('security-exceptions kpi', () => {
  it('prints the KPI report of the example register as JSON', async () => {
    const { code, stdout, stderr } = await run(['kpi', '--register', EXAMPLE, '--now', NOW]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'volumeByMonth',
        'approvalHours',
        'overdueShare',
        'controlsCoverage',
        'assetsExcepted',
        'withinSla',
        'openEnded',
        'topTypes',
        'topAssets',
      ]),
    );
    expect(report.volumeByMonth).toEqual({
      '2025-12': 3,
      '2026-01': 3,
      '2026-02': 2,
      '2026-03': 3,
      '2026-04': 3,
      '2026-05': 2,
      '2026-06': 2,
      '2026-07': 3,
      '2026-08': 2,
      '2026-09': 3,
      '2026-10': 3,
      '2026-11': 5,
    });
  });

  it('honours --from and --to', async () => {
    const { code, stdout } = await run([
      'kpi',
      '--register',
      EXAMPLE,
      '--now',
      NOW,
      '--from',
      '2026-10',
      '--to',
      '2026-11',
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { volumeByMonth: unknown }).volumeByMonth).toEqual({
      '2026-10': 3,
      '2026-11': 5,
    });
  });

  it('reports a period that ends before it starts as a usage error', async () => {
    const { code, stdout, stderr } = await run([
      'kpi',
      '--register',
      EXAMPLE,
      '--from',
      '2026-11',
      '--to',
      '2026-10',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(/^security-exceptions: .*2026-11.*2026-10/);
  });
});

describe('security-exceptions plan', () => {
  it('prints the actions due for a single record exactly', async () => {
    const { code, stdout, stderr } = await run(
      ['plan', '--register', 'one.json', '--now', '2026-11-17T08:00:00Z'],
      {
        'one.json': register(validRecord),
      },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        key: 'SEC-12:start-recertification:2026-09-02',
        issueKey: 'SEC-12',
        action: 'start-recertification',
        dueAt: '2026-11-09T00:00:00Z',
        reason:
          'Recertification of the approval period 2026-09-02 → 2026-12-01 (91 days) opens with its first reminder on 2026-11-09.',
      },
      {
        key: 'SEC-12:remind-14d:2026-09-02',
        issueKey: 'SEC-12',
        action: 'remind-14d',
        dueAt: '2026-11-17T00:00:00Z',
        reason:
          '14 days before the end of the approval period 2026-09-02 → 2026-12-01 (91 days), reached on 2026-11-17.',
      },
    ]);
  });

  it('prints an empty list when nothing is due', async () => {
    const { code, stdout } = await run(['plan', '--register', 'one.json', '--now', '2026-11-08T23:59:59Z'], {
      'one.json': register(validRecord),
    });
    expect(code).toBe(0);
    expect(stdout).toBe('[]\n');
  });

  it('plans the example register with every action kind present and sorted by due time', async () => {
    const { code, stdout } = await run(['plan', '--register', EXAMPLE, '--now', NOW]);
    expect(code).toBe(0);
    const actions = JSON.parse(stdout) as { key: string; action: string; dueAt: string }[];
    expect(actions.length).toBeGreaterThan(0);
    const dueTimes = actions.map((action) => action.dueAt);
    expect([...dueTimes].sort()).toEqual(dueTimes);
    expect(new Set(actions.map((action) => action.key)).size).toBe(actions.length);
  });
});

describe('bad input: a message naming the file, record and field; nothing on stdout', () => {
  it.each([
    {
      name: 'an unreadable file',
      args: ['kpi', '--register', 'missing.json'],
      files: {},
      code: 1,
      stderr:
        "security-exceptions: cannot read register file missing.json: ENOENT: no such file or directory, open 'missing.json'\n",
    },
    {
      name: 'invalid JSON',
      args: ['plan', '--register', 'broken.json'],
      files: { 'broken.json': '{"version": 1, "exceptions": [' },
      code: 1,
      stderr: expect.stringMatching(/^security-exceptions: broken\.json is not valid JSON: .+\n$/) as unknown,
    },
    {
      name: 'a record with a bad field',
      args: ['kpi', '--register', 'bad.json'],
      files: { 'bad.json': register({ ...validRecord, expirationDate: '01/12/2026' }) },
      code: 1,
      stderr: 'security-exceptions: bad.json: SEC-12: expirationDate: must be a date written YYYY-MM-DD\n',
    },
    {
      name: 'a bad field deep in the history',
      args: ['plan', '--register', 'bad.json'],
      files: {
        'bad.json': register({
          ...validRecord,
          history: [{ at: '2026-09-02T16:00:00Z', action: 'approved', by: 'c3', periodStart: '2026-09-02' }],
        }),
      },
      code: 1,
      stderr:
        'security-exceptions: bad.json: SEC-12: history[0].periodEnd: is required on a "approved" entry (it opens a new approval period)\n',
    },
    {
      name: 'a record without a readable key',
      args: ['plan', '--register', 'bad.json'],
      files: { 'bad.json': register(validRecord, { ...validRecord, key: 42 }) },
      code: 1,
      stderr:
        'security-exceptions: bad.json: exceptions[1]: key: Invalid input: expected string, received number\n',
    },
    {
      name: 'an unknown register version',
      args: ['kpi', '--register', 'v2.json'],
      files: { 'v2.json': JSON.stringify({ version: 2, exceptions: [] }) },
      code: 1,
      stderr:
        'security-exceptions: v2.json: register: version: must be 1 (the only register version this app reads)\n',
    },
    {
      name: 'the same key twice',
      args: ['kpi', '--register', 'dup.json'],
      files: { 'dup.json': register(validRecord, validRecord) },
      code: 1,
      stderr:
        'security-exceptions: dup.json: SEC-12: key: is used by exceptions[0] and exceptions[1]: each issue key may appear once\n',
    },
    {
      name: 'a policy with a typo',
      args: ['plan', '--register', 'one.json', '--policy', 'policy.json'],
      files: {
        'one.json': register(validRecord),
        'policy.json': JSON.stringify({ version: 2, justificationMinLenght: 10 }),
      },
      code: 1,
      stderr:
        'security-exceptions: policy.json: policy: (document): Unrecognized key: "justificationMinLenght"\n',
    },
  ])('$name', async ({ args, files, code, stderr }) => {
    const result = await run(args, files);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(code);
    expect(result.stderr).toEqual(stderr);
  });

  it('lists at most 20 problems and counts the rest', async () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      ...validRecord,
      key: `SEC-${index + 1}`,
      status: 'Open',
    }));
    const { code, stderr } = await run(['kpi', '--register', 'many.json'], {
      'many.json': register(...many),
    });
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('many.json: … and 5 more problems');
  });
});

describe('usage errors exit 2 with the usage text', () => {
  it.each([
    { args: [], message: 'a command is required' },
    { args: ['forecast', '--register', 'x.json'], message: 'unknown command "forecast"' },
    { args: ['kpi'], message: '--register FILE or a site (--site URL, or JIRA_SITE) is required' },
    {
      args: ['kpi', '--register', 'x.json', '--now', 'yesterday'],
      message:
        '--now must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z (got "yesterday")',
    },
    { args: ['plan', '--register', 'x.json', '--from', '2026-01'], message: 'plan does not take --from' },
    {
      args: ['kpi', '--register', 'x.json', '--colour'],
      message: expect.stringContaining("Unknown option '--colour'") as unknown,
    },
    {
      args: ['export', '--register', 'x.json', '--format', 'xlsx'],
      message: '--format must be json or csv (got "xlsx")',
    },
  ])('$args', async ({ args, message }) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [first, ...rest] = stderr.split('\n');
    expect(first).toEqual(
      typeof message === 'string'
        ? `security-exceptions: ${message}`
        : expect.stringMatching(/^security-exceptions: /),
    );
    if (typeof message !== 'string') expect(first).toEqual(message);
    expect(rest.join('\n')).toBe(`\n${USAGE}\n`);
  });

  it('prints the usage on --help', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
  });
});

describe('security-exceptions export', () => {
  it('writes RFC 4180 CSV with CRLF line ends, a header and one row per exception in the window', async () => {
    const { code, stdout } = await run([
      'export',
      '--register',
      EXAMPLE,
      '--now',
      NOW,
      '--format',
      'csv',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-21',
    ]);
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(
      'Key,Summary,Exception Type,Status,Urgency,Risk Rating,Tier,Requester,Risk Owner,Business Justification,Compensating Controls,Expiration Date,Affected Assets,Remediation Plan,Findings,Attachments,Created,Decisions,Recertifications,Reminders Sent,Closed,Policy Version,Days In Force,CIS Controls v8,ISO/IEC 27001:2022,SOC 2',
    );
    expect(lines.at(-1)).toBe('');
    expect(stdout).not.toMatch(/[^\r]\n/);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { stdout } = await run(['export', '--register', 'one.json', '--now', NOW, '--format', 'csv'], {
      'one.json': register({ ...validRecord, summary: '=HYPERLINK("http://evil.example","click")' }),
    });
    expect(stdout.split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('writes the register format back, limited to the window', async () => {
    const { code, stdout } = await run(
      ['export', '--register', 'one.json', '--now', NOW, '--from', '2026-12-02', '--to', '2026-12-31'],
      {
        'one.json': register(
          {
            ...validRecord,
            status: 'Reverted',
            history: [
              ...(validRecord.history ?? []),
              { at: '2026-12-02T00:00:00Z', action: 'reverted', by: null },
            ],
          },
          {
            ...validRecord,
            key: 'SEC-13',
            status: 'Retired',
            history: [
              ...(validRecord.history ?? []),
              { at: '2026-11-30T10:00:00Z', action: 'retired', by: 'b2' },
            ],
          },
        ),
      },
    );
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as {
      version: number;
      generatedAt: string;
      exceptions: { key: string }[];
    };
    expect(document.version).toBe(1);
    expect(document.generatedAt).toBe(NOW);
    expect(document.exceptions.map((exception) => exception.key)).toEqual(['SEC-12']);
  });
});
