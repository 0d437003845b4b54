import type { SessionDescriptionHandlerFactory } from 'sip.js';
// By path, not through the `Web` namespace of 'sip.js': a bundler keeps a namespace object whole, and
// esbuild then ships sip.js's SessionManager and SimpleUser with it.
import { defaultMediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory-default.js';
import type { MediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory.js';
import { defaultSessionDescriptionHandlerFactory } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-factory-default.js';
import type { CallMediaOptions } from './call-signal.js';
import { prepareVideo, rejectStoppedSections, type VideoDescriptionOptions, type VideoTarget } from './video-transceivers.js';

/**
 * sip.js's WebRTC session description handler, fed with the stream the
 * phone opened itself.
 *
 * @remarks
 * The phone calls getUserMedia before sending or answering an INVITE so it
 * can map permission and device errors to result codes and honour
 * `deviceIds`; the handler then uses that stream instead of opening its own.
 * Without one (should never happen) it falls back to sip.js's own factory.
 */
export function webSessionDescriptionHandlerFactory(): SessionDescriptionHandlerFactory {
  const fallback = defaultMediaStreamFactory();
  const factory: MediaStreamFactory = (constraints, sessionDescriptionHandler, options) => {
    const stream = (options as CallMediaOptions | undefined)?.webphoneLocalStream;
    return stream ? Promise.resolve(stream) : fallback(constraints, sessionDescriptionHandler, options);
  };
  const create = defaultSessionDescriptionHandlerFactory(factory as Parameters<typeof defaultSessionDescriptionHandlerFactory>[0]);
  return (session, options) => withVideo(withRollback(create(session, options)));
}

/** The part of sip.js's web handler that steering video needs. */
interface DescriptionMaker extends VideoTarget {
  getDescription(options?: unknown, modifiers?: readonly DescriptionModifier[]): Promise<unknown>;
}

/** A sip.js description modifier: runs on an offer or answer before it is set as the local description. */
type DescriptionModifier = (description: RTCSessionDescriptionInit) => Promise<RTCSessionDescriptionInit>;

/**
 * Lets the phone's video wishes (see {@link prepareVideo}) act on the peer
 * connection before each offer or answer, and makes an answer decline the
 * video it stopped with port 0 (see {@link rejectStoppedSections}).
 *
 * @remarks
 * The port 0 goes into the local description itself, not only into the SIP
 * body: Chromium then stops the transceiver for good, and both sides agree
 * on the rejected section, so a later offer that adds video again (on a new
 * section) is accepted.
 */
function withVideo<T extends object>(handler: T): T {
  const target = handler as unknown as DescriptionMaker;
  const getDescription = target.getDescription.bind(target);
  const reject: DescriptionModifier = (description) => {
    const peerConnection = target.peerConnection;
    const sdp = description.sdp && peerConnection ? rejectStoppedSections(description.sdp, peerConnection) : description.sdp;
    return Promise.resolve({ ...description, sdp });
  };
  target.getDescription = async (options, modifiers) => {
    const answering = target.peerConnection?.signalingState === 'have-remote-offer';
    await prepareVideo(target, options as VideoDescriptionOptions | undefined);
    return getDescription(options, answering ? [...(modifiers ?? []), reject] : modifiers);
  };
  return handler;
}
/** The part of sip.js's web handler that a rollback needs. */
interface RollbackTarget {
  readonly peerConnection?: RTCPeerConnection;
  rollbackDescription?(): Promise<void>;
}

/**
 * Gives sip.js's web handler the `rollbackDescription` it lacks (0.21).
 *
 * @remarks
 * sip.js rolls the local offer back when a re-INVITE is refused, but only
 * through this optional method; without it the peer connection stays in
 * `have-local-offer` and every later offer (hold, unhold, recovery) fails
 * with "Invalid signaling state" before anything is sent (RFC 3264 §5.1: a
 * refused offer leaves the session as it was).
 */
function withRollback<T extends object>(handler: T): T {
  const target = handler as RollbackTarget;
  target.rollbackDescription = async () => {
    const peerConnection = target.peerConnection;
    if (peerConnection?.signalingState === 'have-local-offer') await peerConnection.setLocalDescription({ type: 'rollback' });
  };
  return handler;
}
