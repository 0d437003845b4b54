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
    // Not addTrack: it refuses while a declined video transceiver is still stopping (Chromium).
    peerConnection.addTransceiver(track, { direction: 'sendrecv', streams: [localMediaStream] });
  }
  localMediaStream.addTrack(track);
}

/**
 * True when the peer connection carries negotiated video: a video
 * transceiver that has been through an offer/answer and is not stopped.
 *
 * @remarks
 * Read from the transceivers rather than the SDP: Chromium answers a stopped
 * transceiver as `a=inactive` in its own description, and stops the
 * transceiver of a section the far end set to port 0. A held video call
 * (`sendonly`, `recvonly`, `inactive`) still has video.
 */
export function negotiatesVideo(peerConnection: { getTransceivers(): readonly RTCRtpTransceiver[] }): boolean {
  return peerConnection.getTransceivers().some((transceiver) => isVideo(transceiver) && isOpen(transceiver) && transceiver.currentDirection !== null);
}

/**
 * The answer body as sent: the sections of video transceivers this side
 * stopped get port 0 and leave the BUNDLE group.
 *
 * @remarks
 * Chromium answers a section whose transceiver was stopped while answering
 * with `a=inactive` and a live port; RFC 3264 §6 declines a stream with port
 * 0, which is what SIP far ends (and Chromium, which then stops its own
 * transceiver) understand. RFC 8843 §7.3.3: a rejected section is no
 * longer part of the bundle.
 */
export function rejectStoppedSections(sdp: string, peerConnection: { getTransceivers(): readonly RTCRtpTransceiver[] }): string {
  const stopped = new Set(
    peerConnection
      .getTransceivers()
      .filter((transceiver) => isVideo(transceiver) && !isOpen(transceiver) && transceiver.mid !== null)
      .map((transceiver) => transceiver.mid as string),
  );
  if (stopped.size === 0) return sdp;
  const sections = sdp.split(/(?=^m=)/m);
  const rejected = new Set<string>();
  const out = sections.map((section) => {
    const mid = /^a=mid:(\S+)/m.exec(section)?.[1];
    if (!section.startsWith('m=video ') || mid === undefined || !stopped.has(mid)) return section;
    rejected.add(mid);
    return section.replace(/^m=video \d+/, 'm=video 0');
  });
  if (rejected.size === 0) return sdp;
  out[0] = (out[0] ?? '').replace(/^a=group:BUNDLE ([^\r\n]*)$/m, (_line, mids: string) => {
    const kept = mids.split(/\s+/).filter((mid) => mid !== '' && !rejected.has(mid));
    return `a=group:BUNDLE ${kept.join(' ')}`;
  });
  return out.join('');
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
