import { afterEach, describe, expect, it } from 'vitest';
import type { PhoneLogger } from '../index.js';
import { destroyAllPhones, ha1Of, makePhone, nextEvent, passwordOf, testConfig, waitForState } from './support/phone-harness.js';

afterEach(destroyAllPhones);

function capturingLogger(): { logger: PhoneLogger; lines: string[] } {
  const lines: string[] = [];
  const push = (message: string): void => {
    lines.push(message);
  };
  return { lines, logger: { debug: push, info: push, warn: push, error: push } };
}

async function registerAndUnregister(config: Parameters<typeof makePhone>[0]): Promise<string[]> {
  const { logger, lines } = capturingLogger();
  const phone = makePhone({ ...config, logger, logLevel: 'debug' });
  const registered = nextEvent(phone, 'registered');
  phone.start();
  await registered;
  phone.disconnect();
  await waitForState(phone.store, (s) => s.transport === 'idle');
  phone.destroy();
  await phone.whenDestroyed();
  return lines;
}

function expectNoSecrets(lines: string[], secrets: string[]): void {
  const all = lines.join('\n');
  for (const secret of secrets) expect(all).not.toContain(secret);
  expect(all).not.toMatch(/Authorization:\s*Digest/i);
  expect(all).not.toMatch(/response="?[0-9a-f]{32}/i);
  expect(all).not.toMatch(/cnonce="?[0-9a-f]{6,}/i);
}

describe('log redaction over a full register/unregister', () => {
  it('never logs the password, its HA1 or Authorization headers', async () => {
    const lines = await registerAndUnregister(testConfig('1009'));
    // The traces are really there: otherwise the test would prove nothing.
    expect(lines.some((line) => line.includes('REGISTER sip:'))).toBe(true);
    expect(lines.some((line) => /Authorization: \[redacted\]/.test(line))).toBe(true);
    expect(lines.some((line) => /Expires: 0|expires=0/i.test(line))).toBe(true);
    expectNoSecrets(lines, [passwordOf('1009'), ha1Of('1009')]);
  });

  it('never logs an HA1 credential', async () => {
    const { password: _omit, ...config } = testConfig('1010');
    const lines = await registerAndUnregister({ ...config, ha1: ha1Of('1010') });
    expect(lines.some((line) => line.includes('REGISTER sip:'))).toBe(true);
    expectNoSecrets(lines, [ha1Of('1010'), passwordOf('1010')]);
  });

  it('never logs a TURN credential from iceServers (sip.js logs its configuration)', async () => {
    const turn = { urls: 'turn:127.0.0.1:3478', username: 'agent', credential: 'turn-secret-4711' };
    const lines = await registerAndUnregister(testConfig('1008', { iceServers: [turn] }));
    // The configuration is logged (with the server's address), only the credential is not.
    expect(lines.some((line) => line.includes('turn:127.0.0.1:3478'))).toBe(true);
    expectNoSecrets(lines, ['turn-secret-4711', passwordOf('1008')]);
  });
});
