import { describe, expect, it } from 'vitest';
import { URI, type Invitation, type UserAgent } from 'sip.js';
import type { SipServerHandle } from '@webphone/sip-server';
import type { PhoneOperator } from '../index.js';
import { connect, registeredPhone, sessionEvent, useCallServer, type TestPhone } from './support/call-harness.js';
import { nextEvent, waitForState } from './support/phone-harness.js';
import { registeredRawPeer } from './support/raw-sip-peer.js';

const { server } = useCallServer();

/** Resolves once `phone` has exactly one call, talking, with `number`. */
function talkingTo(phone: PhoneOperator, number: string) {
  return waitForState(
    phone.store,
    (s) => s.callIds.length === 1 && s.calls[s.callIds[0]]?.status.callStatus === 'talking' && s.calls[s.callIds[0]].status.number === number,
    15_000,
  );
}

/** Answers the next incoming call on `phone`. */
function answerNext(target: TestPhone): Promise<void> {
  return nextEvent(target.phone, 'incoming').then(async ([{ callId }]) => {
    await target.phone.answer(callId);
  });
}

/** A raw sip.js user agent registered as `extension`, answering every call with fake media. */
async function rawPeer(sipServer: SipServerHandle, extension: string): Promise<{ userAgent: UserAgent; sessions: Invitation[] }> {
  const sessions: Invitation[] = [];
  const userAgent = await registeredRawPeer(sipServer, extension, {
    onInvite: (invitation) => {
      sessions.push(invitation);
      void invitation.accept();
    },
  });
  return { userAgent, sessions };
}

/** Sends a REFER to `target` on `session` and resolves with the status it was answered with. */
function sendRefer(session: Invitation, target: URI): Promise<number> {
  return new Promise<number>((resolve) => {
    void session.refer(target, { requestDelegate: { onAccept: () => resolve(202), onReject: (r) => resolve(r.message.statusCode ?? 0) } });
  });
}

/** Phone `a` (with `overrides`) calls a raw sip.js peer 1002, which can send REFERs this phone would never send. */
async function talkingToRawPeer(overrides: Parameters<typeof registeredPhone>[2] = {}) {
  const a = await registeredPhone(server(), '1001', overrides);
  const peer = await rawPeer(server(), '1002');
  const placed = await a.phone.call('1002');
  await waitForState(a.phone.store, (st) => st.calls[placed.callId!]?.status.callStatus === 'talking');
  return { a, peer, callId: placed.callId! };
}

