/**
 * The `security-exceptions` command line: `kpi`, `plan` and `export` over a register file. Output goes to stdout
 * only when the whole command succeeded, so a script piping it never reads half a result.
 */
import { parseArgs } from 'node:util';
import { computeKpis, KpiOptionsError } from '../domain/kpi';
import { planRegister } from '../domain/planner';
import { inAuditWindow, toExportRow, toRegisterDocument } from '../domain/register';
import { IsoDateSchema, IsoInstantSchema } from '../domain/register-schema';
import { toInstant } from '../domain/utc-days';
import { registerToCsv } from '../application/register-csv';
import { CliError, EXIT_USAGE } from './cli-error';
import { loadPolicy, loadRegister } from './load-inputs';
import { printable, printableJson, printableLine } from './printable';
import type { ReadText } from './read-json-file';

export const USAGE = `Usage:
  security-exceptions kpi    --register FILE [--now ISO] [--policy FILE] [--from YYYY-MM --to YYYY-MM]
  security-exceptions plan   --register FILE [--now ISO] [--policy FILE]
  security-exceptions export --register FILE [--now ISO] [--policy FILE] [--format json|csv] [--from YYYY-MM-DD --to YYYY-MM-DD]

  kpi     prints the KPI report (DESIGN.md §6) as JSON
  plan    prints the lifecycle actions due at --now (DESIGN.md §5) as a JSON list
  export  prints the audit export of the exceptions live in the window, as register JSON or CSV
  --now defaults to the current time; --policy defaults to the built-in default policy.`;

export interface CliIo {
  readonly readText: ReadText;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The current time in epoch milliseconds, used when --now is absent. */
  readonly clock: () => number;
}

const OPTIONS = {
  register: { type: 'string' },
  now: { type: 'string' },
  policy: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const usageError = (message: string): CliError => new CliError(`${message}\n\n${USAGE}`, EXIT_USAGE);

const parseCommandLine = (args: readonly string[]): { command: string | undefined; values: Values } => {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 1) throw usageError(`unexpected argument: ${positionals[1] ?? ''}`);
    return { command: positionals[0], values };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw usageError(error instanceof Error ? error.message : String(error));
  }
};

const resolveNow = (value: string | undefined, clock: () => number): string => {
  if (value === undefined) return toInstant(clock());
  if (!IsoInstantSchema.safeParse(value).success) {
    throw usageError(
      `--now must be an ISO-8601 date-time with a time zone, e.g. 2026-11-21T09:00:00Z (got "${value}")`,
    );
  }
  return toInstant(Date.parse(value));
};

const requireRegister = (values: Values): string => {
  if (values.register === undefined) throw usageError('--register FILE is required');
  return values.register;
};

const disallow = (values: Values, command: string, names: readonly (keyof Values)[]): void => {
  const given = names.filter((name) => values[name] !== undefined);
  if (given.length > 0)
    throw usageError(`${command} does not take ${given.map((name) => `--${name}`).join(', ')}`);
};

const json = (value: unknown): string => `${printableJson(JSON.stringify(value, null, 2))}\n`;

const kpiCommand = (values: Values, io: CliIo): string => {
  disallow(values, 'kpi', ['format']);
  const now = resolveNow(values.now, io.clock);
  const register = loadRegister(requireRegister(values), io.readText);
  const policy = loadPolicy(values.policy, io.readText);
  try {
    return json(
      computeKpis(register.exceptions, policy, now, {
        ...(values.from === undefined ? {} : { from: values.from }),
        ...(values.to === undefined ? {} : { to: values.to }),
      }),
    );
  } catch (error) {
    if (error instanceof KpiOptionsError) throw usageError(error.message);
    throw error;
  }
};

const planCommand = (values: Values, io: CliIo): string => {
  disallow(values, 'plan', ['from', 'to', 'format']);
  const now = resolveNow(values.now, io.clock);
  const register = loadRegister(requireRegister(values), io.readText);
  const policy = loadPolicy(values.policy, io.readText);
  return json(planRegister(register.exceptions, policy, now));
};

const exportCommand = (values: Values, io: CliIo): string => {
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw usageError(`--format must be json or csv (got "${format}")`);
  for (const name of ['from', 'to'] as const) {
    const value = values[name];
    if (value !== undefined && !IsoDateSchema.safeParse(value).success) {
      throw usageError(`--${name} must be a date written YYYY-MM-DD (got "${value}")`);
    }
  }
  const from = values.from ?? '0000-01-01';
  const to = values.to ?? '9999-12-31';
  if (from > to) throw usageError(`--from ${from} is after --to ${to}`);
  const now = resolveNow(values.now, io.clock);
  const register = loadRegister(requireRegister(values), io.readText);
  const policy = loadPolicy(values.policy, io.readText);
  const exceptions = register.exceptions.filter((exception) => inAuditWindow(exception, from, to));
  return format === 'csv'
    ? registerToCsv(exceptions.map((exception) => toExportRow(exception, policy, now)))
    : json(toRegisterDocument(exceptions, now));
};

const COMMANDS: Readonly<Record<string, (values: Values, io: CliIo) => string>> = {
  kpi: kpiCommand,
  plan: planCommand,
  export: exportCommand,
};

/** Runs one command line; returns the process exit code. */
export const runCli = (args: readonly string[], io: CliIo): number => {
  try {
    const { command, values } = parseCommandLine(args);
    if (values.help === true) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command === undefined) throw usageError('a command is required');
    const handler = COMMANDS[command];
    if (handler === undefined) throw usageError(`unknown command "${command}"`);
    io.stdout(printable(handler(values, io)));
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    // Messages quote file names and register text: one printable line each.
    const lines = error.message.split('\n').map(printableLine);
    io.stderr(`security-exceptions: ${lines.join('\n')}\n`);
    return error.exitCode;
  }
};
