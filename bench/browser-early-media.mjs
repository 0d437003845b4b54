#!/usr/bin/env node
// @ts-check
/**
 * Early media in Chromium with real WebRTC: a 183 with SDP from a raw
 * sip.js callee must be heard by webphone's caller before the answer
 * (`isEarlyMedia`, still `calling`), and the answer must keep that audio.
 * Also renders each ringback tone of `@webphone/ui` offline in Chromium's Web
 * Audio and checks its cadence.
 * Runs inside a loopback-only network namespace (ICE can only use 127.0.0.1):
 *
 *   npm run -s build:packages && node tools/in-loopback-netns.mjs node bench/browser-early-media.mjs
 *
 * Prints one JSON line with what it saw and exits 1 if a check failed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSipServer } from '@webphone/sip-server';
import { launchMediaChromium } from '../tools/media-chromium.mjs';
import { servePage } from './browser/page-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A remote level above this is audio (Chromium's fake microphone beeps near full scale); silence is 0. */
const HEARD = 0.01;

const web = await servePage(path.join(here, 'browser', 'early-media-page.js'), { title: 'early media' });
const sip = await startSipServer({ port: 0, log: 'ignore' });
const browser = await launchMediaChromium();
let failed = true;
try {
  const page = await browser.newPage();
  await page.goto(web.url);
  await page.waitForFunction(() => 'earlyMediaCheck' in globalThis);
  const seen = await page.evaluate((server) => /** @type {any} */ (globalThis).earlyMediaCheck(server), { url: sip.url, domain: sip.domain });
  const ringback = await page.evaluate(() => /** @type {any} */ (globalThis).ringbackBursts());
  /** Bursts match when each starts and ends within 60 ms of the cadence. */
  const cadence = (/** @type {[number, number][]} */ found, /** @type {[number, number][]} */ want) =>
    found.length === want.length && found.every(([start, end], i) => Math.abs(start - want[i][0]) < 0.06 && Math.abs(end - want[i][1]) < 0.06);
  const checks = {
    // One cycle each: the next one is started by a timer (covered by the jsdom test with fake timers).
    'ringback North America: 2 s on, then silence': cadence(ringback['north-america'], [[0.02, 2.02]]),
    'ringback Europe: 1 s on, then silence': cadence(ringback.europe, [[0.02, 1.02]]),
    'ringback UK: 0.4 on, 0.2 off, 0.4 on, then silence': cadence(ringback.uk, [
      [0.02, 0.42],
      [0.62, 1.02],
    ]),
    'calling with isRing and isEarlyMedia after the 183': seen.early.callStatus === 'calling' && seen.early.isRing && seen.early.isEarlyMedia,
    'far-end audio heard before the answer': seen.earlyPeak > HEARD && seen.stillCalling,
    'talking, isEarlyMedia cleared after the 200 OK': seen.answered.callStatus === 'talking' && !seen.answered.isEarlyMedia,
    'audio still heard after the answer, on the same stream': seen.answeredPeak > HEARD && seen.sameStream,
  };
  failed = Object.values(checks).includes(false);
  process.stdout.write(`${JSON.stringify({ ...seen, ringback, checks, chromium: browser.version() })}\n`);
} finally {
  await browser.close();
  await sip.stop();
  await web.close();
}
process.exit(failed ? 1 : 0);
