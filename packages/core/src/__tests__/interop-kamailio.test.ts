import { afterEach, describe, expect, it } from 'vitest';
import { Core, Inviter, UserAgent, type Info, type Invitation, type Session as SipSession } from 'sip.js';
import type { SipServerHandle } from '@webphone/sip-server';
import { registeredPhone, sessionEvent, useCallServer } from './support/call-harness.js';
import { registeredRawPeer, stopRawPeers } from './support/raw-sip-peer.js';
import { nextEvent, waitForState } from './support/phone-harness.js';

const { server } = useCallServer();

/** What a raw far end saw of the INFOs it got: content type, body, Record header, and its answer. */
interface SeenInfo {
  contentType: string | undefined;
  body: string;
  record: string | undefined;
  answered: number;
}

afterEach(stopRawPeers);

/**
 * A raw sip.js user agent registered as `extension` that answers every call
 * with fake media, and whose INFOs are answered by `answerInfo` (status code).
 */
async function rawPeer(sipServer: SipServerHandle, extension: string, answerInfo: (info: SeenInfo) => number = () => 200) {
  const sessions: Invitation[] = [];
  const infos: SeenInfo[] = [];
  const onInfo = (info: Info): void => {
    const message = info.request;
    const seen: SeenInfo = { contentType: message.getHeader('content-type'), body: message.body ?? '', record: message.getHeader('record'), answered: 0 };
    seen.answered = answerInfo(seen);
    infos.push(seen);
    void (seen.answered === 200 ? info.accept() : info.reject({ statusCode: seen.answered }));
  };
  const userAgent = await registeredRawPeer(sipServer, extension, {
    onInvite: (invitation) => {
      sessions.push(invitation);
      invitation.delegate = { onInfo };
      void invitation.accept();
    },
  });
  return { userAgent, sessions, infos };
}

/**
 * JsSIP's rule for an INFO in a call (RTCSession.receiveRequest): no
 * Content-Type → 415; `application/dtmf-relay` → DTMF; any other type → 200.
 */
const jsSipInfoRule = (info: SeenInfo): number => (info.contentType === undefined ? 415 : 200);

/** Sends an in-dialog UPDATE (sip.js has no API for it) and resolves with the status and body of the answer. */
function sendUpdate(session: SipSession, extraHeaders: string[], body?: { contentType: string; content: string }): Promise<{ status: number; body: string }> {
  const dialog = session.dialog as unknown as Core.SessionDialog;
  const message = dialog.createOutgoingRequestMessage('UPDATE', {
    extraHeaders: [...extraHeaders, `Contact: <sip:peer@127.0.0.1;transport=ws>`],
    body: body && { contentDisposition: 'session', ...body },
  });
  return new Promise((resolve) => {
    new Core.UserAgentClient(Core.NonInviteClientTransaction, dialog.userAgentCore, message, {
      onAccept: (response) => resolve({ status: response.message.statusCode ?? 0, body: response.message.body }),
      onReject: (response) => resolve({ status: response.message.statusCode ?? 0, body: response.message.body }),
    });
  });
}

/** Sends a re-INVITE from the raw far end (a session refresh that repeats its SDP) and resolves with the status. */
function sendReInvite(session: SipSession, extraHeaders: string[]): Promise<number> {
  return new Promise((resolve) => {
    void session.invite({
      requestOptions: { extraHeaders },
      requestDelegate: { onAccept: (r) => resolve(r.message.statusCode ?? 0), onReject: (r) => resolve(r.message.statusCode ?? 0) },
    });
  });
}

