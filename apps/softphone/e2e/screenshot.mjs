#!/usr/bin/env node
// @ts-check
/**
 * Refreshes docs/demo-in-call.png: the built demo, 1001 talking to 1002.
 * Runs inside the loopback-only network namespace, like the e2e tests:
 *
 *   node tools/in-loopback-netns.mjs node apps/softphone/e2e/screenshot.mjs
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { launchMediaChromium } from '../../../tools/media-chromium.mjs';
import { startSipServer } from '@webphone/sip-server';

const appRoot = path.resolve(import.meta.dirname, '..');
const outDir = path.join(import.meta.dirname, '.build');
const target = path.resolve(appRoot, '../../docs/demo-in-call.png');
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

const built = spawnSync(
  process.execPath,
  [path.join(appRoot, '../../node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
  {
    cwd: appRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  },
);
if (built.status !== 0) process.exit(1);

const web = createServer((request, response) => {
  const pathname = new URL(request.url ?? '/', 'http://x').pathname;
  let file = path.join(outDir, path.normalize(pathname));
  if (!file.startsWith(outDir) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(outDir, 'index.html');
  const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, { 'content-type': type });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => web.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = web.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const sip = await startSipServer({ port: 0, log: 'ignore' });
const browser = await launchMediaChromium();

try {
  const open = async (/** @type {string} */ ext) => {
    const context = await browser.newContext({ viewport: { width: 1180, height: 860 }, deviceScaleFactor: 1, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${base}?ext=${ext}&server=${encodeURIComponent(sip.url)}&name=${encodeURIComponent(ext === '1001' ? 'Ada Lovelace' : 'Grace Hopper')}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Online').first().waitFor();
    return page;
  };
  const ada = await open('1001');
  const grace = await open('1002');
  const dial = async (/** @type {import('playwright-core').Page} */ page, /** @type {string} */ number) => {
    await page.getByRole('textbox', { name: 'Number or SIP address' }).fill(number);
    await page.getByRole('group', { name: 'Dialer' }).getByRole('button', { name: 'Call', exact: true }).click();
  };

  // Some history first: a call from Grace, and one Ada declines.
  await dial(grace, '1001');
  await ada.getByRole('button', { name: 'Answer' }).click();
  await sleep(2500);
  await grace.getByRole('button', { name: 'Hang up' }).click();
  await sleep(1500);
  await dial(grace, '1001');
  await ada.getByRole('button', { name: 'Decline' }).click();
  await sleep(1500);
  const close = grace.getByRole('button', { name: 'Close', exact: true });
  if (await close.isVisible()) await close.click();

  // The call in the picture, long enough for a few quality reports.
  await dial(ada, '1002');
  await grace.getByRole('button', { name: 'Answer' }).click();
  await ada.getByText('Connected').first().waitFor();
  await grace.getByRole('group', { name: 'Call controls' }).getByRole('button', { name: 'Record', exact: true }).click();
  await sleep(16_000);
  await ada.screenshot({ path: target, fullPage: true });
  process.stdout.write(`saved ${target}\n`);
} finally {
  await browser.close();
  await sip.stop();
  web.close();
}
