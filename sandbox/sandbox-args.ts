/**
 * `tsx sandbox/main.ts [--port P] [--seed N|register.json] [--now ISO]` (`npm start -- …`). Usage errors are
 * CliErrors with exit code 2, like the simulator's and the command line's.
 */
import { parseArgs } from 'node:util';
import { CliError, EXIT_USAGE } from '../src/cli/cli-error';
import { IsoInstantSchema } from '../src/domain/register-schema';

export const SANDBOX_USAGE = `Usage:
  npm start -- [--port P] [--seed N|register.json] [--now ISO]

  --port  the port on 127.0.0.1 (default 3000; 0 picks a free one)
  --seed  a number: the realistic register of that seed (3 projects, 240 exceptions over 12 months; default
          20261129); or a register file (DESIGN.md §7)
  --now   the sandbox clock, standing still until the clock control moves it (default: the real clock)`;

export const DEFAULT_SANDBOX_PORT = 3000;
export const DEFAULT_SEED = 20261129;

export interface SandboxArgs {
  readonly port: number;
  readonly seed:
    { readonly kind: 'realistic'; readonly seed: number } | { readonly kind: 'file'; readonly path: string };
  readonly now: string | undefined;
  readonly help: boolean;
}

const OPTIONS = {
  port: { type: 'string' },
  seed: { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const usageError = (message: string): CliError => new CliError(`${message}\n\n${SANDBOX_USAGE}`, EXIT_USAGE);

export const parseSandboxArgs = (args: readonly string[]): SandboxArgs => {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  const port =
    values.port === undefined
      ? DEFAULT_SANDBOX_PORT
      : /^\d{1,5}$/.test(values.port)
        ? Number(values.port)
        : NaN;
  if (!(port >= 0 && port <= 65_535)) throw usageError('--port must be a whole number from 0 to 65535');
  if (values.now !== undefined && !IsoInstantSchema.safeParse(values.now).success)
    throw usageError('--now must be an ISO-8601 date-time with a time zone, e.g. 2026-11-29T09:00:00Z');
  if (values.seed === '') throw usageError('--seed needs a number or a register file');
  const seed =
    values.seed === undefined
      ? { kind: 'realistic' as const, seed: DEFAULT_SEED }
      : /^\d{1,9}$/.test(values.seed)
        ? { kind: 'realistic' as const, seed: Number(values.seed) }
        : { kind: 'file' as const, path: values.seed };
  return { port, seed, now: values.now, help: values.help === true };
};
