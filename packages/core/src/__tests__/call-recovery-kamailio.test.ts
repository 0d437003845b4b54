import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '@webphone/fault-proxy';
import { startSipServer, type SipServerHandle } from '@webphone/sip-server';
import type { CallEndCause, PhoneConfig, PhoneOperator, SessionApi } from '../index.js';
import { connect, holdRoundTrip, registeredPhone, sessionEvent, type TestPhone } from './support/call-harness.js';
import { destroyAllPhones, nextEvent, waitForState } from './support/phone-harness.js';

// Calls through connection losses, against the real Kamailio with its own
// WebSocket pings off. Each phone reaches Kamailio through its own fault
// proxy, so one side can be cut while the other stays. Timers are short
// (keep-alive 0.5 s, reconnect within 1 s) so faults play out in seconds.

let server: SipServerHandle;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  server = await startSipServer({ port: 0, log: 'ignore', wsPings: false });
});
afterEach(async () => {
  await destroyAllPhones();
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});
afterAll(async () => {
  await server?.stop();
});

const FAST: Partial<PhoneConfig> = {
  keepAlive: { intervalMs: 500, timeoutMs: 500 },
  reconnect: { initialDelayMs: 200, maxDelayMs: 1000 },
};

/** A registered phone behind a fault proxy of its own. */
async function behindProxy(extension: string, overrides: Partial<PhoneConfig> = {}): Promise<TestPhone & { proxy: FaultProxy }> {
  const proxy = await startFaultProxy({ target: { port: server.port } });
  proxies.push(proxy);
  const phone = await registeredPhone(server, extension, { server: proxy.url(), ...FAST, ...overrides });
  return { ...phone, proxy };
}

/** Waits until the call is recovering, then until it is not (the far end answered the recovery re-INVITE). */
async function lostAndRecovered(phone: PhoneOperator, callId: string, timeoutMs = 15_000): Promise<void> {
  await waitForState(phone.store, (s) => s.calls[callId]?.status.isRecovering === true, timeoutMs);
  await waitForState(phone.store, (s) => s.calls[callId]?.status.isRecovering === false, timeoutMs);
}

/** The values `isRecovering` takes on `session`, in order, from now on. */
function recoveryLog(session: SessionApi): boolean[] {
  const log: boolean[] = [];
  session.on('statusChange', (next, previous) => {
    if (next.isRecovering !== previous.isRecovering) log.push(next.isRecovering);
  });
  return log;
}

/** The cause of the call's end, once it ended. */
function ended(session: SessionApi, timeoutMs = 15_000): Promise<CallEndCause> {
  return sessionEvent(session, 'ended', timeoutMs).then(([event]) => event.cause);
}

