#!/usr/bin/env node
// @ts-check
/**
 * Runs the local Kamailio SIP-over-WebSocket server in the foreground.
 *
 *   node tools/sip-server/cli.mjs [--port 5066] [--runtime-dir DIR] [--debug N] [--quiet] [--no-ws-pings] [--nodes N]
 *
 * Ctrl+C (SIGINT) or SIGTERM stops kamailio by PID and exits.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, DOMAIN, startSipCluster, startSipServer, users } from './index.mjs';

const USAGE = `Usage: webphone-sip-server [--port ${DEFAULT_PORT}] [--runtime-dir DIR] [--debug 1|2|3] [--quiet] [--no-ws-pings] [--nodes 2]
  --port         TCP port on 127.0.0.1 (0 = any free port), default ${DEFAULT_PORT}
  --runtime-dir  where the generated kamailio.cfg and tables go (default: a temp dir)
  --debug        kamailio log level: 1 notice (default), 2 info, 3 debug
  --quiet        do not show kamailio's log output
  --no-ws-pings  send no WebSocket Ping frames to idle clients (like many PBXs)
  --nodes        start a cluster of 2 to 4 nodes on free ports (sharing registrations through DMQ)`;

/** @type {{ port?: string; 'runtime-dir'?: string; debug?: string; quiet?: boolean; 'no-ws-pings'?: boolean; nodes?: string; help?: boolean }} */
let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      'runtime-dir': { type: 'string' },
      debug: { type: 'string' },
      quiet: { type: 'boolean' },
      'no-ws-pings': { type: 'boolean' },
      nodes: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (err) {
  console.error(`${err instanceof Error ? err.message : err}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = args.port === undefined ? DEFAULT_PORT : Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${args.port}\n${USAGE}`);
  process.exit(2);
}
const debugLevel = args.debug === undefined ? undefined : Number(args.debug);

const nodes = args.nodes === undefined ? 1 : Number(args.nodes);
if (nodes > 1) {
  let cluster;
  try {
    cluster = await startSipCluster({ nodes, log: args.quiet ? 'ignore' : 'inherit', debugLevel, wsPings: !args['no-ws-pings'] });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  console.log(`SIP cluster of ${nodes} nodes ready (domain/realm ${DOMAIN}); give a phone all of them, preferred first:`);
  for (const node of cluster.nodes) console.log(`  ${node.url}  (kamailio pid ${node.pid}; stop it to try failover)`);
  console.log('Test users 1001–1012, password secret<ext>. Press Ctrl+C to stop.');
  const hold = setInterval(() => undefined, 1000);
  const stopCluster = async () => {
    clearInterval(hold);
    await cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stopCluster);
  process.on('SIGTERM', stopCluster);
} else {
  await single();
}

async function single() {
  /** @type {import('./index.mjs').SipServerHandle} */
  let server;
  try {
    server = await startSipServer({
      port,
      runtimeDir: args['runtime-dir'],
      log: args.quiet ? 'ignore' : 'inherit',
      debugLevel,
      wsPings: !args['no-ws-pings'],
    });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }

  console.log(`SIP server (kamailio pid ${server.pid}) ready
  WebSocket URL: ${server.url}
  domain/realm:  ${DOMAIN}
  runtime dir:   ${server.runtimeDir}
  test users (user / password / HA1):`);
  for (const u of users) console.log(`    ${u.extension} / ${u.password} / ${u.ha1}`);
  console.log('Press Ctrl+C to stop.');

  // The server handle does not keep the event loop alive on purpose (a
  // forgotten test server must not hang a test run); the CLI must stay up,
  // and exit if kamailio dies on its own.
  const keepAlive = setInterval(() => {
    try {
      process.kill(server.pid, 0);
    } catch {
      console.error(`kamailio (pid ${server.pid}) exited unexpectedly.\n${server.logTail().split('\n').slice(-20).join('\n')}`);
      process.exit(1);
    }
  }, 1000);

  let stopping = false;
  /** @param {NodeJS.Signals} sig */
  async function shutdown(sig) {
    if (stopping) return;
    stopping = true;
    console.log(`\n${sig} received, stopping kamailio (pid ${server.pid})...`);
    try {
      await server.stop();
    } finally {
      clearInterval(keepAlive);
    }
    console.log('stopped.');
    process.exit(0);
  }
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
