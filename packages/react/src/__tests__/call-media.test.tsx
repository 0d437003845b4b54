import { act, waitFor } from '@testing-library/react';
import { FakeStream, FakeTrack } from '@webphone/core/testing';
import { describe, expect, it } from 'vitest';
import { useCallMedia } from '../index.js';
import { renderWithPhone, scriptedPhone } from './support/render.js';

/** A FakeStream that also tells listeners about added and removed tracks, as a browser MediaStream does. */
class EventfulStream extends FakeStream {
  readonly #events = new EventTarget();
  addEventListener(type: string, listener: EventListener): void {
    this.#events.addEventListener(type, listener);
  }
  removeEventListener(type: string, listener: EventListener): void {
    this.#events.removeEventListener(type, listener);
  }
  add(track: FakeTrack): void {
    this.addTrack(track);
    this.#events.dispatchEvent(new Event('addtrack'));
  }
}

describe('useCallMedia', () => {
  it('is empty without a call; gives the remote stream once it arrives, and says when it carries video', async () => {
    const phone = scriptedPhone();
    const { result } = renderWithPhone(phone, () => useCallMedia());
    expect(result.current).toEqual({ local: null, remote: null, localVideo: false, remoteVideo: false });

    const placed = await act(() => phone.call('1002', { video: true }));
    const callId = placed.callId ?? '';
    act(() => void phone.remoteAnswer(callId));
    await waitFor(() => expect(phone.getSession(callId)?.status.isVideo).toBe(true));
    const remote = new EventfulStream([new FakeTrack('audio')]);
    act(() => void phone.setRemoteStream(callId, remote as unknown as MediaStream));
    expect(result.current.remote).toBe(remote);
    expect(result.current.local).not.toBeNull();
    expect(result.current.remoteVideo).toBe(false);

    // The far end's video track joins the stream (as sip.js adds it): the hook follows the stream's event.
    act(() => remote.add(new FakeTrack('video')));
    expect(result.current.remoteVideo).toBe(true);
    // The call loses video: no remote video shown even before the track leaves.
    act(() => void phone.remoteDropVideo(callId));
    expect(result.current.remoteVideo).toBe(false);
  });

  it('follows a named call and ignores the others', async () => {
    const phone = scriptedPhone();
    const ringing = phone.simulateIncoming({ number: '1003', isVideo: true });
    const { result } = renderWithPhone(phone, () => useCallMedia(ringing));
    expect(result.current.local).toBeNull();
    await act(() => phone.answer(ringing));
    await waitFor(() => expect(result.current.local).not.toBeNull());
    expect(result.current.localVideo).toBe(false);
  });
});
