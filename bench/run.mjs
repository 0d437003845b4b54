#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: webphone next to raw sip.js, measured in one run so noise
 * on a shared machine hits both alike, in Node and (call set-up) in
 * Chromium with real WebRTC. Prints one table. Timings are only
 * printed, never asserted; size budgets are enforced by `npm test`.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { startSipServer } from '@webphone/sip-server';
import { BUDGETS, limitOf, overOfFloor } from './budgets.mjs';
import { BUNDLERS, measureAll } from './bundle-size.mjs';
import { clusterFailover, concurrentCallsThroughRestart, recoveryAfterCut } from './call-recovery.mjs';
import { sipJsCaller, webphoneCaller } from './call-setup.mjs';
import { deadConnection } from './dead-connection.mjs';
import { registerWithSipJs, registerWithWebphone } from './registration.mjs';
import { reregistrationAfterRestart } from './reregistration.mjs';
import { renderCounts } from './render-counts.mjs';
import { resourcesAfterCalls } from './resources.mjs';
import { alternate, median, p95 } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Node 20 has no global WebSocket; sip.js's transport needs one.
globalThis.WebSocket = /** @type {typeof globalThis.WebSocket} */ (/** @type {unknown} */ (WebSocket));

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const PHONES = Number(process.env.BENCH_PHONES ?? 200);
const CONCURRENT_CALLS = Number(process.env.BENCH_CONCURRENT_CALLS ?? 100);
const CUTS = Number(process.env.BENCH_CUTS ?? 10);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @type {string[][]} */
const rows = [];
const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;
const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (/** @type {number} */ bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** @param {string} what @param {number[]} ours @param {number[]} theirs */
function timingRow(what, ours, theirs) {
  rows.push([
    what,
    `median ${ms(median(ours))}, p95 ${ms(p95(ours))}`,
    `median ${ms(median(theirs))}, p95 ${ms(p95(theirs))}`,
    `×${(median(ours) / median(theirs)).toFixed(2)} (n=${ours.length} each)`,
  ]);
}

const server = await startSipServer({ port: 0, log: 'ignore' });
try {
  const registration = await alternate(
    () => registerWithWebphone(server, '1001'),
    () => registerWithSipJs(server, '1002'),
    { rounds: ROUNDS, warmup: WARMUP },
  );
  timingRow('Registration: start() → registered', registration.a, registration.b);

  const ours = await webphoneCaller(server);
  const theirs = await sipJsCaller(server);
  let lastOurs = 0;
  const setup = await alternate(
    async () => {
      // One outgoing call per second per phone (CALL_TOO_MANY_TIMES): wait outside the measured span.
      const wait = 1050 - (Date.now() - lastOurs);
      if (wait > 0) await sleep(wait);
      lastOurs = Date.now();
      return ours.once();
    },
    () => theirs.once(),
    { rounds: ROUNDS, warmup: WARMUP },
  );
  await ours.close();
  await theirs.close();
  timingRow('Call setup: call() → confirmed', setup.a, setup.b);

  const resources = await resourcesAfterCalls(server, CALLS);
  rows.push(['Store writes while 2 calls talk (5 s)', `${resources.writesPerSecond.toFixed(1)} writes/s`, '', 'timers never write the store']);
  rows.push([
    `Resources: ${CALLS} calls in a row (callee)`,
    `heap after GC ${mb(resources.heapBefore)} → ${mb(resources.heapAfter)} (→ ${mb(resources.heapSettled)} once sip.js's 32 s transaction timers ran out)`,
    '',
    `sessions ${resources.atEnd.sessions}, store calls ${resources.atEnd.storeCalls}, listeners ${resources.listenersBefore} → ${resources.atEnd.listeners}`,
  ]);
  rows.push([
    '  process timers (incl. sip.js 32 s transaction timers)',
    `before ${resources.timersBefore}, at end ${resources.atEnd.timers}, 33 s later ${resources.timersSettled}, after destroy ${resources.timersAfterDestroy}`,
    '',
    '',
  ]);
} finally {
  await server.stop();
}

// Servers of their own (pings off, more users), after the shared one stopped.
const restart = await reregistrationAfterRestart(PHONES);
const s = (/** @type {number} */ value) => `${(value / 1000).toFixed(1)} s`;
rows.push([
  `Server restart: ${restart.count} phones in one process, Kamailio restarted`,
  `all registered again ${s(restart.allBackMs)} after the restart began (server down ${s(restart.downMs)}); peak ${restart.peakRegistersPerSecond} REGISTERs/s at the server`,
  'does not reconnect (sip.js default reconnectionAttempts 0)',
  `${restart.registersAfterRestart} REGISTERs in all (2 per registration: challenge, answer); ${restart.bindings} bindings after`,
]);
const dead = await deadConnection();
rows.push([
  'Half-open connection (blackholed, no FIN), default settings',
  `found dead after ${s(dead.detectedMs)} (bound 25 s); registered again ${s(dead.reregisteredMs)} after traffic passed`,
  dead.rawDetectedMs === null ? `not noticed in ${s(dead.watchedMs)} (no keep-alive)` : `noticed after ${s(dead.rawDetectedMs)}`,
  '',
]);

const recovery = await recoveryAfterCut(CUTS);
rows.push([
  'Call recovery: connection cut mid-call → recovery re-INVITE answered, default settings',
  `median ${s(median(recovery.recoveredMs))}, p95 ${s(p95(recovery.recoveredMs))} (n=${recovery.recoveredMs.length}; the reconnect waits 0–2 s at random)`,
  `transport ${recovery.rawTransportBack ? 'reconnects' : 'does not reconnect'} (reconnectionAttempts 10), no re-REGISTER, no re-INVITE`,
  `far end's BYE afterwards: ${recovery.byeReachedWebphone ? 'reaches' : 'LOST for'} webphone, ${recovery.byeReachedRaw ? 'reaches' : 'lost for'} raw sip.js`,
]);
const concurrent = await concurrentCallsThroughRestart(CONCURRENT_CALLS);
rows.push([
  `${concurrent.calls} concurrent calls (${2 * concurrent.calls} phones, one process, signalling only), Kamailio restarted`,
  `${concurrent.failedToConnect} failed; all talking ${s(concurrent.allTalkingMs)} after placing; all recovered on both sides ${s(concurrent.allRecoveredMs)} after the restart began (server down ${s(concurrent.restartMs)})`,
  '',
  `${concurrent.lost} calls lost; ${concurrent.endedCleanly} of ${concurrent.calls} hang-ups reached the far end after`,
]);

const failover = await clusterFailover();
rows.push([
  'Cluster failover: two phones in a call on node A of two, node A stopped, default settings',
  `both registered on node B ${s(failover.failoverMs)} after the stop; the call recovered on both sides ${s(failover.recoveredMs)} after it`,
  'one server per user agent',
  '',
]);

// The same call set-up in Chromium with real WebRTC (getUserMedia, ICE, DTLS), in its own loopback-only
// network namespace with its own Kamailio, so that ICE can only use 127.0.0.1.
const inBrowser = spawnSync(
  process.execPath,
  [path.join(root, 'tools/in-loopback-netns.mjs'), process.execPath, path.join(root, 'bench/browser-call-setup.mjs')],
  {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
if (inBrowser.status !== 0) throw new Error(`the browser call set-up measure failed (exit ${inBrowser.status}); see above`);
const browserTimings = JSON.parse(inBrowser.stdout.trim().split('\n').at(-1) ?? '{}');
timingRow(
  `Call setup in Chromium ${browserTimings.chromium} (real WebRTC, ICE over 127.0.0.1): call() → confirmed`,
  browserTimings.webphone,
  browserTimings.sipJs,
);

for (const bundler of BUNDLERS) {
  const sizes = await measureAll(bundler);
  const { floor, core, react, ui } = sizes;
  const over = (/** @type {import('./bundle-size.mjs').BundleSize} */ size) => `+${kb(size.gzip - floor.gzip)} gzip over the floor`;
  rows.push([
    `Bundle (${bundler}): floor (sip.js UA+Registerer+Inviter+Web SDH, zustand/vanilla)`,
    `${kb(floor.minified)} min, ${kb(floor.gzip)} gzip`,
    '',
    '',
  ]);
  rows.push([
    `Bundle (${bundler}): app importing PhoneOperator`,
    `${kb(core.minified)} min, ${kb(core.gzip)} gzip`,
    '',
    `+${kb(overOfFloor(sizes))} gzip over the floor (the core's overhead)`,
  ]);
  rows.push([`Bundle (${bundler}): app importing the React hooks`, `${kb(react.minified)} min, ${kb(react.gzip)} gzip`, '', over(react)]);
  rows.push([
    `Bundle (${bundler}): app importing <Softphone />`,
    `${kb(ui.minified)} min, ${kb(ui.gzip)} gzip`,
    '',
    `${over(ui)}; its stylesheet ${kb(ui.cssGzip)} gzip apart${ui.lazyGzip > 0 ? `; ${kb(ui.lazyGzip)} gzip more loaded only when used (dynamic imports)` : ''}`,
  ]);
  for (const budget of BUDGETS) {
    const size = budget.size(sizes);
    const limit = limitOf(budget, bundler);
    const status = size <= budget.target ? 'target met' : `OVER the target by ${kb(size - budget.target)}`;
    const ceiling = limit === budget.target ? '' : `; npm test's ceiling until then: ${kb(limit)}`;
    rows.push([`Budget (${bundler}): ${budget.what} ≤ ${kb(budget.target)} gzip`, kb(size), '', `${status}${ceiling}`]);
  }
}

const renders = renderCounts();
rows.push([
  'Render counts: 2 calls, 6 s of ticking timers, hold, mute, re-register',
  Object.entries(renders)
    .map(([id, n]) => `${id} ${n}`)
    .join(', '),
  '',
  'timers render once a second each; nothing else re-renders for them',
]);

const header = ['measure', 'webphone', 'raw sip.js', 'comparison'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (/** @type {string[]} */ cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
process.stdout.write(
  `\nwebphone benchmark — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}\n\n`,
);
process.stdout.write(`${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`);
