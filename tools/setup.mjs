#!/usr/bin/env node
// @ts-check
/**
 * Brings a fresh clone to a runnable state: npm dependencies, the packages
 * the consumer test installs offline into its fresh apps (into npm's cache),
 * then the Debian packages the tests and the demo need (Kamailio, Chromium).
 * Runs before `npm test` and `npm run demo`; does nothing when all is in place.
 *
 *   node tools/setup.mjs              everything
 *   node tools/setup.mjs --no-system  npm dependencies only
 *
 * Missing system packages are installed with apt-get when running as root;
 * otherwise the exact command to run is printed and the script fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** @param {string} message */
function fail(message) {
  process.stderr.write(`\n[setup] ${message}\n\n`);
  process.exit(1);
}

/** @param {string} command @param {string[]} commandArgs */
function run(command, commandArgs) {
  process.stderr.write(`[setup] ${command} ${commandArgs.join(' ')}\n`);
  const outcome = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return outcome.status === 0;
}

function ensureNodeModules() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const fresh = existsSync(installed) && (!existsSync(lock) || statSync(installed).mtimeMs >= statSync(lock).mtimeMs);
  if (fresh) return;
  const ok = existsSync(lock) ? run('npm', ['ci', '--no-audit', '--no-fund']) : run('npm', ['install', '--no-audit', '--no-fund']);
  if (!ok) fail('npm could not install the dependencies (see above).');
}

/**
 * The consumer test installs React 18 and 19 (and the rest of an app's
 * dependencies) into apps outside the workspace with `npm install --offline`:
 * put exactly those versions in npm's cache. `--prefer-offline` makes this a
 * cache look-up when they are there already.
 */
async function ensureConsumerTestCache() {
  const { cacheSpecs } = await import('./consumer-test/app-dependencies.mjs');
  if (!run('npm', ['cache', 'add', '--prefer-offline', ...cacheSpecs()])) fail("npm could not cache the consumer test's packages (see above).");
}

/** Debian packages the project needs, each with the file that proves it is installed. */
const SYSTEM_PACKAGES = [
  { name: 'kamailio', proof: '/usr/sbin/kamailio', why: 'the local SIP server' },
  { name: 'kamailio-websocket-modules', proof: '/usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so', why: 'SIP over WebSocket' },
  { name: 'chromium', proof: '/usr/bin/chromium', why: 'browser tests' },
];

/** @param {string} proof */
function present(proof) {
  if (existsSync(proof)) return true;
  // The module directory depends on the architecture; look for the module by name.
  if (proof.endsWith('websocket.so')) {
    return spawnSync('sh', ['-c', 'ls /usr/lib/*/kamailio/modules/websocket.so /usr/lib/kamailio/modules/websocket.so 2>/dev/null | grep -q .']).status === 0;
  }
  return false;
}

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((pkg) => !present(pkg.proof));
  if (missing.length === 0) return;
  const names = missing.map((pkg) => pkg.name);
  const command = `apt-get update && apt-get install -y --no-install-recommends ${names.join(' ')}`;
  process.stderr.write(`[setup] missing: ${missing.map((pkg) => `${pkg.name} (${pkg.why})`).join(', ')}\n`);
  if (!isRoot || !existsSync('/usr/bin/apt-get')) fail(`Install them with:\n  sudo sh -c '${command}'`);
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  if (!run('apt-get', [...lock, 'update']) || !run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...names])) {
    fail(`apt-get could not install ${names.join(', ')}. Run:\n  ${command}`);
  }
  const still = missing.filter((pkg) => !present(pkg.proof));
  if (still.length > 0) fail(`still missing after apt-get: ${still.map((pkg) => pkg.name).join(', ')}`);
}

ensureNodeModules();
await ensureConsumerTestCache();
if (!args.has('--no-system')) ensureSystemPackages();
