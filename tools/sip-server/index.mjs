// @ts-check
/**
 * @webphone/sip-server — starts and stops a local Kamailio SIP-over-WebSocket
 * server (registrar + proxy for the test domain webphone.test) for tests,
 * demos and manual runs. No npm dependencies: only node: built-ins.
 *
 * Each instance gets its own runtime dir (generated kamailio.cfg, db_text
 * tables, pid file) and its own process group, and is stopped by PID.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOMAIN = 'webphone.test';
export const DEFAULT_PORT = 5066;
export const INSTALL_COMMAND = 'sudo apt-get install -y kamailio kamailio-websocket-modules';

const HOST = '127.0.0.1';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATE = path.join(HERE, 'kamailio.cfg');
const LOG_TAIL_BYTES = 64 * 1024;
const STOP_GRACE_MS = 3000;

/**
 * md5("user:realm:password") as lowercase hex: what digest auth stores
 * and what sip.js accepts as `authorizationHa1`.
 * @param {string} user
 * @param {string} realm
 * @param {string} password
 * @returns {string}
 */
export function ha1(user, realm, password) {
  return createHash('md5').update(`${user}:${realm}:${password}`).digest('hex');
}

/** @typedef {{ extension: string; password: string; ha1: string; uri: string }} SipTestUser */

/**
 * Test accounts 1001, 1002, ... (`count` of them), password `secret<ext>`.
 * @param {number} count
 * @returns {readonly SipTestUser[]}
 */
export function testUsers(count) {
  return Object.freeze(
    Array.from({ length: count }, (_, i) => {
      const extension = String(1001 + i);
      const password = `secret${extension}`;
      return Object.freeze({ extension, password, ha1: ha1(extension, DOMAIN, password), uri: `sip:${extension}@${DOMAIN}` });
    }),
  );
}

/** Test accounts 1001..1012, password `secret<ext>`. @type {readonly SipTestUser[]} */
export const users = testUsers(12);

// ---------------------------------------------------------------------------
// Installation check
// ---------------------------------------------------------------------------

/** @typedef {{ binary: string; modulesDir: string }} KamailioInstallation */

const REQUIRED_MODULES = ['websocket.so', 'xhttp.so', 'tm.so', 'registrar.so', 'auth_db.so', 'db_text.so', 'nathelper.so', 'jsonrpcs.so'];

/** @returns {string | undefined} */
function findBinary() {
  const fromEnv = process.env.KAMAILIO_BIN;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const dirs = ['/usr/sbin', '/usr/local/sbin', ...(process.env.PATH ?? '').split(path.delimiter)].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, 'kamailio');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** @returns {string | undefined} a modules dir holding every required module */
function findModulesDir() {
  const fromEnv = process.env.KAMAILIO_MODULES_DIR;
  /** @type {string[]} */
  const candidates = fromEnv ? [fromEnv] : [];
  // Debian: /usr/lib/<multiarch>/kamailio/modules; source builds: lib64 or lib.
  for (const base of ['/usr/lib', '/usr/local/lib']) {
    let entries = [];
    try {
      entries = readdirSync(base);
    } catch {
      continue;
    }
    for (const e of entries) if (e.includes('-linux-')) candidates.push(path.join(base, e, 'kamailio', 'modules'));
  }
  candidates.push('/usr/lib/kamailio/modules', '/usr/lib64/kamailio/modules', '/usr/local/lib64/kamailio/modules', '/usr/local/lib/kamailio/modules');
  return candidates.find((dir) => REQUIRED_MODULES.every((m) => existsSync(path.join(dir, m))));
}

