import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResultCode } from '../result.js';
import type { PhoneApi } from '../phone-api.js';
import { FakeStream, FakeTrack, ScriptedPhone } from './index.js';
import { ScriptedCall } from './scripted-call.js';

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Lets the far end's answers (resolved promises) reach the phone; only Date is faked here. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function registeredPhone(options: ConstructorParameters<typeof ScriptedPhone>[0] = {}): ScriptedPhone {
  return new ScriptedPhone({ registered: true, ...options });
}

describe('ScriptedPhone registration', () => {
  it('is a PhoneApi whose store has the PhoneOperator shape', () => {
    const phone: PhoneApi = new ScriptedPhone();
    expect(Object.keys(phone.store.getState()).sort()).toEqual(
      [
        'autoAnswer',
        'calls',
        'callIds',
        'currentSessionID',
        'destroyed',
        'deviceIds',
        'doNotDisturb',
        'identity',
        'incomingIds',
        'isMaxCall',
        'isRegistered',
        'lastError',
        'reconnect',
        'recordPermissions',
        'registration',
        'server',
        'transport',
      ].sort(),
    );
    expect('setState' in phone.store).toBe(false);
  });

  it('start() connects and registers, store first, then events, and is logged', () => {
    const phone = new ScriptedPhone();
    const seen: string[] = [];
    phone.on('connected', () => seen.push(`connected:${phone.store.getState().transport}`));
    phone.on('registered', () => seen.push(`registered:${phone.store.getState().registration.status}`));
    phone.on('isRegisteredChange', (value) => seen.push(`isRegisteredChange:${value}`));
    phone.start();
    expect(seen).toEqual(['connected:connected', 'registered:registered', 'isRegisteredChange:true']);
    expect(phone.store.getState().registration).toEqual({ status: 'registered', aor: 'sip:1001@webphone.test', registeredAt: T0, expiresAt: T0 + 600_000 });
    phone.start();
    expect(phone.commands).toEqual([
      { name: 'start', args: [] },
      { name: 'start', args: [] },
    ]);
    expect(seen).toHaveLength(3);
  });

  it('with autoRegister: false waits for register() or failRegistration()', () => {
    const phone = new ScriptedPhone({ autoRegister: false });
    const failures: number[] = [];
    phone.on('registrationFailed', (error) => failures.push(error.code));
    phone.start();
    expect(phone.store.getState()).toMatchObject({ transport: 'connected', registration: { status: 'registering' } });
    phone.failRegistration();
    const state = phone.store.getState();
    expect(state.registration).toMatchObject({ status: 'failed', statusCode: 403, error: { code: ResultCode.REGISTRY_FAILED } });
    expect(state.lastError?.code).toBe(ResultCode.REGISTRY_FAILED);
    expect(failures).toEqual([ResultCode.REGISTRY_FAILED]);
    phone.register();
    expect(phone.isRegistered).toBe(true);
  });

  it('dropConnection() loses the registration and counts a reconnect attempt; register() restores it', () => {
    const phone = registeredPhone();
    const seen: unknown[] = [];
    phone.on('disconnected', () => seen.push('disconnected'));
    phone.on('isRegisteredChange', (value) => seen.push(value));
    phone.dropConnection();
    expect(phone.store.getState()).toMatchObject({
      transport: 'disconnected',
      isRegistered: false,
      reconnect: { attempt: 1, nextAttemptAt: T0 + 1000, exhausted: false },
    });
    phone.register();
    expect(phone.store.getState()).toMatchObject({ transport: 'connected', isRegistered: true, reconnect: { attempt: 0 } });
    expect(seen).toEqual(['disconnected', false, true]);
  });

  it('a refresh replaces the registration object but keeps isRegistered', () => {
    const phone = registeredPhone();
    const before = phone.store.getState().registration;
    vi.setSystemTime(T0 + 5000);
    phone.register();
    const after = phone.store.getState().registration;
    expect(after).not.toBe(before);
    expect(after).toMatchObject({ status: 'registered', registeredAt: T0 + 5000 });
  });

  it('RE_REGISTRY_MAX_LIMIT_TIMES marks reconnecting as exhausted', () => {
    const phone = registeredPhone();
    phone.dropConnection();
    phone.failRegistration({ code: ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES, message: 'RE_REGISTRY_MAX_LIMIT_TIMES' });
    expect(phone.store.getState().reconnect.exhausted).toBe(true);
  });

  it('reRegister checks its arguments like the operator', () => {
    const phone = registeredPhone();
    expect(phone.reRegister('1002', 'nothex')).toMatchObject({ code: ResultCode.REGISTRY_FAILED });
    expect(phone.reRegister('1002', 'a'.repeat(32))).toBe(phone);
    expect(phone.store.getState().identity).toMatchObject({ extension: '1002', authorizationUser: '1002' });
    expect(phone.store.getState().registration).toMatchObject({ aor: 'sip:1002@webphone.test' });
  });

  it('destroy() is idempotent, ends calls (with their events, as the operator does), drops listeners, and start() then throws', () => {
    const phone = registeredPhone();
    const listener = vi.fn();
    phone.on('deleteSession', listener);
    const callId = phone.simulateIncoming({ number: '1002' });
    phone.destroy();
    phone.destroy();
    expect(phone.store.getState()).toMatchObject({ destroyed: true, callIds: [], isRegistered: false, transport: 'idle' });
    expect(phone.listenerCount()).toBe(0);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0][0]).toMatchObject({ callId, cause: 'terminated', code: 487 });
    expect(() => phone.start()).toThrow(/destroy/);
  });
});

