import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestedAnswerDelay } from '../auto-answer.js';
import { checkCustomHeaders, MAX_CUSTOM_HEADERS, MAX_HEADER_VALUE_LENGTH } from '../call-headers.js';
import { PhoneConfigError, ResultCode, type IncomingRefusal } from '../index.js';
import { ScriptedPhone } from '../testing/index.js';

afterEach(() => {
  vi.useRealTimers();
});

/** `requestedAnswerDelay` over a plain header object. */
const delayOf = (headers: Record<string, string>) =>
  requestedAnswerDelay((name) => Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]);

describe('custom headers: checkCustomHeaders', () => {
  it('accepts X- and the auto-answer headers and returns header lines', () => {
    expect(checkCustomHeaders(undefined)).toEqual({ ok: true, lines: [] });
    expect(
      checkCustomHeaders({
        'X-Ticket': '4711',
        'Call-Info': '<sip:pbx.example.com>;answer-after=0',
        'Alert-Info': '<http://x>;info=alert-autoanswer',
        'Answer-Mode': 'Auto',
      }),
    ).toEqual({
      ok: true,
      lines: ['X-Ticket: 4711', 'Call-Info: <sip:pbx.example.com>;answer-after=0', 'Alert-Info: <http://x>;info=alert-autoanswer', 'Answer-Mode: Auto'],
    });
    expect(checkCustomHeaders({ 'X-Tab': 'a\tb', 'X-Utf8': 'Müller' }).ok).toBe(true);
  });

  it.each([
    'Via',
    'from',
    'TO',
    'Call-ID',
    'CSeq',
    'Contact',
    'Max-Forwards',
    'Route',
    'Record-Route',
    'Content-Length',
    'Content-Type',
    'Authorization',
    'Proxy-Authorization',
    'Require',
    'Supported',
    'Allow',
    'v',
    'i',
    'm',
    'l',
    'Replaces',
    'Refer-To',
  ])('refuses %s, which the stack writes', (name) => {
    expect(checkCustomHeaders({ [name]: 'x' })).toMatchObject({ ok: false });
  });

  it.each([
    ['a name that is not a token', { 'X Bad': '1' }],
    ['a name with a colon', { 'X-A:': '1' }],
    ['an empty name', { '': '1' }],
    ['CR', { 'X-A': '1\r\nVia: evil' }],
    ['LF', { 'X-A': '1\nX-B: 2' }],
    ['NUL', { 'X-A': '1\u0000' }],
    ['another control character', { 'X-A': '\u001b[31m' }],
    ['a value over the limit', { 'X-A': 'a'.repeat(MAX_HEADER_VALUE_LENGTH + 1) }],
    ['a value that is not a string', { 'X-A': 5 }],
    ['too many headers', Object.fromEntries(Array.from({ length: MAX_CUSTOM_HEADERS + 1 }, (_, i) => [`X-H${i}`, '1']))],
    ['an array', ['X-A: 1']],
    ['a string', 'X-A: 1'],
    ['null', null],
  ])('refuses %s', (_what, headers) => {
    expect(checkCustomHeaders(headers)).toMatchObject({ ok: false });
  });
});

describe('auto-answer: what the INVITE asks for', () => {
  it.each([
    [{ 'Call-Info': '<sip:pbx.example.com>;answer-after=0' }, 0],
    [{ 'Call-Info': '<sip:pbx>;Answer-After=5' }, 5],
    [{ 'call-info': '<http://a/b;c>;purpose=icon, <sip:pbx>;answer-after=2' }, 2],
    [{ 'Call-Info': ';answer-after=0' }, 0],
    [{ 'Call-Info': '<sip:pbx>;answer-after=999999' }, 3600],
    [{ 'Alert-Info': '<http://127.0.0.1/Bellcore-dr4>;info=alert-autoanswer' }, 0],
    [{ 'Alert-Info': '<http://x>;info=alert-autoanswer;delay=3' }, 3],
    [{ 'Answer-Mode': 'Auto' }, 0],
    [{ 'Answer-Mode': 'auto;require' }, 0],
  ])('%o → answer after %d s', (headers, seconds) => {
    expect(delayOf(headers)).toBe(seconds);
  });

  it.each<Record<string, string>>([
    {},
    { 'Call-Info': '<sip:pbx>;purpose=info' },
    { 'Alert-Info': '<http://x>;info=alert-group' },
    { 'Answer-Mode': 'Manual' },
    { 'X-Answer': 'auto' },
  ])('%o asks for nothing', (headers) => {
    expect(delayOf(headers)).toBeNull();
  });
});

