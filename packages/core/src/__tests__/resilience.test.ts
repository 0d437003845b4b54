import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '@webphone/fault-proxy';
import { startSipServer, type SipServerHandle } from '@webphone/sip-server';
import { ResultCode, type PhoneConfig } from '../index.js';
import { connect, registeredPhone, type TestPhone } from './support/call-harness.js';
import { destroyAllPhones, nextEvent, waitForState } from './support/phone-harness.js';

// The phone against the real Kamailio through the project's fault proxy, with
// Kamailio's own WebSocket pings off: only the phone's keep-alive holds a
// connection open. Timers are shortened (keep-alive every 0.5 s, a 2 s idle
// timeout) so that faults play out in seconds; keep-alive.test.ts checks the
// default timing under fake timers.

let server: SipServerHandle;
let proxy: FaultProxy;

beforeAll(async () => {
  server = await startSipServer({ port: 0, log: 'ignore', wsPings: false });
});
beforeEach(async () => {
  proxy = await startFaultProxy({ target: { port: server.port } });
});
afterEach(async () => {
  await destroyAllPhones();
  await proxy.close();
});
afterAll(async () => {
  await server?.stop();
});

/** Fast keep-alive and reconnect for a phone behind the proxy. */
const FAST: Partial<PhoneConfig> = {
  keepAlive: { intervalMs: 500, timeoutMs: 500 },
  reconnect: { initialDelayMs: 200, maxDelayMs: 1000 },
};

/** A registered phone that reaches Kamailio through the fault proxy. */
const behindProxy = (extension: string, overrides: Partial<PhoneConfig> = {}): Promise<TestPhone> =>
  registeredPhone(server, extension, { server: proxy.url(), ...FAST, ...overrides });

/** A registered phone connected to Kamailio directly, to place calls. */
const direct = (extension: string): Promise<TestPhone> => registeredPhone(server, extension);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `caller` calls `callee`, the call is answered and hung up: the callee's binding routes to a live connection. */
async function callGetsThrough(caller: TestPhone, callee: TestPhone): Promise<void> {
  const { outgoing } = await connect(caller, callee);
  caller.phone.hangup(outgoing.callId);
  await waitForState(callee.phone.store, (s) => s.callIds.length === 0);
}

describe('resilience against the real Kamailio through the fault proxy (server pings off)', () => {
  it('stays registered and reachable past an idle timeout; without keep-alive the same proxy drops the phone', async () => {
    proxy.idleTimeout(2_000);
    const callee = await behindProxy('1001');
    const silent = await behindProxy('1003', { keepAlive: { intervalMs: 0 } });
    let calleeDrops = 0;
    callee.phone.on('disconnected', () => calleeDrops++);
    const silentDropped = nextEvent(silent.phone, 'disconnected', 5_000);

    await sleep(5_000); // 2.5 idle timeouts
    await silentDropped; // the proxy's timeout is real
    expect(calleeDrops).toBe(0);
    expect(callee.phone.store.getState()).toMatchObject({ transport: 'connected', isRegistered: true });
    expect(proxy.stats().idleClosed).toBeGreaterThanOrEqual(1);

    const caller = await direct('1002');
    await callGetsThrough(caller, callee);
    expect(calleeDrops).toBe(0);
    expect(await server.bindings('1001')).toHaveLength(1);
  }, 30_000);

  it('finds a blackholed connection within interval + timeout and registers again once traffic passes', async () => {
    const callee = await behindProxy('1004');
    const { phone } = callee;
    const bound = 500 + 500;
    const lost = nextEvent(phone, 'disconnected', 5_000);
    const blackholedAt = Date.now();
    proxy.blackhole();
    await lost;
    const detectedAfter = Date.now() - blackholedAt;
    // A bound, not a benchmark: the 0.5 s interval plus the 0.5 s answer timeout, with room for a busy machine.
    expect(detectedAfter).toBeLessThanOrEqual(bound + 1_000);
    expect(phone.store.getState().isRegistered).toBe(false);

    await sleep(1_500); // attempts meanwhile open into the blackhole and time out
    expect(phone.isRegistered).toBe(false);
    const registered = nextEvent(phone, 'registered', 15_000);
    proxy.restore();
    await registered;
    expect(phone.store.getState().reconnect).toEqual({ attempt: 0, nextAttemptAt: null, exhausted: false });

    const caller = await direct('1002');
    await callGetsThrough(caller, callee);
    expect(await server.bindings('1004')).toHaveLength(1);
  }, 30_000);

  it('trips reRegistryPhoneTimes on a server that accepts the socket and drops it at the first REGISTER', async () => {
    const { phone } = await behindProxy('1005', { reRegistryPhoneTimes: 3, reconnect: { initialDelayMs: 100, maxDelayMs: 200 } });
    const accepted = proxy.stats().accepted;
    const failed = nextEvent(phone, 'registrationFailed', 10_000);
    proxy.dropAfterReply(true);
    proxy.cut();
    const [error] = await failed;
    expect(error.code).toBe(ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES);
    expect(proxy.stats()).toMatchObject({ dropped: 3, accepted: accepted + 3 });
    expect(phone.store.getState().reconnect).toEqual({ attempt: 3, nextAttemptAt: null, exhausted: true });
    await sleep(500);
    expect(proxy.stats().accepted).toBe(accepted + 3); // it stopped trying

    proxy.dropAfterReply(false);
    phone.disconnect();
    await waitForState(phone.store, (s) => s.transport === 'idle');
    const again = nextEvent(phone, 'registered');
    phone.start();
    await again;
    expect(await server.bindings('1005')).toHaveLength(1);
  }, 30_000);

  it('after cuts and a refusal, each phone holds exactly one binding and receives calls', async () => {
    const a = await behindProxy('1006');
    const b = await behindProxy('1007');
    for (let round = 0; round < 3; round++) {
      const back = Promise.all([nextEvent(a.phone, 'registered'), nextEvent(b.phone, 'registered')]);
      if (round === 1) proxy.refuse(1_000);
      proxy.cut({ reset: round === 2 });
      await back;
    }
    expect(proxy.stats().refused).toBeGreaterThanOrEqual(1);
    for (const extension of ['1006', '1007']) expect(await server.bindings(extension)).toHaveLength(1);
    await callGetsThrough(a, b);
    await callGetsThrough(b, a);
  }, 30_000);
});
