/**
 * ISSUE6 B10, the command line: it prints no control characters (ANSI escapes, C1, bidi controls), accepts a UTF-8
 * byte-order mark, and refuses a register with a member repeated in one object, naming the file, the record and
 * the member.
 */
import { runCli } from '../../src/cli/run';
import { findDuplicateMember } from '../../src/cli/duplicate-member';
import { designExampleRecord } from '../builders/design-example-record';

const NOW = '2026-11-21T09:00:00Z';

const run = async (args: string[], files: Record<string, string>) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    readText: (file) => {
      const content = files[file];
      if (content === undefined) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
      return content;
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    clock: () => Date.parse(NOW),
  });
  return { code, stdout, stderr };
};

const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- the characters the output must not hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const HOSTILE =
  'Red\u001B[2J\u001B[31mALERT\u001B[0m \u009B1m \u202Egnp.exe\u202C \u2066x\u2069 \u0007\u0000';

const registerWith = (overrides: Record<string, unknown>): string =>
  JSON.stringify({ version: 1, generatedAt: NOW, exceptions: [{ ...designExampleRecord(), ...overrides }] });

describe('the command line and hostile input', () => {
  it.each(['json', 'csv'])(
    'prints a register full of escape and bidi characters without them (%s)',
    async (format) => {
      const file = registerWith({
        summary: HOSTILE,
        justification: `${HOSTILE} long enough to be a justification`,
      });
      const { code, stdout, stderr } = await run(['export', '--register', 'r.json', '--format', format], {
        'r.json': file,
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).not.toMatch(UNPRINTABLE);
      expect(stdout).toContain('ALERT');
      if (format === 'json') {
        // Escaped, not dropped: the JSON still means the same.
        const summary = (JSON.parse(stdout) as { exceptions: { summary: string }[] }).exceptions[0]?.summary;
        expect(summary).toBe(HOSTILE);
      }
    },
  );

  it('prints no control characters in an error message quoting the file', async () => {
    const { code, stderr } = await run(['kpi', '--register', `r\u001B[31m\u202E.json`], {});
    expect(code).toBe(1);
    expect(stderr).not.toMatch(UNPRINTABLE);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('accepts a UTF-8 byte-order mark at the start of a file', async () => {
    const { code, stderr } = await run(['kpi', '--register', 'r.json', '--now', NOW], {
      'r.json': `\uFEFF${registerWith({})}`,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it.each<[string, string, string]>([
    [
      'a record with status twice',
      `{"version":1,"exceptions":[${JSON.stringify(designExampleRecord())},${JSON.stringify(designExampleRecord()).replace('{', '{"status":"Rejected",')}]}`,
      'security-exceptions: r.json: record 2 (SEC-12) has the member "status" more than once; JSON readers disagree on which one counts, so the file is refused. Keep one.\n',
    ],
    [
      'the same name written with an escape',
      `{"version":1,"exceptions":[${JSON.stringify(designExampleRecord()).replace('{', '{"\\u0073ummary":"x",')}]}`,
      'security-exceptions: r.json: record 1 (SEC-12) has the member "summary" more than once; JSON readers disagree on which one counts, so the file is refused. Keep one.\n',
    ],
    [
      'a member repeated inside a history entry',
      registerWith({ history: [{ at: NOW, action: 'submitted', by: 'a1', by2: 1 }] }).replace(
        '"by2":1',
        '"by":"z9"',
      ),
      'security-exceptions: r.json: record 1 (SEC-12) at history.0 has the member "by" more than once; JSON readers disagree on which one counts, so the file is refused. Keep one.\n',
    ],
    [
      'the document with version twice',
      `{"version":1,"version":2,"exceptions":[]}`,
      'security-exceptions: r.json: the document has the member "version" more than once; JSON readers disagree on which one counts, so the file is refused. Keep one.\n',
    ],
  ])('refuses %s, naming the file, the record and the member', async (_case, file, message) => {
    expect(await run(['kpi', '--register', 'r.json', '--now', NOW], { 'r.json': file })).toEqual({
      code: 1,
      stdout: '',
      stderr: message,
    });
  });

  it.each<[string, string]>([
    ['the same name in sibling objects', '[{"a":1},{"a":2}]'],
    ['the same name nested', '{"a":{"a":1}}'],
    ['a name that appears as a value', '{"a":"a","b":"a"}'],
    ['escaped quotes in strings', '{"a":"x\\"}","b":"\\\\","c":1}'],
  ])('finds no duplicate in %s', (_case, text) => {
    expect(findDuplicateMember(text)).toBeUndefined();
  });
});