describe('custom headers on a call', () => {
  it('call() sends valid headers with the INVITE; getHeader reads the answer of an outgoing call', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const placed = await phone.call('1002', { headers: { 'X-Ticket': '4711', 'X-Queue': 'sales' } });
    expect(placed.code).toBe(200);
    const callId = placed.callId!;
    expect(phone.inviteHeaders(callId)).toEqual(['X-Ticket: 4711', 'X-Queue: sales']);
    const session = phone.getSession(callId)!;
    expect(session.getHeader('X-Agent')).toBeUndefined();
    phone.remoteAnswer(callId, { 'X-Agent': 'ada', 'x-agent': 'bob' });
    expect(session.getHeader('x-AGENT')).toBe('ada, bob');
    expect(session.getHeader('X-Ticket')).toBeUndefined();
    expect(session.getHeader('bad name')).toBeUndefined();
    expect(session.getHeader(42 as unknown as string)).toBeUndefined();
  });

  it('a bad header resolves INVALID_HEADER after the number check and before the limits, and sends nothing', async () => {
    const phone = new ScriptedPhone({ registered: true, maxConcurrentCalls: 1 });
    expect((await phone.call('not a number<', { headers: { Via: 'x' } })).code).toBe(ResultCode.INVALID_NUMBER);
    expect(await phone.call('1002', { headers: { Via: 'SIP/2.0/WSS evil' } })).toMatchObject({
      code: -212,
      message: expect.stringMatching(/^INVALID_HEADER: Via/),
    });
    expect((await phone.call('1002', { headers: { 'X-A': 'a\r\nB: c' } })).code).toBe(ResultCode.INVALID_HEADER);
    expect(phone.lastCallId).toBeNull();
    await phone.call('1002');
    // At the call limit a bad header is still reported as the header.
    expect((await phone.call('1003', { headers: { Contact: 'x' } })).code).toBe(ResultCode.INVALID_HEADER);
    expect((await phone.call('1003', { headers: { 'X-A': 'ok' } })).code).toBe(ResultCode.MAX_LIMIT_CALL);
  });

  it('getHeader reads the INVITE of an incoming call, also after it ended', () => {
    const phone = new ScriptedPhone({ registered: true });
    const callId = phone.simulateIncoming({ number: '1002', headers: { 'X-Ticket': '4711' } });
    const session = phone.getSession(callId)!;
    expect(session.getHeader('x-ticket')).toBe('4711');
    phone.remoteHangup(callId);
    expect(session.getHeader('X-Ticket')).toBe('4711');
  });
});

