#!/usr/bin/env node
// @ts-check
/**
 * Call set-up in Chromium with real WebRTC: webphone next to raw sip.js,
 * alternating A B A B after a warm-up, through the project's Kamailio.
 * Runs inside a loopback-only network namespace (ICE can only use
 * 127.0.0.1), where `npm run bench` starts it:
 *
 *   node tools/in-loopback-netns.mjs node bench/browser-call-setup.mjs
 *
 * Prints one JSON line: `{ "webphone": [ms…], "sipJs": [ms…] }`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSipServer } from '@webphone/sip-server';
import { launchMediaChromium } from '../tools/media-chromium.mjs';
import { servePage } from './browser/page-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_BROWSER_ROUNDS ?? 30);
const WARMUP = Number(process.env.BENCH_BROWSER_WARMUP ?? 3);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

const web = await servePage(path.join(here, 'browser', 'call-setup-page.js'), { title: 'call set-up', minify: true });
const sip = await startSipServer({ port: 0, log: 'ignore' });
const browser = await launchMediaChromium();
try {
  const page = await browser.newPage();
  await page.goto(web.url);
  await page.waitForFunction(() => 'benchSetUp' in globalThis);
  await page.evaluate((server) => /** @type {any} */ (globalThis).benchSetUp(server), { url: sip.url, domain: sip.domain });
  /** @type {number[]} */ const webphone = [];
  /** @type {number[]} */ const sipJs = [];
  let lastWebphoneCall = 0;
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // One outgoing call per second per phone (the core's CALL_TOO_MANY_TIMES): wait outside the measured span.
    // Counted from the end of the previous call's round trip, which is surely after that call() ran in the page.
    const wait = 1050 - (Date.now() - lastWebphoneCall);
    if (wait > 0) await sleep(wait);
    const a = await page.evaluate(() => /** @type {any} */ (globalThis).benchWebphone());
    lastWebphoneCall = Date.now();
    const b = await page.evaluate(() => /** @type {any} */ (globalThis).benchSipJs());
    if (round >= WARMUP) {
      webphone.push(a);
      sipJs.push(b);
    }
  }
  process.stdout.write(`${JSON.stringify({ webphone, sipJs, chromium: browser.version() })}\n`);
} finally {
  await browser.close();
  await sip.stop();
  await web.close();
}
