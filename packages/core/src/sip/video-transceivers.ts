import { readSdpFacts } from '../media/sdp-facts.js';
import type { VideoAnswer, VideoChange } from './call-signal.js';

/** What the phone adds to sip.js's session description handler options to steer video. */
export interface VideoDescriptionOptions {
  /** Answering the initial INVITE: decline its video stream (port 0). */
  readonly webphoneDeclineVideo?: boolean;
  /** Making an offer (re-INVITE): add or drop video. */
  readonly webphoneVideoChange?: VideoChange;
  /** Answering a re-INVITE that adds video: asks the app whether to accept, and for the camera track. */
  readonly webphoneVideoOffered?: () => Promise<VideoAnswer>;
}

/** The peer connection and local stream of sip.js's web handler. */
export interface VideoTarget {
  readonly peerConnection?: RTCPeerConnection;
  readonly localMediaStream: MediaStream;
}

const isVideo = (transceiver: RTCRtpTransceiver): boolean => transceiver.receiver.track.kind === 'video';
const isOpen = (transceiver: RTCRtpTransceiver): boolean => transceiver.direction !== 'stopped' && transceiver.currentDirection !== 'stopped';

/**
 * Stops every video transceiver: the next offer or answer gives video port 0
 * (RFC 3264 §6, §8.2), and the camera is released.
 */
export function stopVideo({ peerConnection, localMediaStream }: VideoTarget): void {
  for (const transceiver of peerConnection?.getTransceivers() ?? []) {
    if (!isVideo(transceiver) || !isOpen(transceiver)) continue;
    transceiver.sender.track?.stop();
    transceiver.stop();
  }
  for (const track of localMediaStream.getVideoTracks()) {
    track.stop();
    localMediaStream.removeTrack(track);
  }
}

/**
 * Sends `track` as the call's video: on an open video transceiver that sends
 * nothing yet (the one the far end's offer created), else on a new one.
 */
export async function sendVideo({ peerConnection, localMediaStream }: VideoTarget, track: MediaStreamTrack): Promise<void> {
  if (!peerConnection) return;
  const free = peerConnection.getTransceivers().find((transceiver) => isVideo(transceiver) && isOpen(transceiver) && !transceiver.sender.track);
  if (free) {
    await free.sender.replaceTrack(track);
    free.sender.setStreams?.(localMediaStream);
    // sip.js keeps a direction when it offers (recvonly stays recvonly): this side now sends.
    if (free.direction === 'recvonly' || free.direction === 'inactive') free.direction = 'sendrecv';
  } else {
    peerConnection.addTrack(track, localMediaStream);
  }
  localMediaStream.addTrack(track);
}

/** True when this side sends video now. */
function sendsVideo(peerConnection: RTCPeerConnection): boolean {
  return peerConnection.getTransceivers().some((transceiver) => isVideo(transceiver) && isOpen(transceiver) && transceiver.sender.track !== null);
}

/**
 * Applies the video wishes in `options` to the peer connection right before
 * sip.js makes an offer or answer.
 *
 * @remarks
 * - Answer without video: the offer's video transceivers are stopped, so the
 *   answer declines the stream with port 0 and the caller sends no video
 *   either (JSEP §5.3.1: a stopped transceiver's m= section is rejected).
 * - Re-INVITE adding video to a call that sends none: the app is asked
 *   (`webphoneVideoOffered`); its camera track is sent, or the stream declined.
 * - Offer adding or dropping video: the camera track is attached, or the
 *   video transceivers stopped.
 */
export async function prepareVideo(target: VideoTarget, options: VideoDescriptionOptions | undefined): Promise<void> {
  const peerConnection = target.peerConnection;
  if (!peerConnection || !options) return;
  const state = peerConnection.signalingState;
  if (state === 'have-remote-offer') {
    if (options.webphoneDeclineVideo) return stopVideo(target);
    const asked = options.webphoneVideoOffered;
    if (!asked || !readSdpFacts(peerConnection.remoteDescription?.sdp).video || sendsVideo(peerConnection)) return;
    const answer = await asked();
    if (!answer.accept) return stopVideo(target);
    if (answer.track) await sendVideo(target, answer.track);
  }
  const change = options.webphoneVideoChange;
  if (state !== 'stable' || !change) return;
  if (change.kind === 'drop') return stopVideo(target);
  if (change.track && !sendsVideo(peerConnection)) await sendVideo(target, change.track);
}
