#!/usr/bin/env node
// @ts-check
/**
 * Refreshes the screenshots of the ui README (packages/ui/docs/*.png) from the
 * static Storybook: the main states in light, dark and on a 375 × 740 phone.
 *
 *   npm run build-storybook && node packages/ui/docs/screenshots.mjs
 *
 * Serves storybook-static/ on a loopback port, opens each story in Debian's
 * Chromium (after its play function has run) and saves the canvas.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, HEADLESS_FLAGS } from '../../../tools/chromium.mjs';

const root = path.resolve(import.meta.dirname, '../../../storybook-static');
const outDir = import.meta.dirname;
if (!existsSync(path.join(root, 'iframe.html'))) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first.');
  process.exit(1);
}

/** [file name, story id, theme, viewport width, height, full page]. */
const SHOTS = [
  // Tall enough for the whole gallery: Hang up sticks to the bottom of a shorter viewport.
  ['states-light.png', 'proof-activecall-states--light', 'light', 1180, 2200, true],
  ['states-dark.png', 'proof-activecall-states--dark', 'dark', 1180, 2200, true],
  ['active-call-talking.png', 'widgets-activecall--talking', 'light', 480, 640, false],
  ['incoming-call.png', 'widgets-incomingcall--ringing', 'light', 480, 640, false],
  ['mobile-keypad-open.png', 'proof-softphone-on-a-phone--keypad-open', 'light', 375, 740, false],
  ['mobile-call-waiting.png', 'proof-softphone-on-a-phone--call-waiting', 'dark', 375, 740, false],
  ['mobile-ringing.png', 'proof-softphone-on-a-phone--ringing-takes-over', 'light', 375, 740, false],
  ['dialer-mobile-dark.png', 'proof-dialer-on-a-phone--long-address', 'dark', 375, 740, false],
  ['device-picker.png', 'widgets-devicepicker--devices', 'light', 480, 520, false],
];

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const web = createServer((request, response) => {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  const file = path.join(root, path.normalize(pathname));
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[/** @type {keyof TYPES} */ (path.extname(file))] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => web.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = web.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...HEADLESS_FLAGS] });
try {
  for (const [file, id, theme, width, height, fullPage] of SHOTS) {
    const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`);
    await page.waitForSelector('#storybook-root > *', { timeout: 60_000 });
    // The play function clicks and checks; give it, and the fonts, time to settle.
    await page.waitForTimeout(2500);
    await page.screenshot({ path: path.join(outDir, String(file)), fullPage: Boolean(fullPage), animations: 'disabled' });
    await context.close();
    console.log(`wrote packages/ui/docs/${file}`);
  }
} finally {
  await browser.close();
  web.close();
}
