#!/usr/bin/env node
/**
 * `npm start` (after the builds) runs `tsx sandbox/main.ts [--port P] [--seed N|register.json] [--now ISO]`: the
 * simulated Jira site with the app's real handlers, the built Custom UI apps and the Jira-like shell on
 * 127.0.0.1. Prints the address for a person and `SANDBOX_URL=…` for scripts; SIGINT/SIGTERM close it (exit 0).
 *
 * The Forge runtime is installed BEFORE the app is loaded: forge-runtime-first is the first import, and tsx runs
 * this file as CommonJS, whose requires run in the order written.
 */
import { sandboxClock as clock, sandboxRuntime as runtime } from './forge-runtime-first';
import { readFileSync } from 'node:fs';
import { CliError, EXIT_BAD_INPUT } from '../src/cli/cli-error';
import { SITE_ADMIN_EMAIL } from '../simulator/seed/seed-site';
import { parseSandboxArgs, SANDBOX_USAGE } from './sandbox-args';
import { startSandboxServer } from './sandbox-server';
import { startSandboxSite } from './start-sandbox';

const fail = (error: unknown): void => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sandbox: ${message}\n`);
  process.exitCode = error instanceof CliError ? error.exitCode : EXIT_BAD_INPUT;
};

const main = async (): Promise<void> => {
  const args = parseSandboxArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${SANDBOX_USAGE}\n`);
    return;
  }
  if (args.now !== undefined) clock.set(args.now);
  const sandbox = await startSandboxSite(args, runtime, clock, (file) => readFileSync(file, 'utf8'));
  let server;
  try {
    server = await startSandboxServer(sandbox, args.port);
  } catch (error) {
    await sandbox.close();
    if ((error as { code?: unknown }).code === 'EADDRINUSE')
      throw new CliError(
        `port ${String(args.port)} is in use: pick another with --port (0 picks a free one)`,
      );
    throw error;
  }
  const counts = [...sandbox.site.issueKeys].map(([project, keys]) => `${String(keys.length)} in ${project}`);
  process.stderr.write(
    `Security Exceptions sandbox: open ${server.url}/ (Jira simulator on ${sandbox.sim.baseUrl}, clock ${clock.nowIso()}; exceptions: ${counts.join(', ')}). Ctrl-C stops it.\n`,
  );
  // For scripts, as `npm run simulator` prints them: the simulated site and a site admin's API token, so the
  // command line (`kpi --site`, `export --site`) reads the same register the apps show.
  process.stdout.write(
    [
      `SANDBOX_URL=${server.url}`,
      `JIRA_SITE=${sandbox.sim.baseUrl}`,
      `JIRA_EMAIL=${SITE_ADMIN_EMAIL}`,
      `JIRA_API_TOKEN=${sandbox.site.adminToken}`,
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    Promise.all([server.close(), sandbox.close()]).then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        fail(error);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch(fail);
