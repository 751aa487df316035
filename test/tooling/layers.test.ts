import { execFileSync } from 'node:child_process';
import path from 'node:path';

const REPO_DIR = path.resolve(__dirname, '../..');

// Each case starts node and cruises with TypeScript: seconds, more on a busy machine.
jest.setTimeout(60_000);

const run = (args: string[]): string =>
  execFileSync(process.execPath, args, {
    cwd: REPO_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('hold for src/ (npm run lint:layers)', () => {
    const depcruise = path.join(REPO_DIR, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const output = run([depcruise, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']);
    expect(output).toContain('no dependency violations found');
  });

  it('report a domain file doing I/O and a use case importing the Forge runtime, and nothing else', () => {
    const output = run([path.join(__dirname, 'cruise-layers.mjs'), 'test/fixtures/layers']);

    expect(JSON.parse(output)).toEqual([
      { rule: 'domain-is-pure', from: 'test/fixtures/layers/src/domain/reads-files.ts', to: 'fs' },
      {
        rule: 'forge-runtime-only-in-adapters',
        from: 'test/fixtures/layers/src/application/calls-jira.ts',
        to: 'node_modules/@forge/api/out/index.js',
      },
    ]);
  });
});
