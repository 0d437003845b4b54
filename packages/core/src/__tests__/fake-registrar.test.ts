import { describe, expect, it, vi } from 'vitest';
import { ResultCode } from '../index.js';
import { useFakeRegistrar } from './support/fake-registrar-phone.js';

const { registrar, makePhone } = useFakeRegistrar();

const registers = (): string[] => registrar().requests.filter((request) => request.startsWith('REGISTER '));

describe('registration over an in-memory registrar (fake timers)', () => {
  it('refreshes the registration before it expires, without a gap', async () => {
    registrar().grantedExpires = 100;
    const p = makePhone({ registerExpires: 100 });
    p.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(p.isRegistered).toBe(true);
    expect(registers()).toHaveLength(1);
    const expiresAt = (p.store.getState().registration as { expiresAt: number }).expiresAt;

    await vi.advanceTimersByTimeAsync(85_000);
    expect(registers()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(6_000); // 91 s: past 90 % of the lifetime
    expect(registers()).toHaveLength(2);
    expect(p.isRegistered).toBe(true);
    const renewed = (p.store.getState().registration as { expiresAt: number }).expiresAt;
    expect(renewed).toBeGreaterThan(expiresAt);
  });

  it('backs off exponentially with jitter while the server refuses connections, then recovers', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    const p = makePhone();
    p.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(p.isRegistered).toBe(true);

    registrar().accepting = false;
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(0);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { nextAttemptAt } = p.store.getState().reconnect;
      expect(nextAttemptAt).not.toBeNull();
      delays.push(nextAttemptAt! - Date.now());
      await vi.advanceTimersByTimeAsync(nextAttemptAt! - Date.now());
    }
    expect(delays).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    // Seven attempts failed; the eighth is scheduled.
    expect(p.store.getState().reconnect.attempt).toBe(8);

    registrar().accepting = true;
    await vi.advanceTimersByTimeAsync(30_001);
    expect(p.isRegistered).toBe(true);
    expect(p.store.getState().reconnect.attempt).toBe(0);
  });

  it('retries a REGISTER answered 503 and does not retry a 403', async () => {
    // The retry comes after a random share of 100 ms: half of it here, so the first 10 ms see one failure only.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    registrar().registerStatus = 'SIP/2.0 503 Service Unavailable';
    const p = makePhone({ reconnect: { initialDelayMs: 100, maxDelayMs: 100 } });
    const failures: number[] = [];
    p.on('registrationFailed', (error) => failures.push(error.code));
    p.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(failures).toEqual([ResultCode.REGISTRY_FAILED]);
    registrar().registerStatus = 'SIP/2.0 200 OK';
    await vi.advanceTimersByTimeAsync(200);
    expect(p.isRegistered).toBe(true);

    registrar().registerStatus = 'SIP/2.0 403 Forbidden';
    p.reRegister('1002', '0123456789abcdef0123456789abcdef');
    await vi.advanceTimersByTimeAsync(10);
    const before = registers().length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(registers().length).toBe(before);
    expect(p.store.getState().registration).toMatchObject({ status: 'failed', statusCode: 403 });
  });

  it('survives malformed messages from the server', async () => {
    const p = makePhone();
    const errors: unknown[] = [];
    p.on('registrationFailed', (error) => errors.push(error));
    p.start();
    await vi.advanceTimersByTimeAsync(10);
    for (const garbage of [
      '',
      '\r\n\r\n',
      'SIP/2.0 200',
      'NOT SIP AT ALL',
      'INVITE sip:1001@webphone.test SIP/2.0\r\nVia: broken\r\n\r\n',
      'SIP/2.0 999 Weird\r\nCSeq: x\r\n\r\n',
      '\u0000\u0001binary',
    ]) {
      registrar().injectAll(garbage);
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(p.isRegistered).toBe(true);
    expect(p.store.getState().transport).toBe('connected');
    expect(errors).toEqual([]);
  });
});
