import { Web, type SessionDescriptionHandlerFactory } from 'sip.js';
import type { CallMediaOptions } from './call-signal.js';

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
  const fallback = Web.defaultMediaStreamFactory();
  const factory: Web.MediaStreamFactory = (constraints, sessionDescriptionHandler, options) => {
    const stream = (options as CallMediaOptions | undefined)?.webphoneLocalStream;
    return stream ? Promise.resolve(stream) : fallback(constraints, sessionDescriptionHandler, options);
  };
  return Web.defaultSessionDescriptionHandlerFactory(factory as Parameters<typeof Web.defaultSessionDescriptionHandlerFactory>[0]);
}
