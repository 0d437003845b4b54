import { describe, expect, it } from 'vitest';
import { ResultCode, type CallStatus, type IncomingRefusal } from '../index.js';
import { connect, registeredPhone, sessionEvent, useCallServer } from './support/call-harness.js';
import { nextEvent, waitForState } from './support/phone-harness.js';

const { server } = useCallServer();

/** Collects `incomingRefused` events of a phone. */
function refusals(phone: import('../index.js').PhoneOperator): IncomingRefusal[] {
  const seen: IncomingRefusal[] = [];
  phone.on('incomingRefused', (event) => seen.push(event));
  return seen;
}

describe('custom headers through the real Kamailio', () => {
  it('reach the callee, which reads them on ring; the caller reads the 2xx', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const ringing = nextEvent(b.phone, 'incoming');
    const placed = await a.phone.call('1002', { headers: { 'X-Ticket': '4711', 'X-Queue': 'sales line 2' } });
    expect(placed.code).toBe(200);
    const [{ session: incoming }] = await ringing;
    expect(incoming.getHeader('x-ticket')).toBe('4711');
    expect(incoming.getHeader('X-QUEUE')).toBe('sales line 2');
    expect(incoming.getHeader('X-Absent')).toBeUndefined();
    // Kamailio adds its own Via above the caller's: repeated lines come back joined with ", ".
    expect(incoming.getHeader('Via')?.split(', SIP/2.0/')).toHaveLength(2);

    const outgoing = a.phone.getSession(placed.callId!)!;
    expect(outgoing.getHeader('Content-Type')).toBeUndefined();
    await b.phone.answer(incoming.callId);
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.callStatus === 'talking');
    expect(outgoing.getHeader('content-type')).toBe('application/sdp');
    expect(outgoing.getHeader('Allow')).toContain('INVITE');
    expect(outgoing.getHeader('X-Ticket')).toBeUndefined();
    a.phone.hangup(outgoing.callId);
  });

  it('a forbidden name or an injected line resolves INVALID_HEADER and nothing reaches the callee', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    let rang = 0;
    b.phone.on('incoming', () => (rang += 1));
    expect((await a.phone.call('1002', { headers: { Via: 'SIP/2.0/WSS evil.invalid' } })).code).toBe(ResultCode.INVALID_HEADER);
    expect((await a.phone.call('1002', { headers: { 'X-Ticket': '1\r\nContact: <sip:evil@evil.invalid>' } })).code).toBe(ResultCode.INVALID_HEADER);
    expect(a.phone.sessions.size).toBe(0);
    // A valid call placed right after is the first thing the callee hears.
    const ringing = nextEvent(b.phone, 'incoming');
    expect((await a.phone.call('1002', { headers: { 'X-Ticket': 'ok' } })).code).toBe(200);
    const [{ session }] = await ringing;
    expect(rang).toBe(1);
    expect(session.getHeader('X-Ticket')).toBe('ok');
    expect(session.getHeader('Contact')).not.toContain('evil');
  });
});

