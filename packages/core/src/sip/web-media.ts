import type { SessionDescriptionHandlerFactory } from 'sip.js';
// By path, not through the `Web` namespace of 'sip.js': a bundler keeps a namespace object whole, and
// esbuild then ships sip.js's SessionManager and SimpleUser with it.
import { defaultMediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory-default.js';
import type { MediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory.js';
import { defaultSessionDescriptionHandlerFactory } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-factory-default.js';
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
  const fallback = defaultMediaStreamFactory();
  const factory: MediaStreamFactory = (constraints, sessionDescriptionHandler, options) => {
    const stream = (options as CallMediaOptions | undefined)?.webphoneLocalStream;
    return stream ? Promise.resolve(stream) : fallback(constraints, sessionDescriptionHandler, options);
  };
  return defaultSessionDescriptionHandlerFactory(factory as Parameters<typeof defaultSessionDescriptionHandlerFactory>[0]);
}
