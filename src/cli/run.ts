/**
 * The `security-exceptions` command line: `kpi`, `plan`, `export` and `ignores` over a register file or a Jira site. Output
 * goes to stdout only when the whole command succeeded, so a script piping it never reads half a result.
 */
import { parseArgs } from 'node:util';
import { computeKpis, KpiOptionsError } from '../domain/kpi';
import { planRegister } from '../domain/planner';
import { IsoDateSchema, IsoInstantSchema } from '../domain/register-schema';
import { toInstant } from '../domain/utc-days';
import { auditExport } from '../application/register/audit-export';
import {
  IGNORE_FORMATS,
  isIgnoreFormat,
  renderIgnoreFile,
} from '../application/ignore-files/render-ignore-file';
import { suppressionsInForce } from '../domain/ignore-files/suppressions';
import { CliError, EXIT_USAGE } from './cli-error';
import { loadPolicy, loadRegister } from './load-inputs';
import { printable, printableJson, printableLine } from './printable';
import type { ReadText } from './read-json-file';
import { applyPlan, readRegisterFromSite, withSiteErrors } from './site-commands';
import { connectToSite, type Env, type SiteClients } from './site-connection';
import type { ExceptionRecord } from '../domain/register-schema';

export const USAGE = `Usage:
  security-exceptions kpi    SOURCE [--now ISO] [--policy FILE] [--from YYYY-MM --to YYYY-MM]
  security-exceptions plan   SOURCE [--now ISO] [--policy FILE] [--apply]
  security-exceptions export SOURCE [--now ISO] [--policy FILE] [--format json|csv] [--from YYYY-MM-DD --to YYYY-MM-DD]
  security-exceptions ignores --format trivy|snyk|grype|dependency-check [--project KEY] SOURCE [--now ISO]

  SOURCE is --register FILE, or a site: --site URL --email EMAIL --token API_TOKEN --project KEY [--project KEY…]
  (or the environment variables JIRA_SITE, JIRA_EMAIL, JIRA_API_TOKEN; flags win). The site is read through its
  REST API: the app's fields, issue type and statuses are found by the names setup gives them, and the Exception
  issues of the projects are mapped as the app maps them. The token is never printed.

  kpi     prints the KPI report (DESIGN.md §6) as JSON
  plan    prints the lifecycle actions due at --now (DESIGN.md §5) as a JSON list
  export  prints the audit export of the exceptions live in the window, as register JSON or CSV
  ignores prints the scanner ignore file of the exceptions in force at --now (DESIGN.md §11): Trivy
          .trivyignore.yaml, Snyk .snyk, Grype .grype.yaml or a Dependency-Check suppression file; with
          --register, --project KEY keeps that project's exceptions only
  plan --apply (a site only) carries out the due actions once, as the app's sweep does, and prints what it did as
          JSON ({ done, busy, failed }); an action already done (by the app or an earlier run) is not done again.
          Its lock is per process (an in-memory store); runs at once are kept apart only by the write-once keys.
  --now defaults to the current time; --policy defaults to the built-in default policy.`;

export interface CliIo {
  readonly readText: ReadText;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The current time in epoch milliseconds, used when --now is absent. */
  readonly clock: () => number;
  /** The environment (JIRA_SITE, JIRA_EMAIL, JIRA_API_TOKEN); none when absent. */
  readonly env?: Env;
  /** How a site is reached; the plain-HTTP adapter when absent. */
  readonly connect?: typeof connectToSite;
}

const OPTIONS = {
  register: { type: 'string' },
  now: { type: 'string' },
  policy: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  site: { type: 'string' },
  email: { type: 'string' },
  token: { type: 'string' },
  project: { type: 'string', multiple: true },
  apply: { type: 'boolean' },
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
    // node:util's errors are read by shape: under a test runner's VM they are not this realm's `Error`.
    const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
    const dashed =
      typeof message === 'string' ? /^Option '(--[a-z]+)[^']*' argument is ambiguous/.exec(message) : null;
    // A value that starts with "-" (an API token can) is read as the next option; say how to write it, without it.
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && dashed !== null)
      throw usageError(`the value of ${dashed[1]} starts with "-": write it as ${dashed[1]}=VALUE`);
    throw usageError(typeof message === 'string' ? message : String(error));
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

const SITE_FLAGS = ['site', 'email', 'token', 'project'] as const;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

const wantsSite = (values: Values, io: CliIo): boolean =>
  SITE_FLAGS.some((name) => values[name] !== undefined) ||
  (values.register === undefined && io.env?.JIRA_SITE !== undefined);

