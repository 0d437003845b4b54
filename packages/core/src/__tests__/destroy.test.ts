import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PhoneDestroyedError } from '../index.js';
import { makePhone, nextEvent, testConfig, useOwnSipServer } from './support/phone-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The first test kills this file's server. */
const own = useOwnSipServer();

describe('destroy()', () => {
  it('during a reconnect leaves nothing running: the process exits on its own', async () => {
    const server = own.server();
    const dist = path.resolve(here, '../../dist/index.js');
    expect(existsSync(dist), `${dist} is missing: build with "npx tsc -b" (npm test does)`).toBe(true);

    const child = spawn(process.execPath, [path.join(here, 'support/destroy-during-reconnect.child.mjs'), server.url, server.domain], {
      cwd: here,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    try {
      await expect.poll(() => output, { timeout: 10_000 }).toContain('registered');
      await server.stop();
      await expect.poll(() => output, { timeout: 10_000 }).toContain('destroyed during reconnect');
      const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 8_000))]);
      expect(code, output).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await server.restart();
    }
  });

  it('is idempotent, drops listeners, and refuses start() afterwards', async () => {
    const server = own.server();
    const phone = makePhone(testConfig('1006', { server: server.url }));
    const registered = nextEvent(phone, 'registered');
    phone.on('disconnected', () => undefined);
    phone.start();
    await registered;
    expect(phone.listenerCount()).toBeGreaterThan(0);

    phone.destroy();
    phone.destroy();
    await phone.whenDestroyed();
    expect(phone.listenerCount()).toBe(0);
    expect(phone.store.getState()).toMatchObject({ destroyed: true, transport: 'idle', isRegistered: false });
    expect(() => phone.start()).toThrow(PhoneDestroyedError);
    expect(phone.disconnect()).toBe(false);
    phone.on('registered', () => undefined);
    expect(phone.listenerCount()).toBe(0);
  });
});