describe('recording control against a JsSIP far end (through the real Kamailio)', () => {
  it('Record: on / off INFOs carry a text/plain body, so a far end that answers 415 without Content-Type accepts them', async () => {
    const a = await registeredPhone(server(), '1001');
    const peer = await rawPeer(server(), '1002', jsSipInfoRule);
    const placed = await a.phone.call('1002');
    const callId = placed.callId!;
    await waitForState(a.phone.store, (s) => s.calls[callId]?.status.callStatus === 'talking');

    expect(a.phone.startRecord(callId)).toBe(true);
    await waitForState(a.phone.store, (s) => s.calls[callId]?.status.recordStatus === 'recording');
    expect(a.phone.pauseRecord(callId)).toBe(true);
    await waitForState(a.phone.store, (s) => s.calls[callId]?.status.recordStatus === 'pause');
    expect(peer.infos).toEqual([
      { contentType: 'text/plain', body: 'Record: on', record: 'on', answered: 200 },
      { contentType: 'text/plain', body: 'Record: off', record: 'off', answered: 200 },
    ]);
  });

  it('a far end that refuses the body (415) is asked again with the header alone', async () => {
    const a = await registeredPhone(server(), '1001');
    const peer = await rawPeer(server(), '1002', (info) => (info.contentType === undefined ? 200 : 415));
    const placed = await a.phone.call('1002');
    const callId = placed.callId!;
    await waitForState(a.phone.store, (s) => s.calls[callId]?.status.callStatus === 'talking');
    const errors: string[] = [];
    a.phone.getSession(callId)!.on('clientError', ({ cause }) => errors.push(cause));

    a.phone.startRecord(callId);
    await waitForState(a.phone.store, (s) => s.calls[callId]?.status.recordStatus === 'recording');
    expect(peer.infos.map((i) => [i.contentType, i.record, i.answered])).toEqual([
      ['text/plain', 'on', 415],
      [undefined, 'on', 200],
    ]);
    expect(errors).toEqual([]);
  });
});

describe('session refresh by UPDATE and re-INVITE (RFC 3311, RFC 4028) through the real Kamailio', () => {
  it('a call with Session-Expires: 2 outlives six refreshes, alternately UPDATE and re-INVITE', async () => {
    const b = await registeredPhone(server(), '1002');
    const peer = await rawPeer(server(), '1001');
    const target = UserAgent.makeURI(`sip:1002@${server().domain}`)!;
    const inviter = new Inviter(peer.userAgent, target, { extraHeaders: ['Supported: timer', 'Session-Expires: 2;refresher=uac', 'Min-SE: 1'] });
    const ringing = nextEvent(b.phone, 'incoming');
    await inviter.invite();
    const [{ callId }] = await ringing;
    await b.phone.answer(callId);
    await waitForState(b.phone.store, (s) => s.calls[callId]?.status.callStatus === 'talking');

    const refresh = ['Session-Expires: 2;refresher=uac'];
    const answers: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 700));
      answers.push(i % 2 === 0 ? (await sendUpdate(inviter, refresh)).status : await sendReInvite(inviter, refresh));
    }
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    // 4.2 s: over twice the session interval, and the call is still up on both sides.
    expect(b.phone.store.getState().calls[callId]?.status.callStatus).toBe('talking');
    expect(inviter.state).toBe('Established');

    // An UPDATE with an offer is answered like a re-INVITE; one that is not SDP is refused without harm.
    const reinvite = sessionEvent(b.phone.getSession(callId)!, 'reinvite');
    const offer = ['v=0', 'o=- 1 9 IN IP4 127.0.0.1', 's=-', 't=0 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=rtpmap:111 opus/48000/2', 'a=sendrecv', ''].join(
      '\r\n',
    );
    const withOffer = await sendUpdate(inviter, [], { contentType: 'application/sdp', content: offer });
    expect(withOffer.status).toBe(200);
    expect(withOffer.body).toMatch(/^m=audio .*\r\n[\s\S]*a=sendrecv/m);
    await reinvite;
    expect((await sendUpdate(inviter, [], { contentType: 'text/plain', content: 'hello' })).status).toBe(415);

    // The call still ends normally.
    const ended = sessionEvent(b.phone.getSession(callId)!, 'ended');
    await inviter.bye();
    expect((await ended)[0].cause).toBe('remote-hangup');
  }, 20_000);

  it('an UPDATE while the phone holds the call is answered with the hold kept (sendonly)', async () => {
    const b = await registeredPhone(server(), '1002');
    const peer = await rawPeer(server(), '1001');
    const inviter = new Inviter(peer.userAgent, UserAgent.makeURI(`sip:1002@${server().domain}`)!);
    const ringing = nextEvent(b.phone, 'incoming');
    await inviter.invite();
    const [{ callId }] = await ringing;
    await b.phone.answer(callId);
    await waitForState(b.phone.store, (s) => s.calls[callId]?.status.callStatus === 'talking');
    b.phone.hold(callId);
    await waitForState(b.phone.store, (s) => s.calls[callId]?.status.isHold === true);

    const offer = ['v=0', 'o=- 1 9 IN IP4 127.0.0.1', 's=-', 't=0 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=rtpmap:111 opus/48000/2', 'a=sendrecv', ''].join(
      '\r\n',
    );
    const answer = await sendUpdate(inviter, [], { contentType: 'application/sdp', content: offer });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/a=sendonly/);
    expect(b.phone.store.getState().calls[callId]?.status.isHold).toBe(true);
  });
});
