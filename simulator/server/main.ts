#!/usr/bin/env node
/**
 * Process entry of the standalone simulator (`npm run simulator -- …`): prints the site's credentials on stdout,
 * a summary on stderr, and serves until SIGINT or SIGTERM, which close it and exit 0. Bad arguments exit 2 and a
 * bad seed file 1, with a message naming the file, the record and the field (like src/cli).
 */
import { readFileSync } from 'node:fs';
import { CliError, EXIT_BAD_INPUT } from '../../src/cli/cli-error';
import { parseServerArgs, SERVER_USAGE } from './server-args';
import { startServer } from './start-server';

const fail = (error: unknown): void => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`simulator: ${message}\n`);
  process.exitCode = error instanceof CliError ? error.exitCode : EXIT_BAD_INPUT;
};

const main = async (): Promise<void> => {
  const args = parseServerArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${SERVER_USAGE}\n`);
    return;
  }
  const server = await startServer(args, (path) => readFileSync(path, 'utf8'));
  process.stderr.write(`${server.summary}\n`);
  process.stdout.write(`${server.credentialLines.join('\n')}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
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
