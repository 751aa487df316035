/**
 * Forge's own linter, offline (`npm run lint:forge`): the client-side linters of `@forge/lint` (manifest schema,
 * handlers, permission scopes of every `requestJira`, ...) over manifest.yml and src/, with no login, the
 * permission-scope linter reading the Jira OpenAPI document from disk (FORGE_NOTES §15).
 */
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StatsigReader, type StatsigService } from '@forge/cli-shared';
import {
  getClientSideLintersOnly,
  lint,
  LintClass,
  parseSourceFile,
  PermissionLinter,
  type LintResult,
} from '@forge/lint';
import { ManifestParserBuilder, type ManifestSchema } from '@forge/manifest';

const REPO_DIR = path.resolve(__dirname, '..');

/** Where CI and every developer keep the Jira document (../shared/jira/README.md). */
export const DEFAULT_JIRA_OPENAPI = path.resolve(
  REPO_DIR,
  '..',
  'shared',
  'jira',
  'jira-platform.openapi.json',
);

/** The other products' documents the permission linter insists on; the app calls none of them. */
const OTHER_PRODUCT_DOCUMENTS = [
  'LOCAL_JSM_SWAGGER',
  'LOCAL_JSW_SWAGGER',
  'LOCAL_CONF_SWAGGER',
  'LOCAL_CONF_V2_SWAGGER',
  'LOCAL_BB_SWAGGER',
] as const;

export interface ForgeLintProblem {
  /** Relative to the app folder. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface ForgeLintReport {
  readonly problems: readonly ForgeLintProblem[];
  readonly errors: number;
  readonly warnings: number;
  /** The source files the linters actually read (tsconfig's `include` can silently leave files out). */
  readonly filesLinted: readonly string[];
  /** True when the Jira OpenAPI document was absent, so `requestJira` scopes were not checked. */
  readonly permissionLinterSkipped: boolean;
}

export interface ForgeLintOptions {
  /** The folder holding manifest.yml, src/ and (optionally) tsconfig.json. */
  readonly appDir: string;
  /** Jira Cloud platform OpenAPI document for the permission-scope linter. */
  readonly jiraOpenApiPath: string;
  /** Receives what the linters log while they run; nothing by default. */
  readonly log?: (message: string) => void;
}

/**
 * Feature flags with no opinion: `@forge/lint` asks Statsig (which needs a login) for gates and dynamic
 * configs; every getter of StatsigReader falls back to its default when the answer is null.
 */
class OfflineFlags extends StatsigReader {
  checkGate(): Promise<boolean | null> {
    return Promise.resolve(null);
  }

  getDynamicConfig(): Promise<null> {
    return Promise.resolve(null);
  }
}

/** Lints the Forge app in `appDir` with Forge's client-side linters. */
export async function lintForgeApp(options: ForgeLintOptions): Promise<ForgeLintReport> {
  const appDir = path.resolve(options.appDir);
  const permissionLinterSkipped = !existsSync(options.jiraOpenApiPath);
  const emptyDocumentDir = mkdtempSync(path.join(tmpdir(), 'forge-lint-'));
  const emptyDocument = path.join(emptyDocumentDir, 'empty-openapi.json');
  writeFileSync(emptyDocument, '{"paths":{}}');
  const restoreEnvironment = setEnvironment({
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: path.resolve(options.jiraOpenApiPath),
    ...Object.fromEntries(OTHER_PRODUCT_DOCUMENTS.map((name) => [name, emptyDocument])),
  });
  const previousDir = process.cwd();
  // @forge/lint reads manifest.yml and tsconfig.json from the working directory, and keeps only the .ts files
  // that tsconfig's `include` lists, matched against paths resolved from the working directory.
  process.chdir(appDir);
  try {
    const manifest = readManifest(appDir);
    const logger = { info: options.log ?? ((): void => undefined) };
    // StatsigService's private fields make it nominal; lint() only calls the StatsigReader methods on it.
    const flags = new OfflineFlags() as unknown as StatsigService;
    const linters = permissionLinterSkipped
      ? (await getClientSideLintersOnly(manifest, 'production', logger, flags)).filter(
          (linter) => !(linter instanceof PermissionLinter),
        )
      : undefined;
    const filesLinted: string[] = [];
    const results = await lint(sourceFiles(appDir), manifest, 'production', logger, flags, {
      linter: { mode: 'client-side' },
      ...(linters ? { linters } : {}),
      parseFunction: (filepath, parser) => {
        filesLinted.push(filepath);
        return parseSourceFile(filepath, parser);
      },
    });
    const problems = results.flatMap((result) => problemsOf(result, appDir));
    return {
      problems,
      errors: problems.filter((problem) => problem.severity === 'error').length,
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
      filesLinted: filesLinted.sort(),
      permissionLinterSkipped,
    };
  } finally {
    process.chdir(previousDir);
    restoreEnvironment();
    rmSync(emptyDocumentDir, { recursive: true, force: true });
  }
}

/** The manifest as the Forge CLI reads it (YAML plus its interpolations). */
export function readManifest(appDir: string): ManifestSchema {
  const filePath = path.join(appDir, 'manifest.yml');
  return new ManifestParserBuilder()
    .withInterpolators()
    .build()
    .parseManifest({ content: readFileSync(filePath, 'utf8'), filePath });
}

/** The last line of the report; `npm run lint:forge` prints it exactly so. */
export function summaryLine(report: ForgeLintReport): string {
  const counts = `forge lint: ${report.errors} errors, ${report.warnings} warnings`;
  return report.permissionLinterSkipped ? `${counts} (permission-scope linter skipped)` : counts;
}

export function formatProblem(problem: ForgeLintProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`;
}

/** Every .ts file under src/, relative to the app folder (as @forge/lint expects them). */
function sourceFiles(appDir: string): string[] {
  return readdirSync(path.join(appDir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join('src', file))
    .sort();
}

function problemsOf(result: LintResult, appDir: string): ForgeLintProblem[] {
  const file = path.relative(appDir, path.resolve(appDir, result.file));
  // An "approval" blocks a deploy until someone approves it, so it counts as an error here.
  return [...result.errors, ...result.approvals, ...result.warnings].map((rule) => ({
    file,
    line: rule.line,
    column: rule.column,
    severity: rule.class === LintClass.Warning ? 'warning' : 'error',
    message: rule.message,
  }));
}

/** Sets environment variables and returns what puts the previous values back. */
function setEnvironment(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  };
}

async function main(): Promise<void> {
  const jiraOpenApiPath = process.env.JIRA_OPENAPI ?? DEFAULT_JIRA_OPENAPI;
  if (!existsSync(jiraOpenApiPath)) {
    console.log(
      `forge lint: the Jira OpenAPI document is not at ${jiraOpenApiPath}; set JIRA_OPENAPI to its path ` +
        '(https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json). ' +
        'Running the other linters without the permission-scope linter.',
    );
  }
  const report = await lintForgeApp({
    appDir: REPO_DIR,
    jiraOpenApiPath,
    log: (message) => {
      console.log(message);
    },
  });
  for (const problem of report.problems) console.log(formatProblem(problem));
  console.log(summaryLine(report));
  process.exitCode = report.errors + report.warnings > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
