/**
 * What each Custom UI app makes the browser fetch before it runs (ISSUE 9 "Custom UI"): the entry script of
 * static/<app>/build/index.html and the modules it preloads, gzipped. `npm run build:static` builds them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const UI_APPS = ['gadget', 'admin', 'issue-panel'] as const;
/** ISSUE 9: each static app's initial JavaScript at most 200 KB gzip. */
export const UI_INITIAL_JS_LIMIT_BYTES = 200 * 1024;

export interface UiSize {
  readonly app: string;
  readonly files: string[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The scripts index.html loads at once: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
export const initialScripts = (html: string): string[] => {
  const sources = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModule = /^<script/i.test(tag) && /\btype\s*=\s*["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel\s*=\s*["']?modulepreload/i.test(tag);
    const target = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if ((isModule || isPreload) && target !== undefined) sources.add(target);
  }
  return [...sources];
};

export const measureUi = (repoDir: string): UiSize[] =>
  UI_APPS.map((app) => {
    const build = path.join(repoDir, 'static', app, 'build');
    const index = path.join(build, 'index.html');
    if (!existsSync(index))
      throw new Error(`static/${app}/build/index.html is missing: run npm run build:static`);
    const files = initialScripts(readFileSync(index, 'utf8'));
    if (files.length === 0) throw new Error(`static/${app}/build/index.html loads no module script`);
    const contents = files.map((file) => readFileSync(path.join(build, file.replace(/^\.?\//, ''))));
    return {
      app,
      files,
      bytes: contents.reduce((sum, content) => sum + content.length, 0),
      gzipBytes: contents.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0),
    };
  });