describe('auto-answer through the real Kamailio', () => {
  it("'when-requested' answers a call with Call-Info answer-after=0, after incoming; the caller talks", async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002', { autoAnswer: 'when-requested' });
    const ringing = nextEvent(b.phone, 'incoming');
    const started = performance.now();
    const placed = await a.phone.call('1002', { headers: { 'Call-Info': '<sip:webphone.test>;answer-after=0' } });
    const [{ session: incoming }] = await ringing;
    expect(incoming.getHeader('Call-Info')).toBe('<sip:webphone.test>;answer-after=0');
    await waitForState(b.phone.store, (s) => s.calls[incoming.callId]?.status.callStatus === 'talking');
    expect(incoming.status.isAutoAnswered).toBe(true);
    await waitForState(a.phone.store, (s) => s.calls[placed.callId!]?.status.callStatus === 'talking');
    console.log(`[figures] auto-answer (answer-after=0) through Kamailio: the caller talks ${(performance.now() - started).toFixed(1)} ms after call()`);
    expect(b.media.openCount()).toBe(1);
    a.phone.hangup(placed.callId!);
  });

  it('answer-after=1 waits a second; Alert-Info and Answer-Mode: Auto are honoured; a plain call rings', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002', { autoAnswer: 'when-requested' });
    const requests: Record<string, string>[] = [
      { 'Call-Info': '<sip:webphone.test>;answer-after=1' },
      { 'Alert-Info': '<http://127.0.0.1>;info=alert-autoanswer' },
      { 'Answer-Mode': 'Auto' },
    ];
    for (const headers of requests) {
      const ringing = nextEvent(b.phone, 'incoming');
      const started = Date.now();
      const placed = await a.phone.call('1002', { headers });
      const [{ session }] = await ringing;
      const answered = sessionEvent(session, 'accepted');
      await answered;
      const waited = Date.now() - started;
      if ('Call-Info' in headers) expect(waited).toBeGreaterThanOrEqual(1000);
      else expect(waited).toBeLessThan(1000);
      expect(session.status.isAutoAnswered).toBe(true);
      const ended = sessionEvent(session, 'ended');
      a.phone.hangup(placed.callId!);
      await ended;
      // CALL_TOO_MANY_TIMES: one outgoing call a second.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const ringing = nextEvent(b.phone, 'incoming');
    await a.phone.call('1002');
    const [{ session }] = await ringing;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(session.status).toMatchObject({ callStatus: 'ringing', isAutoAnswered: false });
  });

  it('while the callee is in a call the request rings, unless autoAnswerWhileBusy', async () => {
    const a = await registeredPhone(server(), '1001');
    const c = await registeredPhone(server(), '1003');
    for (const autoAnswerWhileBusy of [false, true]) {
      const b = await registeredPhone(server(), '1002', { autoAnswer: 'always', autoAnswerWhileBusy });
      const first = await connect(c, b);
      const ringing = nextEvent(b.phone, 'incoming');
      const placed = await a.phone.call('1002', { headers: { 'Answer-Mode': 'Auto' } });
      const [{ session }] = await ringing;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(session.status).toMatchObject(
        autoAnswerWhileBusy ? { callStatus: 'talking', isAutoAnswered: true } : { callStatus: 'ringing', isAutoAnswered: false },
      );
      a.phone.hangup(placed.callId!);
      c.phone.hangup(first.outgoing.callId);
      await waitForState(b.phone.store, (s) => s.callIds.length === 0);
      b.phone.destroy();
      await b.phone.whenDestroyed();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
});

describe('do not disturb through the real Kamailio', () => {
  it('refuses with 486 before anything else (no 180), emits incomingRefused; off rings again', async () => {
    const a = await registeredPhone(server(), '1001', { displayName: 'Ada Lovelace' });
    const b = await registeredPhone(server(), '1002');
    const refused = refusals(b.phone);
    let rang = 0;
    b.phone.on('incoming', () => (rang += 1));
    expect(b.phone.setDoNotDisturb(true)).toBe(true);
    expect(b.phone.store.getState().doNotDisturb).toBe(true);
    const started = performance.now();
    const placed = await a.phone.call('1002');
    const outgoing = a.phone.getSession(placed.callId!)!;
    const rings: boolean[] = [];
    outgoing.on('statusChange', (next: CallStatus) => rings.push(next.isRing));
    expect(await sessionEvent(outgoing, 'failed')).toEqual([{ callId: outgoing.callId, cause: 'busy', code: 486 }]);
    console.log(`[figures] do not disturb through Kamailio: the caller has its 486 ${(performance.now() - started).toFixed(1)} ms after call()`);
    expect(rings).not.toContain(true);
    expect(rang).toBe(0);
    expect(refused).toEqual([{ number: '1001', name: 'Ada Lovelace', reason: 'do-not-disturb', code: 486 }]);
    expect(b.phone.store.getState().calls).toEqual({});
    expect(b.media.openCount()).toBe(0);

    b.phone.setDoNotDisturb(false);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const ringing = nextEvent(b.phone, 'incoming');
    await a.phone.call('1002');
    await ringing;
    expect(refused).toHaveLength(1);
  });

  it.each([480, 603] as const)('dndResponseCode %d reaches the caller', async (code) => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002', { dndResponseCode: code });
    b.phone.setDoNotDisturb(true);
    const placed = await a.phone.call('1002');
    const [failed] = await sessionEvent(a.phone.getSession(placed.callId!)!, 'failed');
    expect(failed.code).toBe(code);
  });

  it("the call limit's refusal is reported as 'max-calls'", async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002', { maxConcurrentCalls: 1 });
    const c = await registeredPhone(server(), '1003');
    const refused = refusals(b.phone);
    await connect(c, b);
    const placed = await a.phone.call('1002');
    const [failed] = await sessionEvent(a.phone.getSession(placed.callId!)!, 'failed');
    expect(failed.code).toBe(486);
    expect(refused).toEqual([{ number: '1001', name: '', reason: 'max-calls', code: 486 }]);
  });
});
