/**
 * The standalone server's command line: `npm run simulator -- [--port P] [--seed register.json] [--now ISO]`.
 * Usage errors are CliErrors with exit code 2, like the security-exceptions command line's (src/cli).
 */
import { parseArgs } from 'node:util';
import { CliError, EXIT_USAGE } from '../../src/cli/cli-error';
import { IsoInstantSchema } from '../../src/domain/register-schema';

export const SERVER_USAGE = `Usage:
  npm run simulator -- [--port P] [--seed register.json] [--now ISO]

  --port  the port on 127.0.0.1 (default 2990; 0 picks a free one)
  --seed  a register file (DESIGN.md §7): its projects, people and exceptions, as if they had gone through the app
  --now   the simulated clock, standing still until POST /__simulator/clock moves it (default: the real clock)`;

export const DEFAULT_PORT = 2990;

export interface ServerArgs {
  readonly port: number;
  readonly seedPath: string | undefined;
  readonly now: string | undefined;
  readonly help: boolean;
}

const OPTIONS = {
  port: { type: 'string' },
  seed: { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const usageError = (message: string): CliError => new CliError(`${message}\n\n${SERVER_USAGE}`, EXIT_USAGE);

const parsePort = (value: string | undefined): number => {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) throw usageError('--port must be a whole number from 0 to 65535');
  return port;
};

export const parseServerArgs = (args: readonly string[]): ServerArgs => {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.now !== undefined && !IsoInstantSchema.safeParse(values.now).success)
    throw usageError('--now must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z');
  if (values.seed === '') throw usageError('--seed needs a register file');
  return {
    port: parsePort(values.port),
    seedPath: values.seed,
    now: values.now,
    help: values.help === true,
  };
};
