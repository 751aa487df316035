/* global console, process -- Node globals; the ESLint config declares none for .mjs files */
/**
 * Builds the sandbox's Jira-like shell (sandbox/shell) into sandbox/shell/build with Vite from static/'s install,
 * like tools/build-static.mjs builds the Custom UI apps. The shell's imports (react, @atlaskit/*) resolve from
 * static/node_modules: the shell is not a Forge resource, so it has no install of its own.
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATIC_DIR = path.join(REPO_DIR, 'static');
const SHELL_DIR = path.join(REPO_DIR, 'sandbox', 'shell');
const requireFromStatic = createRequire(path.join(STATIC_DIR, 'package.json'));
const importFromStatic = (specifier) => import(pathToFileURL(requireFromStatic.resolve(specifier)).href);

/** Bare imports of the shell's own files resolve as if written in static/. */
const resolveFromStatic = () => ({
  name: 'resolve-from-static',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (
      importer === undefined ||
      !importer.startsWith(SHELL_DIR) ||
      source.startsWith('.') ||
      source.startsWith('/')
    )
      return null;
    if (source.startsWith('\0')) return null;
    // Resolved from static/'s real path (its node_modules is a symlink in worktrees), so React is one copy.
    return this.resolve(source, path.join(realpathSync(STATIC_DIR), 'index.html'), {
      ...options,
      skipSelf: true,
    });
  },
});

export async function buildShell() {
  const [{ build }, { default: react }] = await Promise.all([
    importFromStatic('vite'),
    importFromStatic('@vitejs/plugin-react'),
  ]);
  await build({
    root: SHELL_DIR,
    configFile: false,
    logLevel: 'warn',
    // The sandbox serves the shell's index at / and its assets under /shell/.
    base: '/shell/',
    plugins: [resolveFromStatic(), react()],
    resolve: { dedupe: ['react', 'react-dom'] },
    build: { outDir: 'build', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildShell().then(
    () => console.log('sandbox shell built in sandbox/shell/build'),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
