// @ts-check
/**
 * Serves one bundled test page on 127.0.0.1 for the browser benches: the
 * entry is bundled with esbuild into a temporary folder and served with an
 * `index.html` that loads it.
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * @typedef {{ url: string; close(): Promise<void> }} ServedPage
 */

/**
 * Bundles `entry` and serves it.
 * @param {string} entry path of the page's script
 * @param {{ title: string; minify?: boolean }} options the page title; whether to minify like a production build
 * @returns {Promise<ServedPage>}
 */
export async function servePage(entry, { title, minify = false }) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'webphone-page-'));
  await build({
    entryPoints: [entry],
    bundle: true,
    minify,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: path.join(out, 'page.js'),
    logLevel: 'error',
  });
  fs.writeFileSync(
    path.join(out, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>${title}</title><script type="module" src="/page.js"></script>\n`,
  );
  const web = createServer((request, response) => {
    const file = request.url === '/page.js' ? 'page.js' : 'index.html';
    response.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
    response.end(fs.readFileSync(path.join(out, file)));
  });
  await new Promise((resolve) => web.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = web.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await new Promise((resolve) => web.close(() => resolve(undefined)));
      fs.rmSync(out, { recursive: true, force: true });
    },
  };
}
