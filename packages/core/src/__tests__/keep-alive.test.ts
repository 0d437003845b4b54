import { describe, expect, it, vi } from 'vitest';
import { PhoneOperator, type PhoneConfig } from '../index.js';
import { useFakeRegistrar } from './support/fake-registrar-phone.js';

// Keep-alive and dead-connection detection over the in-memory registrar with
// fake timers: the default timing is checked over simulated minutes, which
// the tests against the real Kamailio cannot wait for.

const { registrar, makePhone, phone } = useFakeRegistrar();

async function registered(extra: Partial<PhoneConfig> = {}): Promise<PhoneOperator> {
  const p = makePhone(extra);
  p.start();
  await vi.advanceTimersByTimeAsync(10);
  expect(p.isRegistered).toBe(true);
  return p;
}

const optionsSent = (): number => registrar().requests.filter((request) => request.startsWith('OPTIONS ')).length;

/** Milliseconds of simulated time until `phone` emits `disconnected`, advancing in 100 ms steps up to `limitMs`. */
async function msUntilDisconnected(p: PhoneOperator, limitMs: number): Promise<number> {
  let gone = false;
  p.once('disconnected', () => (gone = true));
  const started = Date.now();
  while (!gone && Date.now() - started < limitMs) await vi.advanceTimersByTimeAsync(100);
  if (!gone) throw new Error(`still connected after ${limitMs} ms`);
  return Date.now() - started;
}

describe('keep-alive with the default settings', () => {
  it('sends a ping on an idle connection well inside a 60 s idle timeout, every round answered', async () => {
    await registered();
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const times = [start, ...registrar().pings, Date.now()];
    const gaps = times.slice(1).map((time, i) => time - times[i]);
    expect(registrar().pings.length).toBeGreaterThanOrEqual(40);
    // RFC 5626 jitter: 80-100 % of the 15 s default.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15_000);
    expect(Math.max(...gaps)).toBeLessThan(60_000);
    expect(registrar().sockets).toHaveLength(1);
    // The server answered the first ping, so no OPTIONS after the first round.
    expect(optionsSent()).toBe(1);
  });

  it('finds a half-open connection within 30 s, even when it dies right after an answered ping', async () => {
    // The longest wait: the largest jittered interval, and the link dies just after a pong.
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    const p = await registered();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(registrar().pings).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // the pong arrived
    registrar().blackhole = true;
    const detectedAfter = await msUntilDisconnected(p, 60_000);
    expect(detectedAfter).toBeLessThanOrEqual(30_000);
    expect(detectedAfter).toBeGreaterThan(20_000); // a full interval and the timeout: it did wait for the answer
    expect(p.store.getState()).toMatchObject({ transport: expect.stringMatching(/disconnected|connecting/), isRegistered: false });
  });

  it('finds it within 30 s wherever in the cycle the link dies, and registers again as soon as the network is back', async () => {
    for (const offset of [0, 3_000, 7_500, 12_000, 14_900]) {
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      const p = await registered();
      await vi.advanceTimersByTimeAsync(offset);
      registrar().blackhole = true;
      expect(await msUntilDisconnected(p, 60_000)).toBeLessThanOrEqual(30_000);

      // Attempts time out in the blackhole (no handshake) and back off.
      await vi.advanceTimersByTimeAsync(20_000);
      expect(p.isRegistered).toBe(false);
      const opensBefore = registrar().sockets.length;
      registrar().blackhole = false;
      const { nextAttemptAt, attempt } = p.store.getState().reconnect;
      // Registered by the next attempt once the network is back: when one is scheduled, at that time; when one is
      // stuck in the blackhole, after its 5 s connection timeout and the next backoff step.
      const bound = nextAttemptAt !== null ? nextAttemptAt - Date.now() + 100 : 5_000 + Math.min(30_000, 2000 * 2 ** attempt) + 100;
      let waited = 0;
      while (!p.isRegistered && waited <= bound) {
        await vi.advanceTimersByTimeAsync(100);
        waited += 100;
      }
      expect(p.isRegistered).toBe(true);
      expect(registrar().sockets.length).toBeGreaterThan(opensBefore);
      expect(p.store.getState().reconnect.attempt).toBe(0);
      p.destroy();
      await vi.runAllTimersAsync();
      vi.restoreAllMocks();
    }
  });
});

describe('keep-alive methods and options', () => {
  it('switches to OPTIONS for a server that answers OPTIONS but not CRLF pings (Asterisk, FreeSWITCH over WebSocket)', async () => {
    registrar().answersPing = false;
    const p = await registered();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(p.store.getState().transport).toBe('connected');
    expect(registrar().sockets).toHaveLength(1);
    // The first round sent both; later rounds OPTIONS only.
    expect(registrar().pings).toHaveLength(1);
    expect(optionsSent()).toBeGreaterThanOrEqual(20);
  });

  it('treats a server that answers neither as dead', async () => {
    registrar().answersPing = false;
    registrar().answersOptions = false;
    const p = await registered();
    expect(await msUntilDisconnected(p, 60_000)).toBeLessThanOrEqual(25_000);
  });

  it("method 'options' sends no CRLF; 'crlf' no OPTIONS", async () => {
    await registered({ keepAlive: { method: 'options' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(registrar().pings).toHaveLength(0);
    expect(optionsSent()).toBeGreaterThanOrEqual(4);
    phone()?.destroy();
    await vi.runAllTimersAsync();

    const before = optionsSent();
    await registered({ keepAlive: { method: 'crlf' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(registrar().pings.length).toBeGreaterThanOrEqual(4);
    expect(optionsSent()).toBe(before);
  });

  it('follows a shorter interval and timeout, and sends nothing with intervalMs 0', async () => {
    const p = await registered({ keepAlive: { intervalMs: 1000, timeoutMs: 500 } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(registrar().pings.length).toBeGreaterThanOrEqual(10);
    registrar().blackhole = true;
    expect(await msUntilDisconnected(p, 5_000)).toBeLessThanOrEqual(1_500);
    p.destroy();
    await vi.runAllTimersAsync();
    registrar().blackhole = false;

    const pingsBefore = registrar().pings.length;
    const requestsBefore = registrar().requests.length;
    const quiet = await registered({ keepAlive: { intervalMs: 0 } });
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(registrar().pings.length).toBe(pingsBefore);
    expect(
      registrar()
        .requests.slice(requestsBefore)
        .every((request) => request.startsWith('REGISTER ')),
    ).toBe(true);
    expect(quiet.store.getState().transport).toBe('connected');
  });

  it('destroy() on a half-open link leaves no timer behind (the lost un-REGISTER never answers)', async () => {
    const p = await registered();
    registrar().blackhole = true;
    p.destroy();
    // Past every bounded wait (2 s un-REGISTER, 2 s dispose, sip.js's 32 s transaction timers).
    await vi.advanceTimersByTimeAsync(40_000);
    await p.whenDestroyed();
    expect(vi.getTimerCount()).toBe(0);
  });
});
