import { describe, expect, it, vi } from 'vitest';
import { PhoneOperator, ResultCode, type PhoneConfig, type Result } from '../index.js';
import { REGISTRATION_HOLDS_MS } from '../registration-controller.js';
import { useFakeRegistrar } from './support/fake-registrar-phone.js';

// What counts as a reconnect attempt, and when the counter goes back to 0,
// over the in-memory registrar with fake timers.

const { registrar, makePhone } = useFakeRegistrar();

async function registeredPhone(extra: Partial<PhoneConfig> = {}): Promise<PhoneOperator> {
  const phone = makePhone(extra);
  phone.start();
  await vi.advanceTimersByTimeAsync(10);
  expect(phone.isRegistered).toBe(true);
  return phone;
}

/** Every value `reconnect.attempt` takes from now on. */
function attemptsSeen(p: PhoneOperator): number[] {
  const seen: number[] = [];
  p.store.subscribe((state, previous) => {
    if (state.reconnect.attempt !== previous.reconnect.attempt) seen.push(state.reconnect.attempt);
  });
  return seen;
}

describe('reconnect attempts', () => {
  it('a server that accepts the socket and drops it at the first REGISTER trips reRegistryPhoneTimes', async () => {
    const p = await registeredPhone({ reRegistryPhoneTimes: 3 });
    const seen = attemptsSeen(p);
    const failures: Result[] = [];
    p.on('registrationFailed', (error) => failures.push(error));
    const socketsBefore = registrar().sockets.length;
    const connected: string[] = [];
    p.on('connected', () => connected.push(p.store.getState().transport));

    registrar().dropOnRegister = true;
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(5 * 60_000);

    // Each attempt opened a socket (and was 'connected') and still counted as failed.
    expect(connected).toHaveLength(3);
    expect(registrar().sockets.length - socketsBefore).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(failures.map((error) => error.code)).toEqual([ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES]);
    expect(p.store.getState().reconnect).toEqual({ attempt: 3, nextAttemptAt: null, exhausted: true });
  });

  it('backs off across accept-then-drop instead of looping at one socket a second', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    const p = await registeredPhone();
    const socketsBefore = registrar().sockets.length;
    const delays: number[] = [];
    p.store.subscribe((state, previous) => {
      const { nextAttemptAt } = state.reconnect;
      if (nextAttemptAt !== null && nextAttemptAt !== previous.reconnect.nextAttemptAt) delays.push(nextAttemptAt - Date.now());
    });
    registrar().dropOnRegister = true;
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(delays.slice(0, 7)).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    // About one socket per 30 s once the backoff is capped, not 600 in ten minutes.
    expect(registrar().sockets.length - socketsBefore).toBeLessThan(30);
    expect(p.isRegistered).toBe(false);
  });

  it('counts refused REGISTERs (503) like lost sockets', async () => {
    const p = await registeredPhone({ reRegistryPhoneTimes: 2, reconnect: { initialDelayMs: 100, maxDelayMs: 100 } });
    const failures: number[] = [];
    p.on('registrationFailed', (error) => failures.push(error.code));
    registrar().registerStatus = 'SIP/2.0 503 Service Unavailable';
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(failures.at(-1)).toBe(ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES);
    expect(p.store.getState().reconnect).toMatchObject({ attempt: 2, exhausted: true });
  });

  it('goes back to 0 once a registration holds, so the next loss starts from the first step', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    const p = await registeredPhone();
    registrar().dropOnRegister = true;
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(2000 + 4000 + 10);
    expect(p.store.getState().reconnect.attempt).toBe(3);

    registrar().dropOnRegister = false;
    await vi.advanceTimersByTimeAsync(8000);
    expect(p.isRegistered).toBe(true);
    expect(p.store.getState().reconnect).toEqual({ attempt: 0, nextAttemptAt: null, exhausted: false });

    await vi.advanceTimersByTimeAsync(REGISTRATION_HOLDS_MS);
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(0);
    const { attempt, nextAttemptAt } = p.store.getState().reconnect;
    expect(attempt).toBe(1);
    expect(nextAttemptAt! - Date.now()).toBe(2000);
  });

  it('a registration dropped before it held keeps counting: a server that answers 200 and drops trips reRegistryPhoneTimes', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const p = await registeredPhone({ reRegistryPhoneTimes: 4 });
    const failures: Result[] = [];
    p.on('registrationFailed', (error) => failures.push(error));
    let registrations = 0;
    p.on('registered', () => registrations++);
    registrar().dropAfterRegister = true;
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    // Each attempt registers (200) and is dropped 50 ms later: four of them, with a growing backoff, then the phone gives up.
    expect(registrations).toBe(4);
    expect(failures.map((error) => error.code)).toEqual([ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES]);
    expect(p.store.getState().reconnect).toMatchObject({ attempt: 4, exhausted: true });
  });

  it("a loss soon after the registration that ended an outage goes on from that outage's count; once it held 30 s, from 0", async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const p = await registeredPhone();
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(p.isRegistered).toBe(true);
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.store.getState().reconnect.attempt).toBe(2);
    await vi.advanceTimersByTimeAsync(3_000 + REGISTRATION_HOLDS_MS);
    expect(p.isRegistered).toBe(true);
    registrar().dropAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.store.getState().reconnect.attempt).toBe(1);
  });

  it('is not held up by a REGISTER lost with the old connection (no 32 s wait for Timer F)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    registrar().grantedExpires = 60;
    const p = await registeredPhone({ registerExpires: 60, keepAlive: { intervalMs: 5000, timeoutMs: 2000 } });
    const failures: Result[] = [];
    p.on('registrationFailed', (error) => failures.push(error));
    // The link dies just before the refresh at 90 % of 60 s: the refresh goes into the void.
    await vi.advanceTimersByTimeAsync(53_000);
    registrar().blackhole = true;
    const registersBefore = registrar().requests.filter((request) => request.startsWith('REGISTER ')).length;
    await vi.advanceTimersByTimeAsync(1_500);
    expect(registrar().requests.filter((request) => request.startsWith('REGISTER ')).length).toBe(registersBefore);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(p.store.getState().transport).not.toBe('connected');
    registrar().blackhole = false;
    const back = Date.now();
    while (!p.isRegistered && Date.now() - back < 20_000) await vi.advanceTimersByTimeAsync(100);
    expect(p.isRegistered).toBe(true);
    // Well before Timer F of the lost refresh (54 s + 32 s) would have freed the registerer.
    expect(Date.now()).toBeLessThan(back + 10_000);
    expect(failures).toEqual([]);
  });
});
