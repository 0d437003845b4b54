import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallEndCause } from '../call-causes.js';
import { ScriptedPhone } from '../testing/index.js';

// Call recovery on the in-memory network, with fake timers: what the phone
// does with its calls when the connection drops and comes back. The same
// logic against the real Kamailio: call-recovery-kamailio.test.ts.

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 11, 2, 9, 0, 0));
});
afterEach(() => vi.useRealTimers());

/** A registered phone with one answered incoming call from 1002. */
async function talking(options: ConstructorParameters<typeof ScriptedPhone>[0] = {}): Promise<{ phone: ScriptedPhone; callId: string }> {
  const phone = new ScriptedPhone({ registered: true, ...options });
  const callId = phone.simulateIncoming({ number: '1002' });
  await phone.answer(callId);
  await vi.advanceTimersByTimeAsync(0);
  expect(phone.store.getState().calls[callId]?.status.callStatus).toBe('talking');
  return { phone, callId };
}

const status = (phone: ScriptedPhone, callId: string) => phone.store.getState().calls[callId]?.status;
const invites = (phone: ScriptedPhone, callId: string) =>
  phone
    .sentRequests(callId)
    .filter((request) => request.method === 'INVITE')
    .map((request) => request.detail);

/** Resolves with the cause of the call's `deleteSession`. */
function endCause(phone: ScriptedPhone, callId: string): { cause: CallEndCause | null } {
  const seen: { cause: CallEndCause | null } = { cause: null };
  phone.on('deleteSession', (event) => {
    if (event.callId === callId) seen.cause = event.cause;
  });
  return seen;
}

