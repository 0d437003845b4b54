import type { LiveCall } from '../live-call.js';

/** Puts `to` in `stream` in place of `from` (when the stream can change: the fakes of tests may not). */
export function swapInStream(stream: MediaStream | null | undefined, from: MediaStreamTrack | undefined, to: MediaStreamTrack): void {
  if (!stream || typeof stream.addTrack !== 'function') return;
  if (from) stream.removeTrack(from);
  stream.addTrack(to);
}

/**
 * Makes a call send `track` in place of `old` with `RTCRtpSender.replaceTrack`
 * (same kind, no new offer), on the sender of `old` or else the first of
 * `track`'s kind, and puts it in the call's local streams; `old` is stopped.
 * On failure `track` is stopped and the call keeps `old`.
 *
 * @param senderRequired - without a sender of that kind, fail (a camera); else
 *   only the streams change (a microphone before its sender exists).
 * @returns whether the call now sends `track`.
 */
export async function swapSentTrack(live: LiveCall, old: MediaStreamTrack | undefined, track: MediaStreamTrack, senderRequired: boolean): Promise<boolean> {
  const senders = live.sip.media?.peerConnection?.getSenders?.() ?? [];
  const sender = senders.find((s) => (old !== undefined && s.track === old) || s.track?.kind === track.kind);
  try {
    if (!sender && senderRequired) throw new Error(`no ${track.kind} sender`);
    await sender?.replaceTrack(track);
  } catch {
    track.stop();
    return false;
  }
  const handlerStream = live.sip.media?.localMediaStream;
  swapInStream(live.localStream, old, track);
  if (handlerStream !== live.localStream) swapInStream(handlerStream, old, track);
  old?.stop();
  return true;
}
