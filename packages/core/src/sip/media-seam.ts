import type { SessionDescriptionHandlerFactory } from 'sip.js';

/**
 * The media layer of a phone (advanced).
 *
 * @remarks
 * In browsers the phone uses sip.js's WebRTC session description handler and
 * applications never set this. Tests that run the operator in Node, where
 * there is no WebRTC, pass a fake factory here; the call logic is the same.
 */
export interface MediaSeam {
  /** Builds the handler that produces and applies SDP for one call. */
  sessionDescriptionHandlerFactory: SessionDescriptionHandlerFactory;
}
