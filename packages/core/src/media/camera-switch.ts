import type { LiveCall } from '../live-call.js';
import { swapSentTrack } from './sent-track-swap.js';

/** The camera track a call sends now: the phone's own stream's, else the media handler's. */
export function currentVideoTrack(live: LiveCall): MediaStreamTrack | undefined {
  return live.localStream?.getVideoTracks?.()[0] ?? live.sip.media?.localMediaStream?.getVideoTracks?.()[0];
}

/**
 * Makes a video call send `track` instead of its current camera track,
 * without renegotiation (`RTCRtpSender.replaceTrack`, WebRTC §5.2: same
 * kind, no new offer).
 *
 * @remarks
 * The old track is stopped (releasing the camera) and the call's streams
 * hold the new one, so the local preview follows. On failure the new track
 * is stopped and the call keeps its camera.
 *
 * @returns whether the call now sends `track`.
 */
export async function switchCamera(live: LiveCall, track: MediaStreamTrack): Promise<boolean> {
  return swapSentTrack(live, currentVideoTrack(live), track, true);
}
