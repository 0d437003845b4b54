import { Inviter, type UserAgent, type UserAgentDelegate } from 'sip.js';
import { errorMessage } from '../errors.js';
import type { RedactingLogger } from '../logger.js';
import { SipCall } from './sip-call.js';
import { targetUri, type SipTarget } from './sip-target.js';

/** The user agent of a live connection, opaque outside `sip/`. */
export type SipUserAgent = UserAgent;

/**
 * Creates an outgoing call to `target` (the INVITE is sent by
 * `SipCall.open`), with the app's `extraHeaders` lines.
 *
 * @remarks
 * The request URI is built by sip.js's URI class from a validated target,
 * never by concatenating user input into a string. `earlyMedia` is on: the
 * first provisional response with SDP (a 183 with announcements or queue
 * music) is applied as the answer so its audio plays before the 200 OK. sip.js
 * then ends the call with 488 if a different fork answers (a WebRTC offer
 * cannot fork); proxies that fork an INVITE to a far end sending early media
 * should not be used with it.
 */
export function createOutgoingCall(userAgent: SipUserAgent, target: SipTarget, logger: RedactingLogger, extraHeaders: readonly string[] = []): SipCall {
  // `extraHeaders` were checked by `checkCustomHeaders` (names not owned by the stack, values without control characters).
  const inviter = new Inviter(userAgent, targetUri(target), { earlyMedia: true, extraHeaders: [...extraHeaders] });
  return new SipCall(inviter, 'outbound', logger);
}

/**
 * The user-agent delegate that turns incoming INVITEs into {@link SipCall}s.
 *
 * @remarks
 * Built once per phone and handed to every connection, so it survives
 * `reRegister()` (which creates a new user agent). A throwing handler is
 * logged and the INVITE answered 500, never left to sip.js.
 */
export function createIncomingCallDelegate(onCall: (call: SipCall) => void, logger: RedactingLogger): Pick<UserAgentDelegate, 'onInvite'> {
  return {
    onInvite: (invitation) => {
      try {
        onCall(new SipCall(invitation, 'inbound', logger));
      } catch (error) {
        logger.error(`incoming call handler failed: ${errorMessage(error)}`);
        invitation.reject({ statusCode: 500 }).catch(() => undefined);
      }
    },
  };
}
