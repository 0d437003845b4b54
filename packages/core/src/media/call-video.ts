import type { LiveCall } from '../live-call.js';

/** Removes the video tracks of `stream` (stopping them when `stop`), telling its listeners (`removetrack`) where the runtime can. */
function dropVideoTracks(stream: MediaStream | null | undefined, stop: boolean): void {
  for (const track of stream?.getVideoTracks?.() ?? []) {
    if (stop) track.stop();
    stream?.removeTrack(track);
    // A page's <video> and the React hooks follow the stream's track events; removeTrack() alone fires none.
    if (typeof MediaStreamTrackEvent === 'function' && stream) stream.dispatchEvent(new MediaStreamTrackEvent('removetrack', { track }));
  }
}

/**
 * The call no longer carries video: the camera is released and the far
 * end's (ended) video track leaves the remote stream, so players fall back
 * to audio.
 */
export function releaseVideo(live: LiveCall): void {
  const handlerStream = live.sip.media?.localMediaStream;
  dropVideoTracks(live.localStream, true);
  if (handlerStream !== live.localStream) dropVideoTracks(handlerStream, true);
  dropVideoTracks(live.sip.media?.remoteMediaStream, false);
}

/** Adds a camera track to the stream the phone opened for the call, so `session.localStream` shows it. */
export function addLocalVideo(live: LiveCall, track: MediaStreamTrack | null): void {
  if (track && live.localStream && typeof live.localStream.addTrack === 'function') live.localStream.addTrack(track);
}