/**
 * Runs a command, resolving with its exit code and combined output.
 * @param {string} cmd
 * @param {string[]} args
 * @returns {Promise<{ code: number | null; output: string }>}
 */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    let output = '';
    const keep = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString()).slice(-LOG_TAIL_BYTES);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => resolve({ code: -1, output: String(err) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** @type {Promise<void> | undefined} */
let aptUpdated;
/** @type {Promise<KamailioInstallation> | undefined} */
let installing;

/**
 * Finds kamailio and its modules; installs the Debian packages when they are
 * missing and we run as root (apt-get update runs once per process). Throws
 * an error naming the command to run otherwise.
 * @param {{ install?: boolean }} [options]
 * @returns {Promise<KamailioInstallation>}
 */
export async function ensureKamailioInstalled(options = {}) {
  const binary = findBinary();
  const modulesDir = findModulesDir();
  if (binary && modulesDir) return { binary, modulesDir };

  const missing = !binary ? 'kamailio is not installed' : 'the kamailio websocket/xhttp modules are not installed';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (options.install === false || !isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`@webphone/sip-server: ${missing}. Install it with:\n  ${INSTALL_COMMAND}`);
  }
  // Several servers may start concurrently in one process: install once.
  installing ??= (async () => {
    process.stderr.write(`[@webphone/sip-server] ${missing}; installing kamailio with apt-get (running as root)...\n`);
    // Parallel test processes may install at the same time: wait for the lock.
    const lock = ['-o', 'DPkg::Lock::Timeout=300'];
    aptUpdated ??= run('apt-get', [...lock, 'update']).then((r) => {
      if (r.code !== 0) throw new Error(`apt-get update failed (exit ${r.code}):\n${r.output}`);
    });
    await aptUpdated;
    const r = await run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', 'kamailio', 'kamailio-websocket-modules']);
    const bin = findBinary();
    const mods = findModulesDir();
    if (r.code !== 0 || !bin || !mods) {
      throw new Error(`@webphone/sip-server: installing kamailio failed (exit ${r.code}). Run:\n  ${INSTALL_COMMAND}\n${r.output}`);
    }
    return { binary: bin, modulesDir: mods };
  })();
  try {
    return await installing;
  } catch (err) {
    installing = undefined; // allow a later retry
    throw err;
  }
}

// ---------------------------------------------------------------------------
// Runtime dir: generated config and db_text tables
// ---------------------------------------------------------------------------

/** @param {string} s */
function cfgString(s) {
  if (/["\\\n]/.test(s)) throw new Error(`@webphone/sip-server: unsupported character in path ${JSON.stringify(s)}`);
  return s;
}

/**
 * Writes <runtimeDir>/kamailio.cfg and the db_text tables; returns the cfg path.
 * @param {{ runtimeDir: string; port: number; modulesDir: string; debugLevel: number; wsPings: boolean; wsPingIdleSeconds: number; userCount: number;
 *   peers: readonly number[]; clusterToken: string }} o
 */
function writeRuntimeFiles(o) {
  const dbDir = path.join(o.runtimeDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  // db_text: first line declares the columns, ':' separates values.
  const rows = testUsers(o.userCount).map((u, i) => `${i + 1}:${u.extension}:${DOMAIN}:${u.ha1}`);
  writeFileSync(path.join(dbDir, 'subscriber'), ['id(int,auto) username(string) domain(string) ha1(string)', ...rows, ''].join('\n'));
  // auth_db refuses to start unless the table version matches (7 in 5.x).
  writeFileSync(path.join(dbDir, 'version'), 'id(int,auto) table_name(string) table_version(int)\n1:subscriber:7\n');

  /** @type {Record<string, string>} */
  const values = {
    __LISTEN_HOST__: HOST,
    __WS_PORT__: String(o.port),
    __DOMAIN__: DOMAIN,
    __DB_URL__: `text://${cfgString(path.resolve(dbDir))}`,
    __MODULES_DIR__: cfgString(o.modulesDir),
    __DEBUG__: String(o.debugLevel),
    __WS_KEEPALIVE__: o.wsPings ? '1' : '0',
    __WS_PING_IDLE__: String(o.wsPingIdleSeconds),
    ...clusterValues(o.port, o.peers),
    __SELF__: `${HOST}:${o.port}`,
    __CLUSTER_TOKEN__: o.clusterToken,
  };
  const cfg = readFileSync(TEMPLATE, 'utf8').replace(/__[A-Z_]+__/g, (name) => {
    const v = values[name];
    if (v === undefined) throw new Error(`@webphone/sip-server: unknown placeholder ${name} in kamailio.cfg`);
    return v;
  });
  const cfgPath = path.join(o.runtimeDir, 'kamailio.cfg');
  writeFileSync(cfgPath, cfg);
  return cfgPath;
}

/**
 * The cluster parts of the config for a node on `port` whose peers listen on
 * `peers` (all on 127.0.0.1); all empty for a single node.
 * - DMQ (`dmq`, `dmq_usrloc`) replicates registrations and the `flows`
 *   htable (a phone's latest connection) to every peer;
 * - each peer's address is an alias of this node, so a dialog that a peer
 *   record-routed goes on through this node when that peer is gone;
 * - KDMQ requests from loopback go to the DMQ module.
 * @param {number} port @param {readonly number[]} peers
 * @returns {Record<string, string>}
 */
function clusterValues(port, peers) {
  if (peers.length === 0)
    return {
      __CLUSTER_MODULES__: '',
      __CLUSTER_ALIASES__: '',
      __CLUSTER_ROUTE__: '',
      __HTABLE_DMQ__: '',
      __HTABLE_CLUSTER__: '',
      __RECORD_ROUTE__: '\trecord_route();',
    };
  const sip = (/** @type {number} */ p) => `sip:${HOST}:${p};transport=tcp`;
  return {
    __CLUSTER_MODULES__: [
      'loadmodule "dmq.so"',
      'loadmodule "dmq_usrloc.so"',
      `modparam("dmq", "server_address", "${sip(port)}")`,
      ...peers.map((peer) => `modparam("dmq", "notification_address", "${sip(peer)}")`),
      'modparam("dmq", "multi_notify", 1)',
      'modparam("dmq", "num_workers", 1)',
      'modparam("dmq_usrloc", "enable", 1)',
      'modparam("dmq_usrloc", "sync", 1)',
    ].join('\n'),
    __HTABLE_CLUSTER__: 'modparam("htable", "enable_dmq", 1)',
    __CLUSTER_ALIASES__: peers.map((peer) => `alias="${HOST}:${peer}"`).join('\n'),
    __CLUSTER_ROUTE__: ['\tif (is_method("KDMQ")) {', `\t\tif ($si == "${HOST}") dmq_handle_message();`, '\t\texit;', '\t}'].join('\n'),
    __HTABLE_DMQ__: 'dmqreplicate=1;',
    __RECORD_ROUTE__: `\trecord_route_preset("${DOMAIN};transport=ws");`,
  };
}

// ---------------------------------------------------------------------------
// Ports and readiness
// ---------------------------------------------------------------------------

/** @returns {Promise<number>} a TCP port on 127.0.0.1 that was free a moment ago */
function findFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = addr && typeof addr === 'object' ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** @param {number} port @returns {Promise<boolean>} */
function isPortFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

/**
 * One WebSocket handshake attempt with subprotocol "sip" (raw HTTP upgrade,
 * so this package needs no `ws`). Resolves true on 101 + "sip".
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function probeWebSocket(port) {
  return new Promise((resolve) => {
    const req = http.request({
      host: HOST,
      port,
      path: '/',
      method: 'GET',
      agent: false,
      timeout: 1000,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        'Sec-WebSocket-Protocol': 'sip',
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode === 101 && res.headers['sec-websocket-protocol'] === 'sip');
    });
    req.on('response', (res) => {
      res.resume();
      req.destroy();
      resolve(false);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for `p` at most `ms`; true when it settled in time. Clears its timer
 * so a finished wait does not hold the event loop open.
 * @param {Promise<unknown>} p
 * @param {number} ms
 */
async function settlesWithin(p, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------
// Process bookkeeping: stop by PID, and never leave an instance behind
// ---------------------------------------------------------------------------

/** @typedef {{ pid: number; watchdogPid: number | undefined; cleanupDir: string | undefined }} LiveInstance */

/** @type {Set<LiveInstance>} */
const live = new Set();

/**
 * Drops an instance whose kamailio has exited: ends its watchdog (exactly
 * once, so a reused PID is never signalled) and untracks it.
 * @param {LiveInstance} inst
 */
function forget(inst) {
  if (inst.watchdogPid) tryKill(inst.watchdogPid, 'SIGKILL');
  inst.watchdogPid = undefined;
  live.delete(inst);
}

/** Synchronous last-resort kill of every instance this process started. */
function killAllSync() {
  for (const inst of [...live]) {
    // Negative PID = the whole process group kamailio forked its children in.
    tryKill(-inst.pid, 'SIGKILL');
    forget(inst);
    if (inst.cleanupDir) rmSync(inst.cleanupDir, { recursive: true, force: true });
  }
}

/** @param {number} pid @param {NodeJS.Signals | 0} sig */
function tryKill(pid, sig) {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** @param {number} pid process group id */
function groupAlive(pid) {
  return tryKill(-pid, 0);
}

let hooksInstalled = false;
/** @param {NodeJS.Signals} sig */
function onSignal(sig) {
  // Only act when nobody else handles the signal (e.g. the CLI has its own
  // graceful handler); then behave like the default action: clean up, die.
  if (process.listenerCount(sig) > 1) return;
  killAllSync();
  process.removeListener(sig, onSignal);
  process.kill(process.pid, sig);
}
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllSync);
  for (const sig of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(sig, onSignal);
}

/**
 * A tiny `sh` in its own process group that kills kamailio's group (and
 * removes our temp runtime dir) when our end of its stdin closes, i.e. when
 * this Node process dies in a way that skips the 'exit' hook (SIGKILL, a
 * crash, a worker killed by the test runner). dash's kill has no "--", hence
 * `kill -9 -PGID`.
 * @param {number} pgid
 * @param {string | undefined} cleanupDir
 * @returns {number | undefined}
 */
function startWatchdog(pgid, cleanupDir) {
  const script = 'read _ignored; kill -9 "-$1" 2>/dev/null; if [ -n "$2" ]; then sleep 1; rm -rf "$2"; fi';
  try {
    const wd = spawn('/bin/sh', ['-c', script, 'sip-server-watchdog', String(pgid), cleanupDir ?? ''], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    });
    wd.on('error', () => {});
    wd.stdin?.on('error', () => {});
    wd.unref();
    // An idle pipe must not keep the event loop alive.
    /** @type {any} */ (wd.stdin)?.unref?.();
    return wd.pid;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/**
 * @typedef {object} SipServerOptions
 * @property {number} [port] TCP port on 127.0.0.1; 0 or absent = pick a free one.
 * @property {'127.0.0.1'} [host] Only loopback is supported.
 * @property {string} [runtimeDir] Where cfg, db_text tables and pid file go; a
 *   fresh mkdtemp dir (removed on stop) when absent.
 * @property {'inherit' | 'pipe' | 'ignore'} [log] Kamailio output: 'inherit'
 *   forwards it to this process's stdout/stderr (and keeps the last 64 KB);
 *   'pipe' (default) keeps the last 64 KB in memory (`logTail()`); 'ignore'
 *   keeps only the last 8 KB, for startup error messages.
 * @property {boolean} [install] Install the Debian packages when missing and
 *   running as root (default true).
 * @property {number} [debugLevel] Kamailio `debug` level, default 1 (env
 *   WEBPHONE_SIP_DEBUG overrides); 2 = info, 3 = full debug.
 * @property {number} [startTimeoutMs] Readiness timeout, default 10000.
 * @property {boolean} [wsPings] Kamailio sends WebSocket Ping frames to
 *   connections idle for 30 s (default true). false: it sends nothing, so a
 *   connection stays open only by the client's own keep-alive traffic.
 * @property {number} [wsPingIdleSeconds] Idle seconds before such a Ping
 *   (default 30; whole seconds from 1).
 * @property {number} [userCount] How many test accounts from 1001 up
 *   (default 12, at most 8999), e.g. 200 for a load test.
 * @property {readonly number[]} [peers] Ports of the other nodes of a cluster
 *   (see `startSipCluster`); needs a fixed `port`.
 * @property {string} [clusterToken] The token the nodes of a cluster share
 *   (random when absent).
 */

/**
 * @typedef {object} SipClusterHandle
 * @property {SipServerHandle[]} nodes the nodes, each stoppable and restartable alone
 * @property {string[]} urls their ws:// URLs, in order
 * @property {'webphone.test'} domain
 * @property {() => Promise<void>} stop stops every node
 */

/**
 * @typedef {object} SipServerHandle
 * @property {string} url ws://127.0.0.1:PORT
 * @property {number} port
 * @property {number} pid PID of the kamailio main process (changes on restart)
 * @property {string} runtimeDir
 * @property {'webphone.test'} domain
 * @property {() => Promise<void>} stop
 * @property {() => Promise<void>} restart
 * @property {() => string} logTail
 * @property {(extension?: string) => Promise<SipBinding[]>} bindings
 * @property {(method: string, ...params: unknown[]) => Promise<unknown>} rpc
 */

/**
 * @typedef {object} SipBinding
 * @property {string} aor user part of the address of record, e.g. "1001"
 * @property {string} contact the Contact URI the client registered
 * @property {string} received where the registrar reaches it (the WebSocket's source)
 * @property {number} expires seconds left
 * @property {string} callId Call-ID of the REGISTER that made or refreshed it
 * @property {number} cseq its CSeq
 */

/**
 * Starts `nodes` Kamailio instances on 127.0.0.1 that form one cluster: they
 * share registrations and each phone's latest connection through DMQ, and
 * each takes the others' Record-Route as its own. Options apply to every
 * node (`port`, `peers` and `runtimeDir` are chosen here).
 * @param {Omit<SipServerOptions, 'port' | 'peers' | 'runtimeDir'> & { nodes?: number }} [options]
 * @returns {Promise<SipClusterHandle>}
 */
export async function startSipCluster(options = {}) {
  const count = options.nodes ?? 2;
  if (!Number.isInteger(count) || count < 2 || count > 4) throw new Error(`@webphone/sip-server: a cluster has 2 to 4 nodes, got ${count}`);
  const ports = [];
  while (ports.length < count) {
    const port = await findFreePort();
    if (!ports.includes(port)) ports.push(port);
  }
  /** @type {SipServerHandle[]} */
  const nodes = [];
  try {
    const clusterToken = randomBytes(12).toString('hex');
    for (const port of ports) nodes.push(await startSipServer({ ...options, port, clusterToken, peers: ports.filter((other) => other !== port) }));
  } catch (error) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw error;
  }
  return {
    nodes,
    urls: nodes.map((node) => node.url),
    domain: DOMAIN,
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    },
  };
}

/**
 * Starts kamailio in the foreground of its own process group and resolves
 * once a WebSocket handshake with subprotocol "sip" succeeds.
 * @param {SipServerOptions} [options]
 * @returns {Promise<SipServerHandle>}
 */
export async function startSipServer(options = {}) {
  if (options.host !== undefined && options.host !== HOST) {
    throw new Error(`@webphone/sip-server: only host ${HOST} is supported`);
  }
  const { binary, modulesDir } = await ensureKamailioInstalled({ install: options.install });
  const debugLevel = options.debugLevel ?? (Number(process.env.WEBPHONE_SIP_DEBUG) || 1);
  const logMode = options.log ?? 'pipe';
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  const ownDir = !options.runtimeDir;
  const runtimeDir = path.resolve(options.runtimeDir ?? mkdtempSync(path.join(os.tmpdir(), 'webphone-sip-')));
  const fixedPort = options.port ? options.port : undefined;
  const wsPings = options.wsPings ?? true;
  const wsPingIdleSeconds = options.wsPingIdleSeconds ?? 30;
  const userCount = options.userCount ?? 12;
  const peers = [...(options.peers ?? [])];
  const clusterToken = options.clusterToken ?? randomBytes(12).toString('hex');
  if (!/^[0-9a-z]{8,64}$/i.test(clusterToken)) throw new Error('@webphone/sip-server: clusterToken must be 8 to 64 letters and digits');
  if (peers.length > 0 && !fixedPort) throw new Error('@webphone/sip-server: a node with peers needs a fixed port (see startSipCluster)');
  if (!Number.isInteger(userCount) || userCount < 1 || userCount > 8999) {
    throw new Error(`@webphone/sip-server: userCount must be a whole number from 1 to 8999, got ${userCount}`);
  }
  if (!Number.isInteger(wsPingIdleSeconds) || wsPingIdleSeconds < 1) {
    throw new Error(`@webphone/sip-server: wsPingIdleSeconds must be a whole number of seconds from 1, got ${wsPingIdleSeconds}`);
  }

  /** @type {{ child: import('node:child_process').ChildProcess; inst: LiveInstance; port: number; tail: () => string; exited: Promise<void> } | undefined} */
  let current;
  let port = fixedPort ?? 0;

  /** How this server's kamailio is started (the port may change between launches). */
  const spawnOptions = () => ({
    binary,
    modulesDir,
    runtimeDir,
    port,
    debugLevel,
    wsPings,
    wsPingIdleSeconds,
    userCount,
    peers,
    clusterToken,
    logMode,
    timeoutMs,
    cleanupDir: ownDir ? runtimeDir : undefined,
  });

  async function launch() {
    // A free port chosen here can be taken by someone else before kamailio
    // binds it; retry with another one in that case (not for a fixed port).
    for (let attempt = 1; ; attempt++) {
      if (!fixedPort && !port) port = await findFreePort();
      try {
        current = await spawnKamailio(spawnOptions());
        return;
      } catch (err) {
        const inUse = /EADDRINUSE|Address already in use|already in use/.test(String(err));
        if (fixedPort || !inUse || attempt >= 3) throw err;
        port = 0;
      }
    }
  }

  /** @type {Promise<void> | undefined} */
  let stopping;
  /** Output of the last stopped instance, for logTail() after stop(). */
  let lastTail = () => '';
  let lastPid = 0;
  async function stop() {
    if (!current) return;
    const { child, inst, exited } = current;
    lastTail = current.tail;
    lastPid = inst.pid;
    stopping ??= (async () => {
      const pid = inst.pid;
      // SIGTERM to the main process only: it stops its children itself and
      // exits quietly. Signalling the whole group makes it log an ALERT per
      // child that "exited". The group gets SIGKILL if anything lingers.
      tryKill(pid, 'SIGTERM');
      if (!(await settlesWithin(exited, STOP_GRACE_MS))) {
        tryKill(-pid, 'SIGKILL');
        await exited;
      }
      // Stragglers got SIGKILL on exit; give them (zombies until reaped by
      // init) a moment to disappear.
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(20);
      child.stdout?.destroy();
      child.stderr?.destroy();
    })();
    await stopping;
    stopping = undefined;
    current = undefined;
  }

  try {
    await launch();
  } catch (err) {
    // The error carries kamailio's output; a temp dir of our own is garbage.
    if (ownDir) rmSync(runtimeDir, { recursive: true, force: true });
    throw err;
  }

  /** @type {SipServerHandle} */
  const handle = {
    get url() {
      return `ws://${HOST}:${port}`;
    },
    get port() {
      return port;
    },
    // Keeps the last PID after stop(): never hand out -1/0, which
    // process.kill() would treat as "every process" / "my own group".
    get pid() {
      return current ? current.inst.pid : lastPid;
    },
    runtimeDir,
    domain: DOMAIN,
    logTail: () => (current ? current.tail() : lastTail()),
    bindings: (extension) => readBindings(port, extension),
    rpc: (method, ...params) => rpc(port, method, params),
    async stop() {
      await stop();
      if (ownDir) rmSync(runtimeDir, { recursive: true, force: true });
    },
    async restart() {
      await stop();
      current = await spawnKamailio(spawnOptions());
    },
  };
  return handle;
}

/**
 * @param {{ binary: string; modulesDir: string; runtimeDir: string; port: number; debugLevel: number; wsPings: boolean;
 *   wsPingIdleSeconds: number; userCount: number; peers: readonly number[]; clusterToken: string; logMode: 'inherit' | 'pipe' | 'ignore';
 *   timeoutMs: number; cleanupDir: string | undefined }} o
 */
async function spawnKamailio(o) {
  if (!(await isPortFree(o.port))) {
    throw new Error(`@webphone/sip-server: ${HOST}:${o.port} is already in use (EADDRINUSE)`);
  }
  const cfgPath = writeRuntimeFiles(o);
  const pidFile = path.join(o.runtimeDir, 'kamailio.pid');
  rmSync(pidFile, { force: true });
  installExitHooks();

  // -DD: stay in the foreground (children still fork, into our new group);
  // -E: log to stderr; -m/-M: small shared/private memory (MB) so several
  // instances fit; -Y: runtime dir for kamailio's own files; -a no: no DNS
  // lookups of the host's own names.
  const args = ['-DD', '-E', '-f', cfgPath, '-Y', o.runtimeDir, '-P', pidFile, '-m', '64', '-M', '8', '-a', 'no'];
  const child = spawn(o.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, cwd: o.runtimeDir });
  const pid = child.pid;
  if (pid === undefined) {
    const err = await new Promise((resolve) => child.once('error', resolve));
    throw new Error(`@webphone/sip-server: cannot run ${o.binary}: ${String(err)}`);
  }
  /** @type {LiveInstance} */
  const inst = { pid, watchdogPid: undefined, cleanupDir: o.cleanupDir };
  live.add(inst);
  inst.watchdogPid = startWatchdog(pid, o.cleanupDir);

  let tail = '';
  // 'ignore' still keeps a little, so a failed start can say why.
  const keep = o.logMode === 'ignore' ? 8 * 1024 : LOG_TAIL_BYTES;
  const collect = (/** @type {NodeJS.WriteStream} */ target) => (/** @type {Buffer} */ chunk) => {
    tail = (tail + chunk.toString()).slice(-keep);
    if (o.logMode === 'inherit') target.write(chunk);
  };
  // Always drain both pipes: a full pipe would block kamailio.
  child.stdout?.on('data', collect(process.stdout));
  child.stderr?.on('data', collect(process.stderr));

  /** @type {number | null | string} */
  let exitStatus = null;
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exitStatus = signal ?? code;
      // Normally the main process has reaped its children by now; after a
      // crash or SIGKILL some may be left in the group.
      if (groupAlive(pid)) tryKill(-pid, 'SIGKILL');
      forget(inst);
      resolve();
    }),
  );
  child.unref();
  // Keep the pipes from holding the event loop open once the server runs.
  /** @type {any} */ (child.stdout)?.unref?.();
  /** @type {any} */ (child.stderr)?.unref?.();

  const fail = async (/** @type {string} */ why) => {
    tryKill(-pid, 'SIGKILL');
    await settlesWithin(exited, 2000);
    forget(inst);
    const lines = tail.trim().split('\n').slice(-30).join('\n');
    return new Error(`@webphone/sip-server: ${why} (port ${o.port}, runtime dir ${o.runtimeDir}).\nkamailio output (tail):\n${lines}`);
  };

  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    if (exitStatus !== null) throw await fail(`kamailio exited during startup (${exitStatus})`);
    if (await probeWebSocket(o.port)) break;
    if (Date.now() > deadline) throw await fail(`no WebSocket handshake within ${o.timeoutMs} ms`);
    await sleep(50);
  }
  // Our probe may have raced a dying process; confirm it is still ours.
  if (exitStatus !== null) throw await fail(`kamailio exited during startup (${exitStatus})`);

  return { child, inst, port: o.port, tail: () => tail, exited };
}

