/**
 * Serves a built Vite app from its build folder: files only inside the folder (no `..`, no symlink escape by
 * name), a small content-type table, and the Content-Security-Policy Forge injects for Custom UI
 * (FORGE_NOTES §9: `script-src 'self'`, styles `'unsafe-inline'` as the manifest allows), so an inline script
 * would be refused here as in Jira. `transformHtml` lets the caller inject the bridge script into index.html.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { sendProblem } from './json-io';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

export const CUSTOM_UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const serveBuilt = async (
  response: ServerResponse,
  root: string,
  relativePath: string,
  transformHtml: (html: string) => string = (html) => html,
): Promise<void> => {
  const wanted =
    relativePath === '' || relativePath.endsWith('/') ? `${relativePath}index.html` : relativePath;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decodeURIComponent(wanted)}`)}`);
  if (!file.startsWith(`${path.resolve(root)}${path.sep}`)) {
    sendProblem(response, 404, 'No such file.');
    return;
  }
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    sendProblem(
      response,
      404,
      wanted.endsWith('index.html')
        ? 'This app is not built: run `npm run build:static` (npm start does it for you).'
        : 'No such file.',
    );
    return;
  }
  const extension = path.extname(file);
  const body = extension === '.html' ? Buffer.from(transformHtml(content.toString('utf8'))) : content;
  response.writeHead(200, {
    'content-type': TYPES[extension] ?? 'application/octet-stream',
    'content-security-policy': CUSTOM_UI_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': extension === '.html' ? 'no-store' : 'max-age=60',
  });
  response.end(body);
};
