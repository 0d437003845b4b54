import { applyMicrophone } from '../call-microphone.js';
import type { LiveCall } from '../live-call.js';
import type { MicrophoneStatus } from '../call-microphone.js';
import { swapSentTrack } from './sent-track-swap.js';

/** The local audio track a call sends now: the phone's own stream's, else the media handler's. */
export function currentAudioTrack(live: LiveCall): MediaStreamTrack | undefined {
  return live.localStream?.getAudioTracks?.()[0] ?? live.sip.media?.localMediaStream?.getAudioTracks?.()[0];
}

/**
 * Makes a call send `track` instead of its current microphone track,
 * without renegotiation.
 *
 * @remarks
 * `RTCRtpSender.replaceTrack` (WebRTC §5.2) needs no new offer when the new
 * track is of the same kind, so the far end hears the new microphone with
 * no re-INVITE. The new track takes the old one's `enabled` before it is
 * sent, and {@link applyMicrophone} then applies mute and hold, so a muted
 * or held call stays silent across the switch. The old track is stopped
 * (releasing the device); the call's streams hold the new one, so ending the
 * call stops it. On failure the new track is stopped and the call keeps its
 * old microphone.
 *
 * @returns whether the call now sends `track`.
 */
export async function switchMicrophone(live: LiveCall, track: MediaStreamTrack, status: MicrophoneStatus | undefined): Promise<boolean> {
  const old = currentAudioTrack(live);
  track.enabled = old?.enabled ?? true;
  if (!(await swapSentTrack(live, old, track, false))) return false;
  applyMicrophone(live, status);
  return true;
}