// ---------------------------------------------------------------------------
// Registrar inspection (JSON-RPC over HTTP, jsonrpcs module)
// ---------------------------------------------------------------------------

/**
 * Calls a Kamailio RPC command through the /RPC HTTP endpoint.
 * @param {number} port
 * @param {string} method
 * @param {unknown[]} [params]
 * @returns {Promise<unknown>} the `result` member of the answer
 */
function rpc(port, method, params = []) {
  const body = JSON.stringify({ jsonrpc: '2.0', method, ...(params.length > 0 && { params }), id: 1 });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: HOST,
        port,
        path: '/RPC',
        method: 'POST',
        agent: false,
        timeout: 3000,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          try {
            const answer = JSON.parse(text);
            if (answer.error) reject(new Error(`@webphone/sip-server: RPC ${method} failed: ${JSON.stringify(answer.error)}`));
            else resolve(answer.result);
          } catch {
            reject(new Error(`@webphone/sip-server: RPC ${method} answered ${res.statusCode} ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`@webphone/sip-server: RPC ${method} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The registrar's bindings (usrloc `ul.dump`), all of them or one user's.
 * @param {number} port
 * @param {string | undefined} extension
 * @returns {Promise<SipBinding[]>}
 */
async function readBindings(port, extension) {
  const result = /** @type {any} */ (await rpc(port, 'ul.dump'));
  /** @type {SipBinding[]} */
  const bindings = [];
  for (const { Domain: domain } of result?.Domains ?? []) {
    for (const { Info: info } of domain?.AoRs ?? []) {
      if (extension !== undefined && info.AoR !== extension) continue;
      for (const { Contact: c } of info.Contacts ?? []) {
        bindings.push({ aor: info.AoR, contact: c.Address, received: c.Received, expires: Number(c.Expires), callId: c['Call-ID'], cseq: Number(c.CSeq) });
      }
    }
  }
  return bindings;
}