describe('auto-answer', () => {
  it("'never' (default) lets a call that asks for it ring", async () => {
    vi.useFakeTimers();
    const phone = new ScriptedPhone({ registered: true });
    expect(phone.store.getState().autoAnswer).toBe('never');
    const callId = phone.simulateIncoming({ number: '1002', headers: { 'Answer-Mode': 'Auto' } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(phone.getSession(callId)?.status).toMatchObject({ callStatus: 'ringing', isAutoAnswered: false });
  });

  it("'when-requested' answers after answer-after=N, after `incoming`, and says so in the status", async () => {
    vi.useFakeTimers();
    const phone = new ScriptedPhone({ registered: true, autoAnswer: 'when-requested' });
    const seen: string[] = [];
    phone.on('incoming', ({ session }) => seen.push(`incoming:${session.status.callStatus}`));
    const callId = phone.simulateIncoming({ number: '1002', headers: { 'Call-Info': '<sip:pbx>;answer-after=2' } });
    await vi.advanceTimersByTimeAsync(1900);
    expect(phone.getSession(callId)?.status.callStatus).toBe('ringing');
    await vi.advanceTimersByTimeAsync(200);
    expect(phone.getSession(callId)?.status).toMatchObject({ callStatus: 'talking', isAutoAnswered: true });
    expect(seen).toEqual(['incoming:ringing']);
    expect(phone.commands.map((c) => c.name)).not.toContain('answer');
    // A call that does not ask rings.
    phone.hangup(callId);
    const plain = phone.simulateIncoming({ number: '1003' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(phone.getSession(plain)?.status).toMatchObject({ callStatus: 'ringing', isAutoAnswered: false });
  });

  it("'always' answers every call at once; a user who answers first is not auto-answered", async () => {
    vi.useFakeTimers();
    const phone = new ScriptedPhone({ registered: true });
    expect(phone.setAutoAnswer('always')).toBe(true);
    expect(phone.store.getState().autoAnswer).toBe('always');
    const callId = phone.simulateIncoming({ number: '1002' });
    await vi.advanceTimersByTimeAsync(10);
    expect(phone.getSession(callId)?.status).toMatchObject({ callStatus: 'talking', isAutoAnswered: true });
    phone.hangup(callId);

    phone.setAutoAnswer('when-requested');
    const delayed = phone.simulateIncoming({ number: '1002', headers: { 'Call-Info': '<sip:pbx>;answer-after=5' } });
    await phone.answer(delayed);
    await vi.advanceTimersByTimeAsync(6000);
    expect(phone.getSession(delayed)?.status).toMatchObject({ callStatus: 'talking', isAutoAnswered: false });
  });

  it('while another call is up the call rings, unless autoAnswerWhileBusy', async () => {
    vi.useFakeTimers();
    const phone = new ScriptedPhone({ registered: true, autoAnswer: 'always' });
    const first = phone.simulateIncoming({ number: '1002' });
    await vi.advanceTimersByTimeAsync(10);
    const second = phone.simulateIncoming({ number: '1003' });
    await vi.advanceTimersByTimeAsync(10);
    expect(phone.getSession(second)?.status).toMatchObject({ callStatus: 'ringing', isAutoAnswered: false });
    phone.hangup(first);
    phone.hangup(second);

    const busy = new ScriptedPhone({ registered: true, autoAnswer: 'always', autoAnswerWhileBusy: true });
    busy.simulateIncoming({ number: '1002' });
    await vi.advanceTimersByTimeAsync(10);
    const other = busy.simulateIncoming({ number: '1003' });
    await vi.advanceTimersByTimeAsync(10);
    expect(busy.getSession(other)?.status).toMatchObject({ callStatus: 'talking', isAutoAnswered: true });
  });

  it('turning auto-answer off during answer-after keeps the call ringing; a call that ends first is left alone', async () => {
    vi.useFakeTimers();
    const phone = new ScriptedPhone({ registered: true, autoAnswer: 'when-requested' });
    const callId = phone.simulateIncoming({ number: '1002', headers: { 'Alert-Info': '<http://x>;info=alert-autoanswer;delay=3' } });
    phone.setAutoAnswer('never');
    await vi.advanceTimersByTimeAsync(4000);
    expect(phone.getSession(callId)?.status.callStatus).toBe('ringing');
    phone.setAutoAnswer('when-requested');
    const gone = phone.simulateIncoming({ number: '1003', headers: { 'Answer-Mode': 'Auto' } });
    phone.remoteHangup(gone);
    await vi.advanceTimersByTimeAsync(10);
    expect(phone.sessions.has(gone)).toBe(false);
  });

  it('validates its configuration and its argument', () => {
    expect(() => new ScriptedPhone({ autoAnswer: 'sometimes' as 'never' })).toThrow(PhoneConfigError);
    expect(() => new ScriptedPhone({ autoAnswerWhileBusy: 'yes' as unknown as boolean })).toThrow(PhoneConfigError);
    const phone = new ScriptedPhone();
    expect(phone.setAutoAnswer('sometimes' as 'never')).toBe(false);
    expect(phone.store.getState().autoAnswer).toBe('never');
    expect(phone.commands).toEqual([{ name: 'setAutoAnswer', args: ['sometimes'] }]);
  });
});

describe('do not disturb', () => {
  it('refuses calls without ringing (486 by default) and emits incomingRefused; off lets them ring again', () => {
    const phone = new ScriptedPhone({ registered: true });
    const refused: IncomingRefusal[] = [];
    const incoming = vi.fn();
    phone.on('incomingRefused', (event) => refused.push(event));
    phone.on('incoming', incoming);
    expect(phone.setDoNotDisturb(true)).toBe(true);
    expect(phone.store.getState().doNotDisturb).toBe(true);
    const callId = phone.simulateIncoming({ number: '1002', name: 'Ada' });
    expect(phone.sessions.size).toBe(0);
    expect(phone.store.getState().calls).toEqual({});
    expect(incoming).not.toHaveBeenCalled();
    expect(phone.refusedIncoming).toEqual([{ callId, number: '1002', code: 486 }]);
    expect(refused).toEqual([{ number: '1002', name: 'Ada', reason: 'do-not-disturb', code: 486 }]);
    expect(phone.setDoNotDisturb(false)).toBe(true);
    phone.simulateIncoming({ number: '1002' });
    expect(incoming).toHaveBeenCalledTimes(1);
  });

  it('uses dndResponseCode, wins over auto-answer, and leaves calls already up alone', async () => {
    const phone = new ScriptedPhone({ registered: true, dndResponseCode: 603, autoAnswer: 'always' });
    const up = (await phone.call('1003')).callId!;
    phone.remoteAnswer(up);
    phone.setDoNotDisturb(true);
    expect(phone.getSession(up)?.status.callStatus).toBe('talking');
    phone.simulateIncoming({ number: '1002', headers: { 'Answer-Mode': 'Auto' } });
    expect(phone.refusedIncoming.map((call) => call.code)).toEqual([603]);
    expect(phone.sessions.size).toBe(1);
  });

  it('a transfer that replaces one of our calls still completes', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const up = (await phone.call('1003')).callId!;
    phone.remoteAnswer(up);
    phone.setDoNotDisturb(true);
    const takeover = phone.simulateIncoming({ number: '1004', replaces: up });
    await vi.waitFor(() => expect(phone.getSession(takeover)?.status.callStatus).toBe('talking'));
  });

  it('validates dndResponseCode and its argument', () => {
    expect(() => new ScriptedPhone({ dndResponseCode: 404 as 486 })).toThrow(PhoneConfigError);
    const phone = new ScriptedPhone();
    expect(phone.setDoNotDisturb('on' as unknown as boolean)).toBe(false);
    expect(phone.store.getState().doNotDisturb).toBe(false);
  });
});

describe('incomingRefused for the call limit and call waiting', () => {
  it("reports 'max-calls' and 'call-waiting-disabled'", async () => {
    const limited = new ScriptedPhone({ registered: true, maxConcurrentCalls: 1 });
    const refused: IncomingRefusal[] = [];
    limited.on('incomingRefused', (event) => refused.push(event));
    await limited.call('1003');
    limited.simulateIncoming({ number: '1002', name: 'Bob' });
    const waiting = new ScriptedPhone({ registered: true, disableCallWaiting: true });
    waiting.on('incomingRefused', (event) => refused.push(event));
    await waiting.call('1003');
    waiting.simulateIncoming({ number: '1005' });
    expect(refused).toEqual([
      { number: '1002', name: 'Bob', reason: 'max-calls', code: 486 },
      { number: '1005', name: '', reason: 'call-waiting-disabled', code: 486 },
    ]);
  });
});
