/* global console, performance, process -- Node globals; the ESLint config declares none for .mjs files */
/**
 * Builds the Custom UI apps under static/ (`npm run build:static`) with Vite's JS API and prints what each
 * weighs. Vite and the React plugin live in static/'s own install (static/package.json says why), so they
 * are resolved from there rather than from the repository root.
 */
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATIC_DIR = path.join(REPO_DIR, 'static');
/** One Vite app per Custom UI module; the manifest's resources point at static/<app>/build. */
export const APPS = ['gadget', 'admin', 'issue-panel'];

const requireFromStatic = createRequire(path.join(STATIC_DIR, 'package.json'));
const importFromStatic = (specifier) => import(pathToFileURL(requireFromStatic.resolve(specifier)).href);

/** Builds one app into static/<app>/build; returns the files written with their sizes in bytes. */
export async function buildApp(app) {
  const [{ build }, { default: react }] = await Promise.all([
    importFromStatic('vite'),
    importFromStatic('@vitejs/plugin-react'),
  ]);
  const root = path.join(STATIC_DIR, app);
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    // Forge serves each resource from its own path, so asset URLs must be relative.
    base: './',
    plugins: [react()],
    resolve: {
      alias: {
        '@contracts': path.join(REPO_DIR, 'src', 'contracts'),
        '@shared': path.join(STATIC_DIR, 'shared'),
      },
    },
    build: { outDir: 'build', emptyOutDir: true },
  });
  return filesUnder(path.join(root, 'build')).map((file) => {
    const bytes = readFileSync(file);
    return { file: path.relative(REPO_DIR, file), size: bytes.length, gzip: gzipSync(bytes).length };
  });
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(dir, entry))
    .filter((file) => statSync(file).isFile())
    .sort();
}

const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

async function main() {
  for (const app of APPS) {
    const started = performance.now();
    const files = await buildApp(app);
    const total = files.reduce((sum, { size }) => sum + size, 0);
    const totalGzip = files.reduce((sum, { gzip }) => sum + gzip, 0);
    console.log(
      `${app}: ${kilobytes(total)} (${kilobytes(totalGzip)} gzip) in ${Math.round(performance.now() - started)} ms`,
    );
    for (const { file, size, gzip } of files) {
      console.log(
        `  ${file.padEnd(52)} ${kilobytes(size).padStart(10)} ${kilobytes(gzip).padStart(10)} gzip`,
      );
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