/** Hold and unhold from `from`'s side reach the other side (its `reinvite`), and each side's store follows. */
describe('calls through connection losses (real Kamailio, server pings off)', () => {
  it('cut mid-call: the call stays up and recovers; then INFO, hold/unhold from each side and BYE from the far end reach across', async () => {
    const a = await behindProxy('1001', { dtmfMethod: 'info' });
    const b = await behindProxy('1002', { dtmfMethod: 'info' });
    const { outgoing, incoming } = await connect(a, b);
    const cutAt = Date.now();
    a.proxy.cut();
    await lostAndRecovered(a.phone, outgoing.callId);
    const recoveredAfter = Date.now() - cutAt;
    expect(a.phone.store.getState().calls[outgoing.callId]?.status.callStatus).toBe('talking');
    expect(recoveredAfter).toBeLessThan(10_000);

    const digits: string[] = [];
    incoming.on('dtmf', ({ digit }) => digits.push(digit));
    expect(a.phone.dtmf(outgoing.callId, '7#')).toBe(true);
    await expect.poll(() => digits.join('')).toBe('7#');
    const back: string[] = [];
    outgoing.on('dtmf', ({ digit }) => back.push(digit));
    expect(b.phone.dtmf(incoming.callId, '3')).toBe(true);
    await expect.poll(() => back.join('')).toBe('3');

    await holdRoundTrip(a.phone, outgoing, incoming);
    await holdRoundTrip(b.phone, incoming, outgoing);

    const aEnded = ended(outgoing);
    expect(b.phone.hangup(incoming.callId)).toBe(true);
    expect(await aEnded).toBe('remote-hangup');
    for (const extension of ['1001', '1002']) expect(await server.bindings(extension)).toHaveLength(1);
  }, 60_000);

  it('the far end (connected directly) hangs up right after the recovery: its BYE arrives', async () => {
    const a = await behindProxy('1001', { keepAlive: {} });
    const b = await registeredPhone(server, '1002');
    const { outgoing, incoming } = await connect(a, b);
    a.proxy.cut();
    await lostAndRecovered(a.phone, outgoing.callId);
    const aEnded = ended(outgoing);
    b.phone.hangup(incoming.callId);
    expect(await aEnded).toBe('remote-hangup');
  }, 60_000);

  it('both sides cut at once: each re-INVITE may first meet the other side gone; both recover and the callee can hang up', async () => {
    const a = await behindProxy('1003');
    const b = await behindProxy('1004');
    const { outgoing, incoming } = await connect(a, b);
    a.proxy.cut();
    b.proxy.cut();
    await Promise.all([lostAndRecovered(a.phone, outgoing.callId), lostAndRecovered(b.phone, incoming.callId)]);
    await holdRoundTrip(a.phone, outgoing, incoming);
    const aEnded = ended(outgoing);
    b.phone.hangup(incoming.callId);
    expect(await aEnded).toBe('remote-hangup');
  }, 60_000);

  it('a blackholed connection is found dead, the call recovers, and the far end BYE arrives', async () => {
    const a = await behindProxy('1005');
    const b = await behindProxy('1006');
    const { outgoing, incoming } = await connect(a, b);
    a.proxy.blackhole();
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.isRecovering === true, 10_000);
    a.proxy.restore();
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.isRecovering === false, 15_000);
    const aEnded = ended(outgoing);
    b.phone.hangup(incoming.callId);
    expect(await aEnded).toBe('remote-hangup');
    expect(await server.bindings('1005')).toHaveLength(1);
  }, 60_000);

  it('callee cut while the caller holds: the hold is retried until the callee is back, and the call stays held', async () => {
    const a = await behindProxy('1007');
    const b = await behindProxy('1008');
    const { outgoing, incoming } = await connect(a, b);
    b.proxy.blackhole();
    expect(a.phone.hold(outgoing.callId)).toBe(true);
    expect(a.phone.store.getState().calls[outgoing.callId]?.pendingHold).toBe(true);
    await waitForState(b.phone.store, (s) => s.calls[incoming.callId]?.status.isRecovering === true, 10_000);
    b.proxy.restore();
    await waitForState(b.phone.store, (s) => s.calls[incoming.callId]?.status.isRecovering === false, 20_000);
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.isHold === true, 20_000);
    expect(a.phone.store.getState().calls[outgoing.callId]?.pendingHold).toBeNull();
    // Still held after the callee's recovery re-INVITE: the caller's answer keeps its side sendonly.
    expect(a.phone.store.getState().calls[outgoing.callId]?.status.isHold).toBe(true);
    const bEnded = ended(incoming);
    a.phone.hangup(outgoing.callId);
    expect(await bEnded).toBe('remote-hangup');
  }, 60_000);

  it('the far end hung up during the loss: the recovery re-INVITE gets 481 and the call ends connection-lost', async () => {
    const a = await behindProxy('1009');
    const b = await behindProxy('1010');
    const { outgoing, incoming } = await connect(a, b);
    a.proxy.blackhole();
    b.phone.hangup(incoming.callId); // the BYE reaches Kamailio, then a's dead connection
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.isRecovering === true, 10_000);
    const aEnded = ended(outgoing);
    a.proxy.restore();
    expect(await aEnded).toBe('connection-lost');
  }, 60_000);
});

describe('calls through a Kamailio restart', () => {
  it('both phones reconnect, the call survives, hold and BYE work afterwards; one binding each', async () => {
    const a = await registeredPhone(server, '1001', FAST);
    const b = await registeredPhone(server, '1002', FAST);
    const { outgoing, incoming } = await connect(a, b);
    const logs = [recoveryLog(outgoing), recoveryLog(incoming)];
    const back = Promise.all([nextEvent(a.phone, 'registered', 20_000), nextEvent(b.phone, 'registered', 20_000)]);
    await server.restart();
    await back;
    await expect
      .poll(() => logs, { timeout: 20_000 })
      .toEqual([
        [true, false],
        [true, false],
      ]);
    await holdRoundTrip(b.phone, incoming, outgoing);
    const bEnded = ended(incoming);
    a.phone.hangup(outgoing.callId);
    expect(await bEnded).toBe('remote-hangup');
    for (const extension of ['1001', '1002']) expect(await server.bindings(extension)).toHaveLength(1);
  }, 60_000);
});