describe('transfers against the real Kamailio', () => {
  it('blind: A–B, B transfers A to C → A talks to C and B has no call', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const c = await registeredPhone(server(), '1003');
    const { outgoing, incoming } = await connect(a, b);
    const cAnswers = answerNext(c);
    const endedB = sessionEvent(incoming, 'ended');
    const endedA = sessionEvent(outgoing, 'ended');
    expect(b.phone.blindTransfer(incoming.callId, '1003')).toBe(true);
    expect(b.phone.store.getState().calls[incoming.callId].transfer).toEqual({ status: 'blind-pending', target: '1003' });
    await cAnswers;
    await talkingTo(a.phone, '1003');
    await talkingTo(c.phone, '1001');
    expect((await endedB)[0].cause).toBe('transferred');
    expect((await endedA)[0].cause).toBe('transferred');
    await waitForState(b.phone.store, (s) => s.callIds.length === 0);
    expect(b.media.openCount()).toBe(0);
  });

  it('blind transfer to a number that fails keeps the call and reports clientError', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { incoming } = await connect(a, b);
    const error = sessionEvent(incoming, 'clientError');
    expect(b.phone.blindTransfer(incoming.callId, '1999')).toBe(true);
    expect((await error)[0].cause).toMatch(/404/);
    expect(b.phone.store.getState().calls[incoming.callId].transfer).toMatchObject({ status: 'failed' });
    expect(b.phone.sessions.size).toBe(1);
    await waitForState(a.phone.store, (s) => s.callIds.length === 1 && s.calls[s.callIds[0]].status.number === '1002');
    expect(b.phone.blindTransfer(incoming.callId, 'bad number;x=1')).toBe(false);
  });

  it('attended: A–B, B consults C, B completes → A talks to C, B has no call', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const c = await registeredPhone(server(), '1003');
    const { incoming: parent } = await connect(a, b);
    const cAnswers = answerNext(c);
    expect(b.phone.attendedTransfer(parent.callId, '1003')).toBe(true);
    await cAnswers;
    const state = await waitForState(
      b.phone.store,
      (s) => s.callIds.length === 2 && Object.values(s.calls).some((r) => r.status.isTransfer && r.status.callStatus === 'talking'),
    );
    const consultId = state.callIds.find((id) => state.calls[id].status.isTransfer)!;
    expect(state.calls[consultId].status.transferParent).toMatchObject({ callId: parent.callId, number: '1001' });
    expect(state.calls[parent.callId].transfer).toEqual({ status: 'attended-consulting', consultCallId: consultId, target: '1003' });
    await waitForState(b.phone.store, (s) => s.calls[parent.callId]?.status.isHold === true);

    const seenByC: string[] = [];
    c.phone.on('incoming', () => seenByC.push('incoming'));
    expect(b.phone.completeTransfer(consultId)).toBe(true);
    await waitForState(b.phone.store, (s) => s.callIds.length === 0, 15_000);
    await talkingTo(a.phone, '1003');
    await talkingTo(c.phone, '1001');
    expect(seenByC).toEqual([]);
  });

  it('completeTransfer reports a missing parent; call(number, {}, parent) holds the parent', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const c = await registeredPhone(server(), '1003');
    const { outgoing: parent } = await connect(a, b);
    const cAnswers = answerNext(c);
    const placed = await a.phone.call('1003', {}, parent.callId);
    expect(placed.code).toBe(200);
    await cAnswers;
    await waitForState(a.phone.store, (s) => s.calls[placed.callId!]?.status.callStatus === 'talking' && s.calls[parent.callId]?.status.isHold === true);
    const parentGone = sessionEvent(parent, 'ended');
    b.phone.hangup(b.phone.getSessions()[0].callId);
    await parentGone;
    const consult = a.phone.getSession(placed.callId!)!;
    const error = sessionEvent(consult, 'clientError');
    expect(a.phone.completeTransfer(placed.callId!)).toBe(false);
    expect((await error)[0].cause).toMatch(/ATTENDED_PARENT_NOT_FOUND/);
  });

  it('a REFER whose Replaces tries header injection is refused (400) and the call goes on', async () => {
    const a = await registeredPhone(server(), '1001');
    // The far end is a raw sip.js user agent: it can send a REFER this phone would never build.
    const { userAgent, sessions } = await rawPeer(server(), '1002');
    const placed = await a.phone.call('1002');
    const outgoing = a.phone.getSession(placed.callId!)!;
    await waitForState(a.phone.store, (st) => st.calls[outgoing.callId]?.status.callStatus === 'talking');
    class Bracketed extends URI {
      override toString(): string {
        return `<${super.toString()}>`;
      }
    }
    const uri = new Bracketed('sip', '1003', 'webphone.test');
    uri.setHeader('Replaces', encodeURIComponent('abc\r\nX-Evil: 1;to-tag=a;from-tag=b'));
    const status = await new Promise<number>((resolve) => {
      void sessions[0].refer(uri, { requestDelegate: { onAccept: () => resolve(202), onReject: (r) => resolve(r.message.statusCode ?? 0) } });
    });
    expect(status).toBe(400);
    expect(a.phone.sessions.size).toBe(1);
    expect(outgoing.status.callStatus).toBe('talking');
    await userAgent.stop();
  });

  it('a REFER to a foreign domain is refused (603) and no call is placed; allowReferTo decides when given', async () => {
    const { a, peer } = await talkingToRawPeer();
    expect(await sendRefer(peer.sessions[0], new URI('sip', '1003', 'evil.example'))).toBe(603);
    expect(a.phone.sessions.size).toBe(1);
    await peer.userAgent.stop();

    const asked: unknown[] = [];
    const allowReferTo = (target: { user: string; host: string }): boolean => {
      asked.push(target);
      return target.user !== '1003';
    };
    const b = await talkingToRawPeer({ allowReferTo });
    expect(await sendRefer(b.peer.sessions[0], new URI('sip', '1003', server().domain))).toBe(603);
    expect(asked).toEqual([{ user: '1003', host: server().domain }]);
    expect(b.a.phone.sessions.size).toBe(1);
    await b.peer.userAgent.stop();
  });

  it('several REFERs on one call: the first is accepted, the others are refused (603) while its call rings', async () => {
    // 1003 rings and never answers, so the first transfer keeps running.
    const c = await registeredPhone(server(), '1003');
    const { a, peer, callId } = await talkingToRawPeer({ maxConcurrentCalls: 4 });
    const ringing = nextEvent(c.phone, 'incoming');
    const target = new URI('sip', '1003', server().domain);
    const statuses = [await sendRefer(peer.sessions[0], target)];
    for (let i = 0; i < 4; i += 1) statuses.push(await sendRefer(peer.sessions[0], target));
    await ringing;
    expect(statuses).toEqual([202, 603, 603, 603, 603]);
    expect(a.phone.store.getState().callIds).toHaveLength(2);
    expect(a.phone.store.getState().calls[callId]?.status.callStatus).toBe('talking');
    await peer.userAgent.stop();
  });

  it('a REFER at the call limit is refused (603)', async () => {
    const { a, peer } = await talkingToRawPeer({ maxConcurrentCalls: 1 });
    expect(await sendRefer(peer.sessions[0], new URI('sip', '1003', server().domain))).toBe(603);
    expect(a.phone.sessions.size).toBe(1);
    await peer.userAgent.stop();
  });
});
