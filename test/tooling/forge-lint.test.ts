import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_JIRA_OPENAPI, lintForgeApp, summaryLine } from '../../tools/forge-lint';

const REPO_DIR = path.resolve(__dirname, '../..');
const UNSCOPED_APP = path.join(REPO_DIR, 'test/fixtures/forge-lint/unscoped-app');
const jiraOpenApiPath = process.env.JIRA_OPENAPI ?? DEFAULT_JIRA_OPENAPI;

// Each case is one run of Forge's linters, whose manifest linters each compile the whole manifest schema.
jest.setTimeout(180_000);

describe('forge lint (client-side @forge/lint, offline)', () => {
  beforeAll(() => {
    // The manifest's resources must exist for the manifest linter; a fresh clone has not built them yet.
    if (
      ['gadget', 'admin', 'issue-panel'].some(
        (app) => !existsSync(path.join(REPO_DIR, 'static', app, 'build')),
      )
    ) {
      execFileSync(process.execPath, [path.join(REPO_DIR, 'tools/build-static.mjs')], { stdio: 'ignore' });
    }
  });

  it('finds nothing wrong in manifest.yml and src/, having read every source file under src/', async () => {
    const report = await lintForgeApp({ appDir: REPO_DIR, jiraOpenApiPath });

    expect(report.problems).toEqual([]);
    expect(summaryLine(report)).toBe('forge lint: 0 errors, 0 warnings');
    const sources = readdirSync(path.join(REPO_DIR, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join('src', file))
      .sort();
    expect(report.filesLinted).toEqual(sources);
    expect(report.filesLinted).toContain('src/index.ts');
  });

  it('reports a requestJira the manifest has no scope for', async () => {
    const report = await lintForgeApp({ appDir: UNSCOPED_APP, jiraOpenApiPath });

    expect(report.problems).toEqual([
      {
        file: 'src/index.ts',
        line: 5,
        column: 32,
        severity: 'error',
        message:
          'Jira endpoint: POST /rest/api/3/issue/{issueIdOrKey}/comment requires "write:jira-work" scope',
      },
    ]);
    expect(summaryLine(report)).toBe('forge lint: 1 errors, 0 warnings');
  });

  it('without the Jira document, runs the other linters and says the scope check was skipped', async () => {
    const report = await lintForgeApp({ appDir: UNSCOPED_APP, jiraOpenApiPath: '/nonexistent/jira.json' });

    expect(report.permissionLinterSkipped).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.filesLinted).toEqual(['src/index.ts']);
    expect(summaryLine(report)).toBe('forge lint: 0 errors, 0 warnings (permission-scope linter skipped)');
  });
});
