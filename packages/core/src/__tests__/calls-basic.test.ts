import { describe, expect, it, vi } from 'vitest';
import { ResultCode, type CallStatus } from '../index.js';
import { connect, registeredPhone, sessionEvent, useCallServer, waitForCall } from './support/call-harness.js';
import { nextEvent, waitForState } from './support/phone-harness.js';

const { server } = useCallServer();

describe('call lifecycle against the real Kamailio', () => {
  it('places and answers a call: phases, events after the store, current session', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const seen: string[] = [];
    a.phone.on('newRTCSession', ({ callId }) => seen.push(`a:newRTCSession:${a.phone.store.getState().calls[callId]?.status.callStatus}`));
    a.phone.on('startSession', ({ callId }) => seen.push(`a:startSession:${a.phone.currentSessionID === callId}`));
    b.phone.on('incoming', ({ callId, session }) => {
      seen.push(`b:incoming:${b.phone.store.getState().incomingIds.includes(callId)}:${b.phone.incomingList.length}`);
      session.on('accepted', () => seen.push(`b:accepted:${session.status.callStatus}`));
      session.on('confirmed', () => seen.push(`b:confirmed:${session.status.callStatus}`));
    });
    const ringing = nextEvent(b.phone, 'incoming');
    const placed = await a.phone.call('1002');
    expect(placed).toMatchObject({ code: 200 });
    const outgoing = a.phone.getSession(placed.callId!)!;
    expect(outgoing.status).toMatchObject({ callStatus: 'calling', communicationType: 'outbound', number: '1002' });
    const outStatuses: CallStatus['callStatus'][] = [];
    outgoing.on('statusChange', (next) => outStatuses.push(next.callStatus));
    const confirmedA = sessionEvent(outgoing, 'confirmed');

    const [{ session: incoming }] = await ringing;
    expect(incoming.status).toMatchObject({ callStatus: 'ringing', communicationType: 'inbound', number: '1001', isRing: true });
    await waitForCall(a.phone, (s) => s.isRing);
    expect(incoming.timer.callDuration).toBe(0);

    const answered = await b.phone.answer(incoming.callId);
    expect(answered.code).toBe(ResultCode.PHONE_SUCCESS);
    await confirmedA;
    await waitForState(b.phone.store, (s) => s.calls[incoming.callId]?.status.callStatus === 'talking');
    expect(b.phone.incomingList).toEqual([]);
    expect(outgoing.status.callStartTime).toBeGreaterThan(0);
    expect(outStatuses).toContain('talking');
    expect(seen).toEqual(['a:newRTCSession:calling', 'a:startSession:true', 'b:incoming:true:1', 'b:accepted:connecting', 'b:confirmed:talking']);
    expect(a.phone.currentSession?.callId).toBe(outgoing.callId);

    const endedB = sessionEvent(incoming, 'ended');
    const deleted = nextEvent(b.phone, 'deleteSession');
    const endedA = sessionEvent(outgoing, 'ended');
    expect(a.phone.hangup(outgoing.callId)).toBe(true);
    expect(await endedA).toEqual([{ callId: outgoing.callId, cause: 'hangup' }]);
    expect(await endedB).toEqual([{ callId: incoming.callId, cause: 'remote-hangup' }]);
    const [gone] = await deleted;
    expect(gone).toMatchObject({ callId: incoming.callId, cause: 'remote-hangup' });
    expect(gone.code).toBeUndefined();
    // The final record is the last state the store held for the call.
    expect(gone.record.status).toMatchObject({ callId: incoming.callId, callStatus: 'talking', communicationType: 'inbound' });
    expect(gone.record.timestamps.answeredAt).toBeGreaterThan(0);
    expect(a.phone.sessions.size).toBe(0);
    expect(b.phone.store.getState()).toMatchObject({ calls: {}, callIds: [], currentSessionID: null, isMaxCall: false });
    expect(a.media.openCount()).toBe(0);
    await waitForState(b.phone.store, () => b.media.openCount() === 0);
  });

  it('reject: the caller fails with 486, the callee with cause rejected', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const ringing = nextEvent(b.phone, 'incoming');
    const placed = await a.phone.call('1002');
    const outgoing = a.phone.getSession(placed.callId!)!;
    const failedA = sessionEvent(outgoing, 'failed');
    const [{ session: incoming }] = await ringing;
    const failedB = sessionEvent(incoming, 'failed');
    expect(b.phone.reject(incoming.callId)).toBe(true);
    expect(await failedB).toEqual([{ callId: incoming.callId, cause: 'rejected', code: 486 }]);
    expect(await failedA).toEqual([{ callId: outgoing.callId, cause: 'busy', code: 486 }]);
    expect(b.phone.reject(incoming.callId)).toBe(false);
    expect(a.phone.sessions.size + b.phone.sessions.size).toBe(0);
  });

  it('cancel before answer: both sides fail with 487 and all media is released', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const ringing = nextEvent(b.phone, 'incoming');
    const placed = await a.phone.call('1002');
    const outgoing = a.phone.getSession(placed.callId!)!;
    const [{ session: incoming }] = await ringing;
    const failedB = sessionEvent(incoming, 'failed');
    const failedA = sessionEvent(outgoing, 'failed');
    expect(a.phone.hangup(outgoing.callId)).toBe(true);
    expect(await failedA).toEqual([{ callId: outgoing.callId, cause: 'canceled', code: 487 }]);
    expect(await failedB).toEqual([{ callId: incoming.callId, cause: 'remote-canceled', code: 487 }]);
    expect(a.media.handlers.length).toBe(1);
    expect(a.media.openCount()).toBe(0);
    expect(a.media.handlers[0].localMediaStream.getTracks().every((t) => t.readyState === 'ended')).toBe(true);
  });

  it('unknown number fails with 404, offline user with 480', async () => {
    const a = await registeredPhone(server(), '1001');
    const unknown = await a.phone.call('1999');
    const failed404 = await sessionEvent(a.phone.getSession(unknown.callId!)!, 'failed');
    expect(failed404[0]).toMatchObject({ code: 404, cause: 'not-found' });
    // Outgoing calls are rate limited to one per second: move the clock on instead of waiting.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 1001);
    const offline = await a.phone.call('1005');
    vi.useRealTimers();
    const failed480 = await sessionEvent(a.phone.getSession(offline.callId!)!, 'failed');
    expect(failed480[0]).toMatchObject({ code: 480, cause: 'unavailable' });
    expect(a.phone.sessions.size).toBe(0);
  });

  it('connect helper reaches talking on both sides; remote BYE ends both', async () => {
    const a = await registeredPhone(server(), '1003');
    const b = await registeredPhone(server(), '1004');
    const { outgoing, incoming } = await connect(a, b);
    const endedA = sessionEvent(outgoing, 'ended');
    expect(b.phone.hangup(incoming.callId)).toBe(true);
    expect((await endedA)[0].cause).toBe('remote-hangup');
  });

  it('disconnect() during a call sends BYE first: the far end hears the hang-up and nothing stays talking', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { outgoing, incoming } = await connect(a, b);
    const endedB = sessionEvent(incoming, 'ended');
    const endedA = sessionEvent(outgoing, 'ended');
    expect(a.phone.disconnect()).toBe(true);
    expect((await endedA)[0].cause).toBe('terminated');
    expect((await endedB)[0].cause).toBe('remote-hangup');
    expect(a.phone.store.getState().callIds).toEqual([]);
    expect(a.media.openCount()).toBe(0);
  });
});
