/**
 * `npm run simulator` as a user runs it: a process on port 0 seeded with examples/register.json, used over plain
 * HTTP with the credentials it prints, its clock moved through the admin endpoint, stopped with SIGTERM.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'simulator/server/main.ts');
const NOW = '2026-11-21T09:00:00Z';
const LIFECYCLE = 'security-exception-lifecycle';

interface RegisterFile {
  exceptions: { key: string; history: unknown[] }[];
}
const register = JSON.parse(readFileSync(path.join(ROOT, 'examples/register.json'), 'utf8')) as RegisterFile;

const nodeArgs = (...args: string[]) => ['--require', 'tsx/cjs', MAIN, ...args];

/** Starts the server and resolves with its printed `NAME=value` lines once the three are there. */
const start = (
  ...args: string[]
): Promise<{ child: ChildProcessWithoutNullStreams; env: Record<string, string>; stderr: () => string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(...args), { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    // Ready once the three lines are on stdout and the summary on stderr (two pipes: either may come first).
    const check = () => {
      const lines = stdout.split('\n').filter((line) => line.includes('='));
      if (lines.length < 3 || !stderr.includes('\n')) return;
      const env = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      resolve({ child, env, stderr: () => stderr });
    };
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      check();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      check();
    });
    child.on('exit', (code) => {
      reject(new Error(`the simulator exited (${String(code)}) before printing its site: ${stderr}`));
    });
  });

const exited = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else
      child.once('exit', (code) => {
        resolve(code);
      });
  });

describe('npm run simulator', () => {
  let child: ChildProcessWithoutNullStreams;
  let env: Record<string, string>;
  let stderr: () => string;

  beforeAll(async () => {
    ({ child, env, stderr } = await start('--port', '0', '--seed', 'examples/register.json', '--now', NOW));
  }, 90_000);
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const call = async (method: string, pathname: string, body?: unknown) => {
    const basic = Buffer.from(`${env.JIRA_EMAIL ?? ''}:${env.JIRA_API_TOKEN ?? ''}`).toString('base64');
    const response = await fetch(`${env.JIRA_SITE ?? ''}${pathname}`, {
      method,
      headers: {
        Authorization: `Basic ${basic}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('prints a loopback site and a site admin’s credentials', () => {
    expect(Object.keys(env)).toEqual(['JIRA_SITE', 'JIRA_EMAIL', 'JIRA_API_TOKEN']);
    expect(env.JIRA_SITE).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.JIRA_EMAIL).toBe('admin@simulator.invalid');
    // A fixed prefix then hex: never a leading "-" that a command line would read as an option.
    expect(env.JIRA_API_TOKEN).toMatch(/^SBXT[0-9a-f]{36}$/);
    expect(stderr()).toContain('exceptions: 34 in SEC');
  });

  it('finds every exception of the register with `project = SEC`', async () => {
    const { status, body } = await call('POST', '/rest/api/3/search/jql', {
      jql: 'project = SEC ORDER BY key',
      fields: ['summary'],
      maxResults: 100,
    });
    expect(status).toBe(200);
    const keys = (body.issues as { key: string }[]).map((issue) => issue.key).sort();
    expect(keys).toEqual(register.exceptions.map((exception) => exception.key).sort());
    expect(keys).toHaveLength(34);
  });

  it('holds SEC-8’s fields and lifecycle property as the register has them', async () => {
    const fields = (await call('GET', '/rest/api/3/field')).body as unknown as { id: string; name: string }[];
    const id = (name: string) => fields.find((field) => field.name === name)?.id ?? name;
    const { status, body } = await call('GET', `/rest/api/3/issue/SEC-8?properties=${LIFECYCLE}`);
    expect(status).toBe(200);
    const values = body.fields as Record<string, unknown>;
    expect({
      summary: values.summary,
      status: (values.status as { name: string }).name,
      type: (values[id('Exception Type')] as { value: string }).value,
      rating: (values[id('Risk Rating')] as { value: string }).value,
      owner: (values[id('Risk Owner')] as { accountId: string }).accountId,
      expires: values[id('Expiration Date')],
      assets: values[id('Affected Assets')],
      attachments: (values.attachment as unknown[]).length,
      created: values.created,
    }).toEqual({
      summary: 'Break-glass admin account without MFA for the DR site',
      status: 'Recertification',
      type: 'MFA bypass',
      rating: 'Critical',
      owner: '72f3a4b5c6d7e8f90a1b2c3d',
      expires: '2027-02-03',
      assets: ['dr-ad-01', 'dr-vault-01'],
      attachments: 2,
      created: expect.stringMatching(/^2026-02-17T07:55:00/) as unknown,
    });
    const record = register.exceptions.find((exception) => exception.key === 'SEC-8');
    expect((body.properties as Record<string, unknown>)[LIFECYCLE]).toEqual({
      version: 1,
      history: record?.history,
      nextActionAt: '2027-01-12T00:00:00Z',
      policyVersion: 1,
    });
  });

  it('moves the clock through the admin endpoint, which the site then answers with', async () => {
    expect(await call('POST', '/__simulator/clock', { advanceHours: 24 })).toEqual({
      status: 200,
      body: { now: '2026-11-22T09:00:00Z' },
    });
    const info = await call('GET', '/rest/api/3/serverInfo');
    expect(info.body.serverTime).toMatch(/^2026-11-22T09:00:00/);
    expect(await call('POST', '/__simulator/clock', { now: '2027-01-12T00:00:00Z' })).toEqual({
      status: 200,
      body: { now: '2027-01-12T00:00:00Z' },
    });
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });
});

describe('npm run simulator with bad input', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, nodeArgs(...args), { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('exits 2 on a bad argument, with the usage', () => {
    const result = run('--port', 'eighty');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^simulator: --port must be a whole number from 0 to 65535\n\nUsage:/);
  });

  it('exits 1 on a bad seed, naming the file, the record and the field', () => {
    const result = run('--port', '0', '--seed', 'test/simulator/server/fixtures/bad-register.json');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'simulator: test/simulator/server/fixtures/bad-register.json: SEC-2: expirationDate: must be a date written YYYY-MM-DD\n',
    );
  });

  it('exits 1 on a register Jira cannot hold, naming the record and the field', () => {
    const result = run('--port', '0', '--seed', 'test/simulator/server/fixtures/spaced-asset-register.json');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'simulator: test/simulator/server/fixtures/spaced-asset-register.json: SEC-1: affectedAssets[0]: must not contain spaces: Affected Assets are Jira labels\n',
    );
  });
});
