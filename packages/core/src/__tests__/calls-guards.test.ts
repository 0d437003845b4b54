import { describe, expect, it } from 'vitest';
import { ResultCode } from '../index.js';
import { connect, registeredPhone, sessionEvent, useCallServer } from './support/call-harness.js';
import { nextEvent, waitForState } from './support/phone-harness.js';

const { server } = useCallServer();

describe('call guards and result codes against the real Kamailio', () => {
  it('a third incoming call while two are up: the caller gets 486, the callee never sees it', async () => {
    const b = await registeredPhone(server(), '1002');
    const a = await registeredPhone(server(), '1001');
    const c = await registeredPhone(server(), '1003');
    const d = await registeredPhone(server(), '1004');
    await connect(a, b);
    await connect(c, b);
    expect(b.phone.isMaxCall).toBe(true);
    const seen: string[] = [];
    b.phone.on('incoming', () => seen.push('incoming'));
    b.phone.on('newRTCSession', () => seen.push('newRTCSession'));
    const placed = await d.phone.call('1002');
    const [failed] = await sessionEvent(d.phone.getSession(placed.callId!)!, 'failed');
    expect(failed).toMatchObject({ code: 486, cause: 'busy' });
    expect(seen).toEqual([]);
    expect(b.phone.sessions.size).toBe(2);
  });

  it('an extra outgoing call gets MAX_LIMIT_CALL; disableCallWaiting refuses a second incoming call', async () => {
    const a = await registeredPhone(server(), '1001', { maxConcurrentCalls: 1 });
    const b = await registeredPhone(server(), '1002', { disableCallWaiting: true });
    const c = await registeredPhone(server(), '1003');
    await connect(a, b);
    expect(await a.phone.call('1003')).toMatchObject({ code: ResultCode.MAX_LIMIT_CALL });
    const placed = await c.phone.call('1002');
    const [failed] = await sessionEvent(c.phone.getSession(placed.callId!)!, 'failed');
    expect(failed.code).toBe(486);
    expect(b.phone.sessions.size).toBe(1);
  });

  it('CURRENT_CALL_HAS_NOT_CONNECTED while an outgoing call rings; CALL_TOO_MANY_TIMES within one second', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const ringing = nextEvent(b.phone, 'incoming');
    const first = await a.phone.call('1002');
    expect(first.code).toBe(200);
    await ringing;
    expect(await a.phone.call('1003')).toMatchObject({ code: ResultCode.CURRENT_CALL_HAS_NOT_CONNECTED });
    const failed = sessionEvent(a.phone.getSession(first.callId!)!, 'failed');
    a.phone.hangup(first.callId!);
    await failed;
    expect(await a.phone.call('1003')).toMatchObject({ code: ResultCode.CALL_TOO_MANY_TIMES });
  });

  it('NOT_FOUND_CALL_ID and false for unknown ids; nothing changes', async () => {
    const a = await registeredPhone(server(), '1001');
    const before = a.phone.store.getState();
    expect(await a.phone.answer('nope')).toMatchObject({ code: ResultCode.NOT_FOUND_CALL_ID });
    for (const method of [
      'reject',
      'hangup',
      'terminate',
      'hold',
      'unhold',
      'mute',
      'unmute',
      'startRecord',
      'pauseRecord',
      'completeTransfer',
      'setCurrentSession',
    ] as const) {
      expect(a.phone[method]('nope'), method).toBe(false);
    }
    expect(a.phone.dtmf('nope', '1')).toBe(false);
    expect(a.phone.blindTransfer('nope', '1002')).toBe(false);
    expect(a.phone.attendedTransfer('nope', '1002')).toBe(false);
    expect(a.phone.setSessionStaticStatus('nope', { name: 'x' })).toBe(false);
    expect(a.phone.getSession('nope')).toBeNull();
    expect(a.phone.store.getState()).toBe(before);
  });

  it('ATTENDED_PARENT_NOT_FOUND when transferId names no call', async () => {
    const a = await registeredPhone(server(), '1001');
    expect(await a.phone.call('1002', {}, 'no-such-call')).toMatchObject({ code: ResultCode.ATTENDED_PARENT_NOT_FOUND });
  });

  it.each([
    ['', 'empty'],
    ['1'.repeat(65), 'too long'],
    ['1002\r\nX-Injected: 1', 'CRLF'],
    ['1002\nVia: evil', 'LF'],
    ['<sip:1002@webphone.test>', 'angle brackets'],
    ['1002;transport=tcp', 'parameter injection'],
    ['1002,1003', 'comma'],
    ['"1002"', 'quotes'],
    ['10 02 x', 'spaces in a SIP user'],
    ['sip:1002@evil.com;lr', 'URI parameter'],
    ['1002@evil host', 'space in host'],
    ['%0D%0A', 'escaped CRLF'],
    ['sip:1002', 'URI without host'],
  ])('INVALID_NUMBER for %j (%s), before anything is sent', async (number) => {
    const a = await registeredPhone(server(), '1001');
    const placed = await a.phone.call(number);
    expect(placed.code).toBe(ResultCode.INVALID_NUMBER);
    expect(a.phone.sessions.size).toBe(0);
    expect(a.media.handlers).toHaveLength(0);
  });

  it('accepts telephone-number formatting and user@host forms', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const ringing = nextEvent(b.phone, 'incoming');
    const placed = await a.phone.call(' sip:1002@webphone.test ');
    expect(placed.code).toBe(200);
    const [{ session }] = await ringing;
    expect(session.status.number).toBe('1001');
    expect(a.phone.getSession(placed.callId!)!.status.number).toBe('1002');
  });

  it('setCurrentSession / getCurrentSession; when the current call ends another becomes current', async () => {
    const b = await registeredPhone(server(), '1002');
    const a = await registeredPhone(server(), '1001');
    const c = await registeredPhone(server(), '1003');
    const first = await connect(a, b);
    const second = await connect(c, b);
    expect(b.phone.currentSessionID).toBe(second.incoming.callId);
    expect(b.phone.setCurrentSession(first.incoming.callId)).toBe(true);
    expect(b.phone.getCurrentSession()?.callId).toBe(first.incoming.callId);
    const deleted = nextEvent(b.phone, 'deleteSession');
    a.phone.hangup(first.outgoing.callId);
    await deleted;
    expect(b.phone.currentSessionID).toBe(second.incoming.callId);
    expect(b.phone.getSessions().map((s) => s.callId)).toEqual([second.incoming.callId]);
  });

  it('resolveContact fills name/avatar/company; manual mode stops it', async () => {
    let release: (value: { name: string; company: string }) => void = () => {};
    const lookup = new Promise<{ name: string; company: string }>((resolve) => (release = resolve));
    const b = await registeredPhone(server(), '1002', { resolveContact: () => lookup });
    const a = await registeredPhone(server(), '1001', { resolveContact: async (n) => ({ name: `Contact ${n}`, avatar: 'a.png', company: 'ACME' }) });
    const ringing = nextEvent(b.phone, 'incoming');
    const placed = await a.phone.call('1002');
    const outgoing = a.phone.getSession(placed.callId!)!;
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.name === 'Contact 1002');
    expect(outgoing.status).toMatchObject({ avatar: 'a.png', company: 'ACME' });

    const [{ session }] = await ringing;
    const staticChange = sessionEvent(session, 'staticStatusChange');
    expect(b.phone.setSessionStaticStatus(session.callId, { name: 'Boss' }, true)).toBe(true);
    expect((await staticChange)[0].name).toBe('Boss');
    release({ name: 'Looked up', company: 'X' });
    await lookup;
    await new Promise((resolve) => setImmediate(resolve));
    expect(session.status.name).toBe('Boss');
  });
});
