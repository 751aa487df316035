/** The installed command itself (bin/security-exceptions.js), run as a process the way a user runs it. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/security-exceptions.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('bin/security-exceptions', () => {
  it('plans the example register', () => {
    const result = run('plan', '--register', 'examples/register.json', '--now', '2026-11-21T09:00:00Z');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const actions = JSON.parse(result.stdout) as { action: string }[];
    expect(actions.map((action) => action.action).sort()).toEqual([
      'escalate-chronic',
      'revert',
      'revert',
      'sla-breach',
      'sla-breach',
      'sla-breach',
      'sla-breach',
    ]);
  });

  it('exits 1 with nothing on stdout for a missing file', () => {
    const result = run('kpi', '--register', 'no-such-register.json');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^security-exceptions: cannot read register file no-such-register\.json: ENOENT/,
    );
  });
});