describe('call recovery after a connection loss', () => {
  it('keeps an established call through the loss and sends it a re-INVITE once registered again', async () => {
    const { phone, callId } = await talking();
    const changes: boolean[] = [];
    phone.getSession(callId)!.on('statusChange', (next, previous) => {
      if (next.isRecovering !== previous.isRecovering) changes.push(next.isRecovering);
    });
    phone.dropConnection();
    expect(status(phone, callId)).toMatchObject({ callStatus: 'talking', isRecovering: true });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(invites(phone, callId)).toEqual([]); // nothing goes out on a dead connection
    phone.register();
    await vi.advanceTimersByTimeAsync(0);
    expect(invites(phone, callId)).toEqual(['unhold']);
    expect(status(phone, callId)).toMatchObject({ callStatus: 'talking', isRecovering: false, isHold: false });
    expect(changes).toEqual([true, false]);
  });

  it('restarts ICE when the browser said online during the loss', async () => {
    const { phone, callId } = await talking();
    phone.dropConnection(true);
    phone.register();
    await vi.advanceTimersByTimeAsync(0);
    expect(invites(phone, callId)).toEqual(['unhold ice-restart']);
  });

  it('a held call stays held: the recovery re-INVITE asks for hold again', async () => {
    const { phone, callId } = await talking();
    phone.hold(callId);
    await vi.advanceTimersByTimeAsync(0);
    expect(status(phone, callId)?.isHold).toBe(true);
    phone.dropConnection();
    phone.register();
    await vi.advanceTimersByTimeAsync(0);
    expect(invites(phone, callId)).toEqual(['hold', 'hold']);
    expect(status(phone, callId)).toMatchObject({ isHold: true, isRecovering: false });
  });

  it('a hold pressed during the outage is pending until the connection is back, then applied by the recovery re-INVITE', async () => {
    const { phone, callId } = await talking();
    phone.dropConnection();
    expect(phone.hold(callId)).toBe(true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(phone.store.getState().calls[callId]?.pendingHold).toBe(true);
    expect(status(phone, callId)?.isHold).toBe(false);
    expect(invites(phone, callId)).toEqual([]);
    phone.register();
    await vi.advanceTimersByTimeAsync(0);
    expect(invites(phone, callId)).toEqual(['hold']);
    expect(status(phone, callId)).toMatchObject({ isHold: true, isRecovering: false });
    expect(phone.store.getState().calls[callId]?.pendingHold).toBeNull();
  });

  it('retries a re-INVITE the far end cannot take yet (480, 500, 408) until it is answered', async () => {
    const { phone, callId } = await talking();
    phone.dropConnection();
    phone.register();
    for (const code of [480, 500, 408]) phone.answerNextRequest(callId, code);
    await vi.advanceTimersByTimeAsync(0);
    expect(invites(phone, callId)).toHaveLength(1);
    expect(status(phone, callId)?.isRecovering).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(invites(phone, callId)).toHaveLength(4);
    expect(status(phone, callId)?.isRecovering).toBe(false);
  });

  it('ends the call with connection-lost when the far end answers 481 (it no longer knows the call)', async () => {
    const { phone, callId } = await talking();
    const seen = endCause(phone, callId);
    phone.dropConnection();
    phone.answerNextRequest(callId, 481);
    phone.register();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.cause).toBe('connection-lost');
    expect(phone.store.getState().callIds).toEqual([]);
  });

  it('ends a call not recovered within the bound (default 30 s) with connection-lost', async () => {
    const { phone, callId } = await talking();
    const seen = endCause(phone, callId);
    phone.dropConnection();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(status(phone, callId)?.isRecovering).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.cause).toBe('connection-lost');
  });

  it('keeps retrying within the bound, and the bound counts from the first loss', async () => {
    const { phone, callId } = await talking({ reconnect: { callRecoveryMs: 10_000 } });
    const seen = endCause(phone, callId);
    phone.dropConnection();
    await vi.advanceTimersByTimeAsync(4_000);
    for (let i = 0; i < 20; i++) phone.answerNextRequest(callId, 503);
    phone.register();
    await vi.advanceTimersByTimeAsync(2_000);
    phone.dropConnection(); // lost again while recovering
    phone.register();
    await vi.advanceTimersByTimeAsync(3_999);
    expect(seen.cause).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.cause).toBe('connection-lost');
  });

  it('with callRecoveryMs 0 ends calls as soon as the loss is noticed', async () => {
    const { phone, callId } = await talking({ reconnect: { callRecoveryMs: 0 } });
    const seen = endCause(phone, callId);
    phone.dropConnection();
    expect(seen.cause).toBe('connection-lost');
  });

  it('cancels an outgoing call still ringing (its answer would reach the lost connection); a ringing incoming call carries on', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const placed = await phone.call('1003');
    const outgoing = placed.callId!;
    const incoming = phone.simulateIncoming({ number: '1004' });
    const seen = endCause(phone, outgoing);
    phone.dropConnection();
    expect(status(phone, outgoing)?.isRecovering).toBe(true);
    expect(status(phone, incoming)?.isRecovering).toBe(true);
    phone.register();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.cause).toBe('connection-lost');
    expect(status(phone, incoming)).toMatchObject({ callStatus: 'ringing', isRecovering: false });
    await phone.answer(incoming);
    await vi.advanceTimersByTimeAsync(0);
    expect(status(phone, incoming)?.callStatus).toBe('talking');
  });

  it('a loss before the phone ever registered touches no call state', async () => {
    const phone = new ScriptedPhone({ registered: false });
    phone.start();
    phone.dropConnection();
    expect(phone.store.getState().callIds).toEqual([]);
  });
});

describe('hold after a refused re-INVITE', () => {
  it('a hold refused with 488 leaves the call usable: the next hold is sent and applied', async () => {
    const { phone, callId } = await talking();
    phone.answerNextRequest(callId, 488);
    phone.hold(callId);
    await vi.advanceTimersByTimeAsync(0);
    expect(status(phone, callId)?.isHold).toBe(false);
    expect(phone.store.getState().calls[callId]?.pendingHold).toBeNull();
    phone.hold(callId);
    await vi.advanceTimersByTimeAsync(0);
    expect(invites(phone, callId)).toEqual(['hold', 'hold']);
    expect(status(phone, callId)?.isHold).toBe(true);
  });

  it('a hold answered 500 without Retry-After is retried and applied', async () => {
    const { phone, callId } = await talking();
    phone.answerNextRequest(callId, 500);
    phone.hold(callId);
    await vi.advanceTimersByTimeAsync(0);
    expect(phone.store.getState().calls[callId]?.pendingHold).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(invites(phone, callId)).toEqual(['hold', 'hold']);
    expect(status(phone, callId)?.isHold).toBe(true);
    expect(phone.store.getState().calls[callId]?.pendingHold).toBeNull();
  });
});
