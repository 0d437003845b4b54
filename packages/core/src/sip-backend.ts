import type { Credential } from './config.js';
import { openCallMedia } from './media/call-media.js';
import type { PhoneBackend, PhoneRegistration } from './phone-backend.js';
import type { PhoneContext } from './phone-context.js';
import { RegistrationController } from './registration-controller.js';
import type { CallSignal } from './sip/call-signal.js';
import { createIncomingCallDelegate, createOutgoingCall } from './sip/sip-dialer.js';
import type { SipTarget } from './sip/sip-target.js';

/** The registration controller, plus outgoing calls on its current connection. */
class SipRegistration extends RegistrationController implements PhoneRegistration {
  readonly #logger: PhoneContext['logger'];

  constructor(ctx: PhoneContext, credential: Credential, onCall: (call: CallSignal) => void) {
    // The delegate object is created once, so every connection (a new one after reRegister) reaches the same call handler.
    super(ctx, credential, createIncomingCallDelegate(onCall, ctx.logger));
    this.#logger = ctx.logger;
  }

  dial(target: SipTarget): CallSignal | null {
    const userAgent = this.current?.userAgent;
    return userAgent ? createOutgoingCall(userAgent, target, this.#logger) : null;
  }
}

/** The backend of a real phone: sip.js over WebSocket, WebRTC media, the wall clock. Internal. */
export const sipBackend: PhoneBackend = {
  registration: (ctx, credential, onCall) => new SipRegistration(ctx, credential, onCall),
  openMedia: (options, deviceIds, config) => openCallMedia(options, deviceIds, config.media !== undefined),
  now: () => Date.now(),
};