const siteOf = (values: Values, io: CliIo): { clients: SiteClients; projects: string[] } => {
  if (values.register !== undefined)
    throw usageError('give either --register FILE or a site (--site, --email, --token, --project), not both');
  const projects = values.project ?? [];
  if (projects.length === 0) throw usageError('reading a site needs --project KEY (one or more)');
  const bad = projects.find((key) => !PROJECT_KEY.test(key));
  if (bad !== undefined) throw usageError(`--project must be a project key such as SEC (got "${bad}")`);
  const clients = (io.connect ?? connectToSite)(values, io.env ?? {}, usageError);
  return { clients, projects };
};

/** The exceptions of the register file or of the site. */
const exceptionsOf = async (values: Values, io: CliIo): Promise<ExceptionRecord[]> => {
  if (wantsSite(values, io)) {
    const { clients, projects } = siteOf(values, io);
    return (await withSiteErrors(() => readRegisterFromSite(clients, projects))).exceptions;
  }
  if (values.register === undefined)
    throw usageError('--register FILE or a site (--site URL, or JIRA_SITE) is required');
  return loadRegister(values.register, io.readText).exceptions;
};

const disallow = (values: Values, command: string, names: readonly (keyof Values)[]): void => {
  const given = names.filter((name) => values[name] !== undefined);
  if (given.length > 0)
    throw usageError(`${command} does not take ${given.map((name) => `--${name}`).join(', ')}`);
};

const json = (value: unknown): string => `${printableJson(JSON.stringify(value, null, 2))}\n`;

const kpiCommand = async (values: Values, io: CliIo): Promise<string> => {
  disallow(values, 'kpi', ['format', 'apply']);
  const now = resolveNow(values.now, io.clock);
  const policy = loadPolicy(values.policy, io.readText);
  const exceptions = await exceptionsOf(values, io);
  try {
    return json(
      computeKpis(exceptions, policy, now, {
        ...(values.from === undefined ? {} : { from: values.from }),
        ...(values.to === undefined ? {} : { to: values.to }),
      }),
    );
  } catch (error) {
    if (error instanceof KpiOptionsError) throw usageError(error.message);
    throw error;
  }
};

const planCommand = async (values: Values, io: CliIo): Promise<string> => {
  disallow(values, 'plan', ['from', 'to', 'format']);
  const now = resolveNow(values.now, io.clock);
  const policy = loadPolicy(values.policy, io.readText);
  if (values.apply !== true) return json(planRegister(await exceptionsOf(values, io), policy, now));
  if (!wantsSite(values, io)) throw usageError('plan --apply needs a site (--site URL, or JIRA_SITE)');
  const { clients, projects } = siteOf(values, io);
  return json(
    await withSiteErrors(async () =>
      applyPlan(clients, await readRegisterFromSite(clients, projects), policy, now),
    ),
  );
};

const exportCommand = async (values: Values, io: CliIo): Promise<string> => {
  disallow(values, 'export', ['apply']);
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
  const policy = loadPolicy(values.policy, io.readText);
  const { content } = auditExport(await exceptionsOf(values, io), policy, now, { from, to, format });
  return format === 'csv' ? content : printableJson(content);
};

const ignoresCommand = async (values: Values, io: CliIo): Promise<string> => {
  disallow(values, 'ignores', ['apply', 'from', 'to', 'policy']);
  const format = values.format;
  if (format === undefined || !isIgnoreFormat(format))
    throw usageError(`--format must be one of ${IGNORE_FORMATS.join(', ')} (got "${format ?? ''}")`);
  const now = resolveNow(values.now, io.clock);
  const projects = values.project ?? [];
  if (projects.length > 1) throw usageError('ignores takes at most one --project KEY');
  const [project] = projects;
  if (project !== undefined && !PROJECT_KEY.test(project))
    throw usageError(`--project must be a project key such as SEC (got "${project}")`);
  // With --register, --project only narrows the file; with a site, it is the project read.
  const exceptions =
    values.register !== undefined &&
    !SITE_FLAGS.some((name) => name !== 'project' && values[name] !== undefined)
      ? loadRegister(values.register, io.readText).exceptions
      : await exceptionsOf(values, io);
  return renderIgnoreFile(format, suppressionsInForce(exceptions, now, project)).content;
};

const COMMANDS: Readonly<Record<string, (values: Values, io: CliIo) => Promise<string>>> = {
  kpi: kpiCommand,
  plan: planCommand,
  export: exportCommand,
  ignores: ignoresCommand,
};

/** Runs one command line; returns the process exit code. */
export const runCli = async (args: readonly string[], io: CliIo): Promise<number> => {
  try {
    const { command, values } = parseCommandLine(args);
    if (values.help === true) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command === undefined) throw usageError('a command is required');
    const handler = COMMANDS[command];
    if (handler === undefined) throw usageError(`unknown command "${command}"`);
    io.stdout(printable(await handler(values, io)));
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    // Messages quote file names and register text: one printable line each.
    const lines = error.message.split('\n').map(printableLine);
    io.stderr(`security-exceptions: ${lines.join('\n')}\n`);
    return error.exitCode;
  }
};
