import { openCallMedia } from './media/call-media.js';
import type { PhoneBackend, PhoneRegistration } from './phone-backend.js';
import { RegistrationController } from './registration-controller.js';
import { createIncomingCallDelegate, createOutgoingCall } from './sip/sip-dialer.js';

/** The backend of a real phone: sip.js over WebSocket, WebRTC media, the wall clock. Internal. */
export const sipBackend: PhoneBackend = {
  registration(ctx, credential, onCall) {
    // The delegate object is created once, so every connection (a new one after reRegister) reaches the same call handler.
    const registration = new RegistrationController(ctx, credential, createIncomingCallDelegate(onCall, ctx.logger)) as RegistrationController &
      PhoneRegistration;
    // Outgoing calls go out on the current connection.
    registration.dial = (target, headers) => {
      const userAgent = registration.current?.userAgent;
      return userAgent ? createOutgoingCall(userAgent, target, ctx.logger, headers) : null;
    };
    return registration;
  },
  openMedia: (options, deviceIds, config) => openCallMedia(options, deviceIds, config.media !== undefined),
  now: () => Date.now(),
};