describe('ScriptedPhone calls', () => {
  it('an outgoing call: calling → ringing → talking → ended, with events after the store', async () => {
    const phone = registeredPhone();
    const phoneEvents: string[] = [];
    phone.on('newRTCSession', ({ callId }) => phoneEvents.push(`new:${callId}`));
    phone.on('startSession', ({ callId }) => phoneEvents.push(`start:${callId}`));
    phone.on('deleteSession', ({ callId, cause }) => phoneEvents.push(`delete:${callId}:${cause}:${phone.store.getState().callIds.length}`));
    const placed = await phone.call('1002');
    const callId = phone.lastCallId!;
    expect(placed).toEqual({ code: 200, message: 'PHONE_SUCCESS', callId });
    expect(phone.currentSessionID).toBe(callId);
    const session = phone.getSession(callId)!;
    const sessionEvents: string[] = [];
    session.on('statusChange', (next, previous) => sessionEvents.push(`${previous.callStatus}->${next.callStatus}`));
    session.on('accepted', () => sessionEvents.push('accepted'));
    session.on('confirmed', () => sessionEvents.push(`confirmed:${phone.store.getState().calls[callId]!.status.callStatus}`));
    session.on('ended', ({ cause }) => sessionEvents.push(`ended:${cause}`));

    expect(phone.store.getState().calls[callId]!.status).toMatchObject({ number: '1002', communicationType: 'outbound', callStatus: 'calling', isRing: false });
    expect(phone.remoteRinging(callId)).toBe(true);
    expect(phone.store.getState().calls[callId]!.status.isRing).toBe(true);
    vi.setSystemTime(T0 + 3000);
    expect(phone.remoteAnswer(callId)).toBe(true);
    expect(phone.store.getState().calls[callId]!.status).toMatchObject({ callStatus: 'talking', callStartTime: T0 + 3000 });
    vi.setSystemTime(T0 + 10_500);
    expect(session.timer).toEqual({ ringDuration: 0, callingDuration: 3, callDuration: 7, holdDuration: 0 });
    expect(phone.remoteHangup(callId)).toBe(true);
    expect(phone.store.getState()).toMatchObject({ calls: {}, callIds: [], currentSessionID: null });
    expect(session.status.callStatus).toBe('talking');
    expect(sessionEvents).toEqual(['calling->calling', 'calling->connecting', 'accepted', 'connecting->talking', 'confirmed:talking', 'ended:remote-hangup']);
    expect(phoneEvents).toEqual([`new:${callId}`, `start:${callId}`, `delete:${callId}:remote-hangup:0`]);
  });

  it('early media: a 183 with SDP sets isEarlyMedia while calling and hands over the remote stream; the answer clears it', async () => {
    const phone = registeredPhone();
    await phone.call('1002');
    const callId = phone.lastCallId!;
    const session = phone.getSession(callId)!;
    const streams: MediaStream[] = [];
    session.on('streamAdded', ({ stream }) => streams.push(stream));
    const status = () => phone.store.getState().calls[callId]!.status;
    expect(status().isEarlyMedia).toBe(false);
    expect(phone.remoteRinging(callId)).toBe(true);
    expect(status()).toMatchObject({ callStatus: 'calling', isRing: true, isEarlyMedia: false });
    expect(streams).toEqual([]);

    const early = new FakeStream([new FakeTrack('audio')]) as unknown as MediaStream;
    expect(phone.remoteEarlyMedia(callId, early)).toBe(true);
    expect(status()).toMatchObject({ callStatus: 'calling', isRing: true, isEarlyMedia: true });
    expect(streams).toEqual([early]);
    expect(streams).toHaveLength(1);
    expect(session.remoteStream).toBe(streams[0]);
    // A second 183 with SDP changes nothing (sip.js applies only the first early answer).
    expect(phone.remoteEarlyMedia(callId)).toBe(true);
    expect(streams).toHaveLength(1);

    expect(phone.remoteAnswer(callId)).toBe(true);
    expect(status()).toMatchObject({ callStatus: 'talking', isRing: false, isEarlyMedia: false });
    // The answer keeps the early dialog's stream.
    expect(streams.every((stream) => stream === streams[0])).toBe(true);
    expect(phone.remoteHangup(callId)).toBe(true);
  });

  it('early media is refused on an answered or inbound call', async () => {
    const phone = registeredPhone();
    const inbound = phone.simulateIncoming({ number: '1002' });
    expect(phone.remoteEarlyMedia(inbound)).toBe(false);
    expect(phone.store.getState().calls[inbound]!.status.isEarlyMedia).toBe(false);
  });

  it('an incoming call: ringing in incomingIds, answer makes it current and talking', async () => {
    const phone = registeredPhone();
    const incoming = vi.fn();
    phone.on('incoming', incoming);
    const callId = phone.simulateIncoming({ number: '1002', name: 'Ada', company: 'ACME' });
    expect(incoming).toHaveBeenCalledWith({ callId, session: phone.getSession(callId) });
    expect(phone.store.getState()).toMatchObject({ incomingIds: [callId], currentSessionID: callId });
    expect(phone.incomingList.map((s) => s.callId)).toEqual([callId]);
    expect(phone.store.getState().calls[callId]!.status).toMatchObject({ name: 'Ada', company: 'ACME', callStatus: 'ringing', isRing: true });
    expect(await phone.answer(callId)).toMatchObject({ code: 200 });
    expect(phone.store.getState()).toMatchObject({ incomingIds: [], currentSessionID: callId });
    // 200 OK sent: connecting until the caller's ACK, which arrives in the next task.
    expect(phone.store.getState().calls[callId]!.status.callStatus).toBe('connecting');
    await settle();
    expect(phone.store.getState().calls[callId]!.status.callStatus).toBe('talking');
    expect(await phone.answer(callId)).toMatchObject({ code: ResultCode.UNKNOWN_ERROR });
  });

  it('autoConfirm: false stops in connecting until remoteConfirm()', async () => {
    const phone = registeredPhone({ autoConfirm: false });
    const callId = phone.simulateIncoming({ number: '1002' });
    await phone.answer(callId);
    expect(phone.store.getState().calls[callId]!.status.callStatus).toBe('connecting');
    expect(phone.remoteConfirm(callId)).toBe(true);
    expect(phone.store.getState().calls[callId]!.status.callStatus).toBe('talking');
  });

  it('guards: INVALID_NUMBER, NOT_FOUND_CALL_ID, MAX_LIMIT_CALL, CURRENT_CALL_HAS_NOT_CONNECTED, ATTENDED_PARENT_NOT_FOUND', async () => {
    const phone = registeredPhone();
    for (const bad of ['', '1002\r\nVia: x', '<sip:1002>', '1002;x=y', 'x'.repeat(80)]) {
      expect((await phone.call(bad)).code).toBe(ResultCode.INVALID_NUMBER);
    }
    expect((await phone.answer('nope')).code).toBe(ResultCode.NOT_FOUND_CALL_ID);
    expect(phone.hold('nope')).toBe(false);
    expect(phone.hangup('nope')).toBe(false);
    expect((await phone.call('1002', {}, 'nope')).code).toBe(ResultCode.ATTENDED_PARENT_NOT_FOUND);
    await phone.call('1002');
    expect((await phone.call('1002', {}, phone.lastCallId!)).code).toBe(ResultCode.ATTENDED_PARENT_NOT_FOUND);
    expect((await phone.call('1003')).code).toBe(ResultCode.CURRENT_CALL_HAS_NOT_CONNECTED);
    phone.remoteAnswer(phone.lastCallId!);
    expect((await phone.call('1003')).code).toBe(ResultCode.CALL_TOO_MANY_TIMES);
    vi.setSystemTime(T0 + 1000);
    await phone.call('1003');
    expect(phone.store.getState().isMaxCall).toBe(true);
    expect((await phone.call('1004')).code).toBe(ResultCode.MAX_LIMIT_CALL);
    expect(phone.store.getState().callIds).toHaveLength(2);
  });

  it('refuses to call while not connected, like the operator', async () => {
    const phone = new ScriptedPhone();
    expect(await phone.call('1002')).toEqual({ code: ResultCode.UNKNOWN_ERROR, message: 'UNKNOWN_ERROR: not connected' });
    expect(phone.store.getState().callIds).toEqual([]);
  });

  it('an incoming call at the limit is refused with 486 and never shown', () => {
    const phone = registeredPhone({ maxConcurrentCalls: 1 });
    phone.simulateIncoming({ number: '1002' });
    const incoming = vi.fn();
    phone.on('incoming', incoming);
    const refused = phone.simulateIncoming({ number: '1003' });
    expect(phone.refusedIncoming).toEqual([{ callId: refused, number: '1003', code: 486 }]);
    expect(phone.store.getState().callIds).toHaveLength(1);
    expect(incoming).not.toHaveBeenCalled();
  });

  it('hold keeps timestamps so hold time is derived, and mute, dtmf and record follow the rules', async () => {
    const phone = registeredPhone({ recordPermissions: 1 });
    const callId = phone.simulateIncoming({ number: '1002' });
    expect(phone.hold(callId)).toBe(false);
    expect(phone.dtmf(callId, '1')).toBe(false);
    await phone.answer(callId);
    vi.setSystemTime(T0 + 2000);
    expect(phone.hold(callId)).toBe(true);
    // Like the operator: the store changes once the far end accepted the re-INVITE.
    await settle();
    expect(phone.store.getState().calls[callId]!.timestamps.holdStartedAt).toBe(T0 + 2000);
    vi.setSystemTime(T0 + 7000);
    expect(phone.unhold(callId)).toBe(true);
    await settle();
    expect(phone.store.getState().calls[callId]!.timestamps).toMatchObject({ holdStartedAt: 0, heldMs: 5000 });
    expect(phone.sentRequests(callId).map((r) => r.detail)).toEqual(['hold', 'unhold']);
    expect(phone.timerOf(callId)).toMatchObject({ holdDuration: 5, callDuration: 7 });
    expect(phone.mute(callId)).toBe(true);
    expect(phone.store.getState().calls[callId]!.status.isMute).toBe(true);
    expect(phone.dtmf(callId, '12#*A')).toBe(true);
    expect(phone.dtmf(callId, '1x')).toBe(false);
    expect(phone.startRecord(callId)).toBe(false);
    phone.recordPermissions = 2;
    expect(phone.startRecord(callId)).toBe(true);
    await vi.waitFor(() => expect(phone.store.getState().calls[callId]!.status.recordStatus).toBe('recording'));
    expect(phone.pauseRecord(callId)).toBe(true);
    await vi.waitFor(() => expect(phone.store.getState().calls[callId]!.status.recordStatus).toBe('pause'));
    const infos = phone
      .sentRequests(callId)
      .filter((r) => r.method === 'INFO')
      .map((r) => r.detail);
    // DTMF goes out one INFO per digit, in order; the recording INFOs are not queued behind them.
    // The header, and the same line as a text/plain body (see RecordingController).
    expect(infos.filter((detail) => detail.startsWith('Record'))).toEqual(['Record: on\ntext/plain: Record: on', 'Record: off\ntext/plain: Record: off']);
    expect(infos.filter((detail) => !detail.startsWith('Record'))).toEqual([
      'application/dtmf-relay: Signal=1\r\nDuration=160',
      'application/dtmf-relay: Signal=2\r\nDuration=160',
      'application/dtmf-relay: Signal=#\r\nDuration=160',
      'application/dtmf-relay: Signal=*\r\nDuration=160',
      'application/dtmf-relay: Signal=A\r\nDuration=160',
    ]);
    expect(phone.commands.map((c) => c.name)).toContain('recordPermissions');
    expect(phone.commands).toContainEqual({ name: 'dtmf', args: [callId, '12#*A'] });
  });

  it('remoteReject fails an outgoing call with its SIP code; hangup before answer cancels', async () => {
    const phone = registeredPhone();
    await phone.call('1002');
    const first = phone.lastCallId!;
    const failed = vi.fn();
    phone.getSession(first)!.on('failed', failed);
    phone.remoteReject(first, 486);
    expect(failed).toHaveBeenCalledWith({ callId: first, cause: 'busy', code: 486 });
    vi.setSystemTime(T0 + 1000);
    await phone.call('1003');
    const second = phone.lastCallId!;
    const cancelled = vi.fn();
    phone.getSession(second)!.on('failed', cancelled);
    expect(phone.hangup(second)).toBe(true);
    expect(cancelled).toHaveBeenCalledWith({ callId: second, cause: 'canceled', code: 487 });
  });

  it('call ids named like Object.prototype members find no call, in commands and in scripting', async () => {
    const phone = registeredPhone();
    await phone.answer(phone.simulateIncoming({ number: '1002' }));
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect([phone.hold(id), phone.dtmf(id, '1'), phone.startRecord(id), phone.blindTransfer(id, '1003')]).toEqual([false, false, false, false]);
      expect([phone.acceptTransfer(id), phone.failTransfer(id), phone.remoteHangup(id)]).toEqual([false, false, false]);
    }
  });

  it('Session.setStatus sets only the app fields (isConference, name, avatar, company), never the call state', async () => {
    const phone = registeredPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    await phone.answer(callId);
    await settle();
    const session = phone.getSession(callId)!;
    const forged = { callStatus: 'ringing', isHold: true, isMute: true, recordStatus: 'recording', number: '900', isConference: true, name: 'Ada' };
    session.setStatus(forged as never);
    expect(session.status).toMatchObject({
      callStatus: 'talking',
      isHold: false,
      isMute: false,
      recordStatus: 'stop',
      number: '1002',
      isConference: true,
      name: 'Ada',
    });
    expect(phone.unhold(callId)).toBe(true);
    expect(phone.sentRequests(callId)).toEqual([]);
    session.setStatus({ isConference: 'yes', avatar: 7 } as never);
    expect(session.status).toMatchObject({ isConference: true, avatar: '' });
  });

  it('dtmf() takes at most 32 digits at once (MAX_DTMF_DIGITS); a longer string sends nothing', async () => {
    const phone = registeredPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    await phone.answer(callId);
    await settle();
    expect(phone.dtmf(callId, '1'.repeat(33))).toBe(false);
    expect(phone.dtmf(callId, '2'.repeat(32))).toBe(true);
    await vi.waitFor(() => expect(phone.sentRequests(callId)).toHaveLength(32));
  });

  it.each(['disconnect', 'reRegister'] as const)('%s() during a call ends the call first (BYE, cause terminated)', async (method) => {
    const phone = registeredPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    await phone.answer(callId);
    await settle();
    const terminate = vi.spyOn(ScriptedCall.prototype, 'terminate');
    const deleted = vi.fn();
    phone.on('deleteSession', deleted);
    if (method === 'disconnect') expect(phone.disconnect()).toBe(true);
    else expect(phone.reRegister('1005', 'a'.repeat(32))).toBe(phone);
    expect(terminate).toHaveBeenCalledTimes(1);
    expect(deleted).toHaveBeenCalledWith(expect.objectContaining({ callId, cause: 'terminated' }));
    expect(phone.store.getState().callIds).toEqual([]);
  });

  it('a hang-up whose BYE cannot be sent still ends the call here', async () => {
    const phone = registeredPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    await phone.answer(callId);
    await settle();
    vi.spyOn(ScriptedCall.prototype, 'terminate').mockReturnValue(false);
    const deleted = vi.fn();
    phone.on('deleteSession', deleted);
    expect(phone.hangup(callId)).toBe(true);
    expect(deleted).toHaveBeenCalledWith(expect.objectContaining({ callId, cause: 'hangup' }));
    expect(phone.store.getState().callIds).toEqual([]);
  });

  it("the far end's reason phrase is cut at 128 characters before it reaches the store and clientError", async () => {
    const phone = registeredPhone({ logLevel: 'silent' });
    const callId = phone.simulateIncoming({ number: '1002' });
    await phone.answer(callId);
    await settle();
    const errors: string[] = [];
    phone.getSession(callId)!.on('clientError', ({ cause }) => errors.push(cause));
    phone.answerNextRequest(callId, 403, 'x'.repeat(100_000));
    phone.blindTransfer(callId, '1003');
    await settle();
    const transfer = phone.store.getState().calls[callId]!.transfer;
    expect(transfer.status === 'failed' && transfer.reason).toBe(`REFER refused: 403 ${'x'.repeat(128)}`);
    expect(errors).toEqual([`REFER refused: 403 ${'x'.repeat(128)}`]);
  });

  it('blind transfer: pending, then accepted ends the call; failed keeps it', async () => {
    const phone = registeredPhone();
    const a = phone.simulateIncoming({ number: '1002' });
    await phone.answer(a);
    expect(phone.blindTransfer(a, '1003')).toBe(true);
    expect(phone.store.getState().calls[a]!.transfer).toEqual({ status: 'blind-pending', target: '1003' });
    expect(phone.failTransfer(a, 603)).toBe(true);
    expect(phone.store.getState().calls[a]!.transfer).toEqual({ status: 'failed', target: '1003', reason: 'transfer target answered 603' });
    phone.blindTransfer(a, '1003');
    const deleted = vi.fn();
    phone.on('deleteSession', deleted);
    expect(phone.acceptTransfer(a)).toBe(true);
    expect(deleted.mock.calls[0][0]).toMatchObject({ callId: a, cause: 'transferred' });
  });

  it('attended transfer: parent held, consultation leg linked, completion ends both', async () => {
    const phone = registeredPhone();
    const parent = phone.simulateIncoming({ number: '1002', name: 'Ada' });
    await phone.answer(parent);
    expect(phone.attendedTransfer(parent, '1003')).toBe(true);
    await vi.waitFor(() => expect(phone.store.getState().calls[parent]!.status.isHold).toBe(true));
    const consult = phone.lastCallId!;
    const state = phone.store.getState();
    expect(state.calls[parent]!.status.isHold).toBe(true);
    expect(state.calls[parent]!.transfer).toEqual({ status: 'attended-consulting', consultCallId: consult, target: '1003' });
    expect(state.calls[consult]!.status).toMatchObject({ isTransfer: true, transferParent: { callId: parent, name: 'Ada', number: '1002' } });
    expect(phone.completeTransfer(consult)).toBe(false);
    phone.remoteAnswer(consult);
    expect(phone.completeTransfer(consult)).toBe(true);
    expect(phone.store.getState().calls[parent]!.transfer.status).toBe('completing');
    expect(phone.acceptTransfer(consult)).toBe(true);
    expect(phone.store.getState().callIds).toEqual([]);
  });

  it('hanging up the consultation leg releases the parent', async () => {
    const phone = registeredPhone();
    const parent = phone.simulateIncoming({ number: '1002' });
    await phone.answer(parent);
    phone.attendedTransfer(parent, '1003');
    await vi.waitFor(() => expect(phone.lastCallId).not.toBeNull());
    phone.hangup(phone.lastCallId!);
    expect(phone.store.getState().calls[parent]!.transfer).toEqual({ status: 'idle' });
    expect(phone.store.getState().currentSessionID).toBe(parent);
  });

  it('a change to one call leaves the other call records untouched (selectors can rely on identity)', async () => {
    const phone = registeredPhone();
    const a = phone.simulateIncoming({ number: '1002' });
    await phone.answer(a);
    const b = phone.simulateIncoming({ number: '1003' });
    const recordA = phone.store.getState().calls[a];
    phone.mute(b);
    phone.register();
    expect(phone.store.getState().calls[a]).toBe(recordA);
  });

  it('static status, remote stream, DTMF and quality reports reach the session', async () => {
    const phone = registeredPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    expect(phone.remoteDtmf(callId, '5')).toBe(false);
    await phone.answer(callId);
    const session = phone.getSession(callId)!;
    const staticChange = vi.fn();
    const dtmf = vi.fn();
    const report = vi.fn();
    const stream = vi.fn();
    session.on('staticStatusChange', staticChange).on('dtmf', dtmf).on('callReport', report).on('streamAdded', stream);
    expect(phone.setSessionStaticStatus(callId, { name: 'Grace' }, true)).toBe(true);
    expect(staticChange).toHaveBeenCalledWith({ name: 'Grace', avatar: '', company: '' }, { name: '', avatar: '', company: '' });
    expect(phone.store.getState().calls[callId]!.manualStaticStatus).toBe(true);
    phone.remoteDtmf(callId, '5');
    expect(dtmf).toHaveBeenCalledWith({ callId, digit: '5' });
    phone.reportQuality(callId, { mos: 3.1 });
    expect(session.callReport).toMatchObject({ callId, mos: 3.1, audio: { codec: 'opus' } });
    const fakeStream = {} as MediaStream;
    phone.setRemoteStream(callId, fakeStream);
    expect(session.remoteStream).toBe(fakeStream);
    expect(stream).toHaveBeenCalledWith({ callId, communicationType: 'inbound', stream: fakeStream });
  });

  it('session commands act on their own call and are logged as phone commands', async () => {
    const phone = registeredPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    const session = phone.getSession(callId)!;
    expect((await session.answer()).code).toBe(200);
    expect(session.hold()).toBe(true);
    expect(session.hangup()).toBe(true);
    expect(phone.commands.map((c) => c.name)).toEqual(['answer', 'hold', 'hangup']);
    expect(phone.getSession(callId)).toBeNull();
  });
});
