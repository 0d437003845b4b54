import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, registeredPhone, sessionEvent, useCallServer } from './support/call-harness.js';
import { destroyAllPhones, nextEvent, waitForState } from './support/phone-harness.js';

const { server } = useCallServer();

const timeouts = (): number => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

describe('no leaks across many calls', () => {
  afterEach(() => vi.useRealTimers());

  it('200 calls in a row leave no sessions, no timers, no listeners and no open media', async () => {
    const beforePhones = timeouts();
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    let counter = 0;
    b.phone.on('incoming', ({ callId }) => {
      // Every third call is rejected, the rest answered.
      if (counter % 3 === 2) b.phone.reject(callId);
      else void b.phone.answer(callId);
    });
    const baseline = { timers: timeouts(), listenersA: a.phone.listenerCount(), listenersB: b.phone.listenerCount() };
    // Only the clock is faked: CALL_TOO_MANY_TIMES allows one outgoing call per second.
    vi.useFakeTimers({ toFake: ['Date'] });
    for (; counter < 200; counter += 1) {
      vi.setSystemTime(Date.now() + 1001);
      const placed = await a.phone.call('1002');
      expect(placed.code, placed.message).toBe(200);
      const session = a.phone.getSession(placed.callId!)!;
      if (counter % 3 === 2) {
        await sessionEvent(session, 'failed');
      } else {
        await sessionEvent(session, 'confirmed');
        const ended = nextEvent(b.phone, 'deleteSession');
        a.phone.hangup(placed.callId!);
        await ended;
      }
      await waitForState(b.phone.store, (s) => s.callIds.length === 0);
    }
    vi.useRealTimers();
    expect(a.phone.sessions.size).toBe(0);
    expect(b.phone.sessions.size).toBe(0);
    expect(a.phone.store.getState()).toMatchObject({ calls: {}, callIds: [], incomingIds: [], currentSessionID: null, isMaxCall: false });
    expect(a.phone.listenerCount()).toBe(baseline.listenersA);
    expect(b.phone.listenerCount()).toBe(baseline.listenersB);
    expect(a.media.handlers).toHaveLength(200);
    await expect.poll(() => a.media.openCount() + b.media.openCount()).toBe(0);
    // What remains while the phones live is sip.js's transaction layer: Timer L and M (RFC 6026, 64·T1 = 32 s)
    // of each answered INVITE, one per side. The phone itself keeps none (no quality interval, no retry timer).
    const answered = 200 - Math.floor(200 / 3);
    // (+5: transient timers of the test runner itself; a per-call leak would add 133 or 200.)
    expect(timeouts() - baseline.timers).toBeLessThanOrEqual(2 * answered + 5);
    await destroyAllPhones();
    await expect.poll(() => timeouts(), { timeout: 5_000 }).toBeLessThanOrEqual(beforePhones);
  }, 60_000);

  it('destroy() ends every call (BYE to the peer) and releases media', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { outgoing, incoming } = await connect(a, b);
    const endedB = sessionEvent(incoming, 'ended');
    const endedA = sessionEvent(outgoing, 'ended');
    a.phone.destroy();
    expect((await endedA)[0].cause).toBe('terminated');
    expect((await endedB)[0].cause).toBe('remote-hangup');
    expect(a.phone.sessions.size).toBe(0);
    expect(a.media.openCount()).toBe(0);
    expect(outgoing.timer.callDuration).toBeGreaterThanOrEqual(0);
    expect(outgoing.status.callStatus).toBe('talking');
  });
});
