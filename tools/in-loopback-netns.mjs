#!/usr/bin/env node
// @ts-check
/**
 * Runs a command inside a new network namespace that has only a loopback
 * interface (`unshare -n`, then `ip link set lo up`). Browser media tests
 * run this way so that ICE can only ever use 127.0.0.1, together with their
 * own SIP server and web server started inside the same namespace.
 *
 *   node tools/in-loopback-netns.mjs <command> [args...]
 *
 * Needs root (or CAP_SYS_ADMIN). Without it the run fails, never skips.
 */
import { spawnSync } from 'node:child_process';

const command = process.argv.slice(2);
if (command.length === 0) {
  process.stderr.write('usage: node tools/in-loopback-netns.mjs <command> [args...]\n');
  process.exit(2);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  process.stderr.write(
    '[netns] browser media tests run in a loopback-only network namespace, which needs root.\n' +
      `        Run as root: sudo ${process.argv.slice(0, 2).join(' ')} ${command.join(' ')}\n`,
  );
  process.exit(1);
}
const outcome = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'in-netns', ...command], { stdio: 'inherit' });
if (outcome.error) {
  process.stderr.write(`[netns] could not start unshare: ${outcome.error.message}\n`);
  process.exit(1);
}
process.exit(outcome.status ?? 1);
