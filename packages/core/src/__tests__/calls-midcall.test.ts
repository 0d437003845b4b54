import { describe, expect, it } from 'vitest';
import { connect, registeredPhone, sessionEvent, useCallServer } from './support/call-harness.js';
import { waitForState } from './support/phone-harness.js';

const { server } = useCallServer();

describe('mid-call features against the real Kamailio', () => {
  it('hold and unhold from the caller: re-INVITE sendonly/sendrecv, isHold follows the answer, the peer sees reinvite', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { outgoing, incoming } = await connect(a, b);
    const reinvite = sessionEvent(incoming, 'reinvite');
    expect(a.phone.hold(outgoing.callId)).toBe(true);
    expect(outgoing.status.isHold).toBe(false);
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.isHold === true);
    await reinvite;
    expect(b.media.handlers[0].lastLocalDirection).toBe('recvonly');
    expect(a.phone.store.getState().calls[outgoing.callId].timestamps.holdStartedAt).toBeGreaterThan(0);

    expect(a.phone.unhold(outgoing.callId)).toBe(true);
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.isHold === false);
    expect(b.media.handlers[0].lastLocalDirection).toBe('sendrecv');
    expect(a.phone.store.getState().calls[outgoing.callId].timestamps.holdStartedAt).toBe(0);
  });

  it('hold and unhold from the callee', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { outgoing, incoming } = await connect(a, b);
    const reinvite = sessionEvent(outgoing, 'reinvite');
    expect(b.phone.hold(incoming.callId)).toBe(true);
    await waitForState(b.phone.store, (s) => s.calls[incoming.callId]?.status.isHold === true);
    await reinvite;
    expect(a.media.handlers[0].lastLocalDirection).toBe('recvonly');
    expect(b.phone.unhold(incoming.callId)).toBe(true);
    await waitForState(b.phone.store, (s) => s.calls[incoming.callId]?.status.isHold === false);
  });

  it('hold right after answer from the caller is held quickly', async () => {
    const a = await registeredPhone(server(), '1005');
    const b = await registeredPhone(server(), '1006');
    const ringing = new Promise<string>((resolve) => b.phone.once('incoming', ({ callId }) => resolve(callId)));
    const placed = await a.phone.call('1006');
    const callIdB = await ringing;
    a.phone.getSession(placed.callId!)!.once('confirmed', () => expect(a.phone.hold(placed.callId!)).toBe(true));
    await b.phone.answer(callIdB);
    await waitForState(a.phone.store, (s) => s.calls[placed.callId!]?.status.isHold === true, 15_000);
  }, 20_000);

  it('hold right after answer (both sides at once, glare) ends up held, retrying refused re-INVITEs', async () => {
    const a = await registeredPhone(server(), '1003');
    const b = await registeredPhone(server(), '1004');
    const ringing = new Promise<string>((resolve) => b.phone.once('incoming', ({ callId }) => resolve(callId)));
    const placed = await a.phone.call('1004');
    const callIdB = await ringing;
    // The callee holds as soon as it answered (before the ACK), the caller as soon as it sees the answer.
    a.phone.getSession(placed.callId!)!.once('confirmed', () => a.phone.hold(placed.callId!));
    const answering = b.phone.answer(callIdB);
    expect(b.phone.hold(callIdB)).toBe(false);
    await answering;
    expect(b.phone.hold(callIdB)).toBe(true);
    await waitForState(a.phone.store, (s) => s.calls[placed.callId!]?.status.isHold === true, 25_000);
    await waitForState(b.phone.store, (s) => s.calls[callIdB]?.status.isHold === true, 25_000);
  }, 30_000);

  it('DTMF by INFO reaches the peer digit by digit; bad digits are refused', async () => {
    const a = await registeredPhone(server(), '1001', { dtmfMethod: 'info' });
    const b = await registeredPhone(server(), '1002');
    const { outgoing, incoming } = await connect(a, b);
    const digits: string[] = [];
    incoming.on('dtmf', ({ digit }) => digits.push(digit));
    expect(a.phone.dtmf(outgoing.callId, '12')).toBe(true);
    expect(outgoing.dtmf('*#a')).toBe(true);
    expect(a.phone.dtmf(outgoing.callId, '5x')).toBe(false);
    expect(a.phone.dtmf(outgoing.callId, '')).toBe(false);
    expect(a.phone.dtmf('no-such-call', '1')).toBe(false);
    await expect.poll(() => digits).toEqual(['1', '2', '*', '#', 'A']);
  });

  it('DTMF rfc4733 goes through the media layer when the far end offered telephone-event, INFO otherwise', async () => {
    const a = await registeredPhone(server(), '1001', {}, { telephoneEvent: true });
    const b = await registeredPhone(server(), '1002', {}, { telephoneEvent: true });
    const c = await registeredPhone(server(), '1003');
    const first = await connect(a, b);
    expect(a.phone.dtmf(first.outgoing.callId, '123')).toBe(true);
    expect(a.media.handlers[0].dtmfSent).toEqual(['123']);
    a.phone.hangup(first.outgoing.callId);

    const second = await connect(c, a);
    const digits: string[] = [];
    second.outgoing.on('dtmf', ({ digit }) => digits.push(digit));
    // c did not offer telephone-event: a falls back to INFO.
    expect(a.phone.dtmf(second.incoming.callId, '9')).toBe(true);
    await expect.poll(() => digits).toEqual(['9']);
  });

  it('recording: Record INFO reaches the peer, recordStatus follows the 200, permissions are enforced', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { outgoing, incoming } = await connect(a, b);
    const received: string[] = [];
    incoming.on('recordInfo', ({ record }) => received.push(record));

    expect(a.phone.pauseRecord(outgoing.callId)).toBe(false);
    expect(a.phone.startRecord(outgoing.callId)).toBe(true);
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.recordStatus === 'recording');
    expect(a.phone.pauseRecord(outgoing.callId)).toBe(true);
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.recordStatus === 'pause');
    expect(received).toEqual(['on', 'off']);

    const changes: number[] = [];
    a.phone.on('recordPermissionsChange', (value) => changes.push(value));
    a.phone.recordPermissions = 1;
    expect(changes).toEqual([1]);
    expect(a.phone.startRecord(outgoing.callId)).toBe(true); // resume from pause is allowed with 1
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.recordStatus === 'recording');
    a.phone.recordPermissions = 0;
    expect(a.phone.pauseRecord(outgoing.callId)).toBe(false);
    expect(a.phone.startRecord('nope')).toBe(false);

    // With permission 1 a first start is refused.
    const c = await registeredPhone(server(), '1003', { recordPermissions: 1 });
    const d = await registeredPhone(server(), '1004');
    const second = await connect(c, d);
    expect(c.phone.startRecord(second.outgoing.callId)).toBe(false);
    expect(received).toEqual(['on', 'off', 'on']);
  });

  it('mute disables the local audio track without signalling; statusChange reports it', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { outgoing } = await connect(a, b);
    const changed = sessionEvent(outgoing, 'statusChange');
    expect(a.phone.mute(outgoing.callId)).toBe(true);
    const [next, previous] = await changed;
    expect([next.isMute, previous.isMute]).toEqual([true, false]);
    const track = a.media.handlers[0].localMediaStream.getAudioTracks()[0];
    expect(track.enabled).toBe(false);
    expect(outgoing.unmute()).toBe(true);
    expect(track.enabled).toBe(true);
    expect(a.phone.mute('unknown')).toBe(false);
  });

  it('timer is computed from timestamps; hold time is counted; nothing writes the store while talking', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { outgoing } = await connect(a, b);
    let writes = 0;
    const unsubscribe = a.phone.store.subscribe(() => (writes += 1));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    unsubscribe();
    expect(writes).toBe(0);
    expect(outgoing.timer.callDuration).toBeGreaterThanOrEqual(1);
    expect(outgoing.timer.ringDuration).toBe(0);
  });

  it('callReport arrives every 3 s while talking, from getStats(), and is kept in the store', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { outgoing } = await connect(a, b);
    const [{ callReport }] = await sessionEvent(outgoing, 'callReport', 5000);
    expect(callReport).toMatchObject({
      callId: outgoing.callId,
      candidateType: 'host',
      audio: { codec: 'opus', packetsReceived: 150, packetsLost: 1, lossRatio: 0.006623 },
    });
    expect(callReport.mos).toBeGreaterThan(4);
    expect(outgoing.callReport).toEqual(callReport);
    expect(a.phone.store.getState().calls[outgoing.callId].lastReport).toEqual(callReport);
  });
});
