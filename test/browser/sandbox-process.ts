/**
 * Starts the sandbox as a person does (`tsx sandbox/main.ts`, a separate Node process with its own Forge runtime
 * redirect) on a free port and a fixed clock, and reads its `SANDBOX_URL=` line. For the sandbox's HTTP tests and
 * the browser tests; `stop()` sends SIGTERM, which the sandbox answers by closing cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO_DIR = path.resolve(__dirname, '..', '..');
/** The sandbox clock of every test run: the seeded register is generated relative to it, so runs repeat. */
export const SANDBOX_NOW = '2026-11-29T09:00:00Z';

export interface SandboxProcess {
  readonly url: string;
  /** The simulated Jira site and a site admin's credentials (the `JIRA_*=` lines), for the command line. */
  readonly jira: { readonly site: string; readonly email: string; readonly token: string };
  readonly child: ChildProcess;
  /** What the process wrote on stderr so far (its address line, the handlers' logs). */
  stderr(): string;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export const startSandboxProcess = (
  args: readonly string[] = [],
  timeoutMs = 90_000,
): Promise<SandboxProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(REPO_DIR, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(REPO_DIR, 'sandbox', 'main.ts'),
        '--port',
        '0',
        '--now',
        SANDBOX_NOW,
        ...args,
      ],
      { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let started = false;
    const exited = new Promise<number | null>((done) => {
      child.once('exit', (code) => {
        done(code);
      });
    });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the sandbox did not start within ${String(timeoutMs)} ms:\n${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const line = (name: string) => new RegExp(`^${name}=(\\S+)$`, 'm').exec(stdout)?.[1];
      const url = line('SANDBOX_URL');
      const jira = { site: line('JIRA_SITE'), email: line('JIRA_EMAIL'), token: line('JIRA_API_TOKEN') };
      if (
        url === undefined ||
        jira.site === undefined ||
        jira.email === undefined ||
        jira.token === undefined
      )
        return;
      if (started) return;
      started = true;
      clearTimeout(timer);
      resolve({
        url,
        jira: { site: jira.site, email: jira.email, token: jira.token },
        child,
        stderr: () => stderr,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`the sandbox exited (${String(code)}) before serving:\n${stderr}`));
    });
  });
