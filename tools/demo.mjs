#!/usr/bin/env node
// @ts-check
/**
 * `npm run demo`: starts the local Kamailio (ws://127.0.0.1:5066 unless
 * SIP_PORT is set) and the demo softphone's dev server, prints where to
 * open it as 1001 and as 1002, and stops both on Ctrl-C (by PID).
 * `SIP_NODES=2 npm run demo` starts a two-node cluster instead (free ports)
 * and pre-fills the form with both nodes, so failover can be tried by
 * stopping one node's PID.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSipCluster, startSipServer } from './sip-server/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sipPort = Number(process.env.SIP_PORT ?? 5066);
const webPort = Number(process.env.DEMO_PORT ?? 5173);

const nodes = Number(process.env.SIP_NODES ?? 1);
const cluster = nodes > 1 ? await startSipCluster({ nodes, log: 'ignore' }) : null;
const sip = cluster ?? (await startSipServer({ port: sipPort, log: 'ignore' }));
const serverField = cluster ? cluster.urls.join(' ') : /** @type {import('./sip-server/index.mjs').SipServerHandle} */ (sip).url;
for (const node of cluster ? cluster.nodes : [/** @type {import('./sip-server/index.mjs').SipServerHandle} */ (sip)]) {
  process.stdout.write(`SIP server (Kamailio) listening at ${node.url}, domain ${node.domain}, pid ${node.pid}\n`);
}

const vite = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), '--port', String(webPort), '--strictPort', '--host', '127.0.0.1'], {
  cwd: path.join(root, 'apps/softphone'),
  env: { ...process.env, VITE_SIP_SERVER: serverField },
  stdio: ['ignore', 'pipe', 'inherit'],
});
vite.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  if (/ready in/i.test(text)) {
    const base = `http://127.0.0.1:${webPort}/`;
    const as = (/** @type {string} */ ext) => `${base}?ext=${ext}&connect=1`;
    process.stdout.write(
      `\nDemo softphone ready. Open one tab per phone:\n  as 1001: ${as('1001')}\n  as 1002: ${as('1002')}\n` +
        `(signs in at once; without "&connect=1" the sign-in form shows. Test users 1001–1012, password secret<ext>.)\n` +
        `Ctrl-C stops the demo and the SIP server.\n`,
    );
  }
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  if (vite.exitCode === null && vite.pid) {
    vite.kill('SIGTERM');
    await new Promise((resolve) => vite.once('exit', resolve));
  }
  await sip.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
vite.on('exit', (code) => void stop(code ?? 1));
