import { afterEach, describe, expect, it } from 'vitest';
import type { Invitation } from 'sip.js';
import type { SipServerHandle } from '@webphone/sip-server';
import type { CallStatus } from '../index.js';
import { fakeMedia, type FakeMedia } from '../testing/fake-media.js';
import { registeredPhone, sessionEvent, useCallServer, waitForCall } from './support/call-harness.js';
import { waitForState } from './support/phone-harness.js';
import { registeredRawPeer, stopRawPeers } from './support/raw-sip-peer.js';

const { server } = useCallServer();

afterEach(stopRawPeers);

/**
 * A raw sip.js far end registered as `extension` (a webphone callee cannot
 * send early media): it keeps the INVITEs it gets for the test to answer.
 */
async function rawCallee(sipServer: SipServerHandle, extension: string): Promise<{ invitations: Invitation[]; media: FakeMedia }> {
  const invitations: Invitation[] = [];
  const media = fakeMedia();
  await registeredRawPeer(sipServer, extension, {
    sessionDescriptionHandlerFactory: media.seam.sessionDescriptionHandlerFactory,
    onInvite: (invitation) => void invitations.push(invitation),
  });
  return { invitations, media };
}

async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('early media through the real Kamailio', () => {
  it('a 183 with SDP: isEarlyMedia while calling, the remote stream before the answer, cleared by the 200 OK', async () => {
    const callee = await rawCallee(server(), '1002');
    const a = await registeredPhone(server(), '1001');
    const placed = await a.phone.call('1002');
    expect(placed.code).toBe(200);
    const session = a.phone.getSession(placed.callId!)!;
    const streams: MediaStream[] = [];
    session.on('streamAdded', ({ stream }) => streams.push(stream));
    const status = (): CallStatus => a.phone.store.getState().calls[session.callId]!.status;

    await until(() => callee.invitations.length === 1);
    const invitation = callee.invitations[0]!;
    await invitation.progress({ statusCode: 180 });
    await waitForCall(a.phone, (s) => s.isRing);
    expect(status()).toMatchObject({ callStatus: 'calling', isEarlyMedia: false });

    await invitation.progress({ statusCode: 183 });
    await waitForCall(a.phone, (s) => s.isEarlyMedia);
    expect(status()).toMatchObject({ callStatus: 'calling', isRing: true, isEarlyMedia: true, callStartTime: 0 });
    // The caller's media handler got the 183's SDP as its answer, and its remote stream was handed over.
    const handler = a.media.handlers[0]!;
    expect(handler.remoteSdp).toContain('m=audio');
    expect(streams).toEqual([handler.remoteMediaStream]);
    expect(session.remoteStream).toBe(handler.remoteMediaStream);

    const confirmed = sessionEvent(session, 'confirmed');
    await invitation.accept();
    await confirmed;
    expect(status()).toMatchObject({ callStatus: 'talking', isRing: false, isEarlyMedia: false });
    expect(status().callStartTime).toBeGreaterThan(0);
    // Same dialog, same media: no second handler on the caller's side.
    expect(a.media.handlers).toHaveLength(1);
    expect(streams.every((stream) => stream === (handler.remoteMediaStream as unknown as MediaStream))).toBe(true);

    a.phone.hangup(session.callId);
    await waitForState(a.phone.store, (s) => s.callIds.length === 0);
  });

  it('a call cancelled during early media ends with 487 and closes its media', async () => {
    const callee = await rawCallee(server(), '1002');
    const a = await registeredPhone(server(), '1001');
    const placed = await a.phone.call('1002');
    await until(() => callee.invitations.length === 1);
    await callee.invitations[0]!.progress({ statusCode: 183 });
    await waitForCall(a.phone, (s) => s.isEarlyMedia);
    const failed = sessionEvent(a.phone.getSession(placed.callId!)!, 'failed');
    a.phone.hangup(placed.callId!);
    expect((await failed)[0]).toMatchObject({ code: 487 });
    await waitForState(a.phone.store, (s) => s.callIds.length === 0);
    expect(a.media.openCount()).toBe(0);
  });
});
