import type { CallRegistry } from './call-registry.js';
import type { CallReport } from './call-status.js';
import type { Credential, DeviceIds, ResolvedPhoneConfig } from './config.js';
import type { OpenMediaResult } from './media/user-media.js';
import type { CallOptions } from './phone-api.js';
import type { PhoneContext } from './phone-context.js';
import type { PhoneIdentity } from './phone-state.js';
import type { LinkEventMap } from './link-events.js';
import type { CallSignal } from './sip/call-signal.js';
import type { SipTarget } from './sip/sip-target.js';
import type { TypedEmitter } from './typed-emitter.js';

/** Keeps a phone registered and creates the signalling of its outgoing calls. Internal. */
export interface PhoneRegistration {
  /** Connects and registers; a no-op while already doing so. */
  start(): void;
  /** Unregisters and closes the connection. */
  stop(): Promise<void>;
  /** Registers again with new credentials. */
  replaceCredential(identity: PhoneIdentity, credential: Credential): Promise<void>;
  /** Stops for good. */
  destroy(): Promise<void>;
  /** The signalling of a new outgoing call to `target` with the checked header lines `headers`, or `null` while not connected. */
  dial(target: SipTarget, headers?: readonly string[]): CallSignal | null;
  /** Loss and recovery of a registered phone's connection, for the call layer. */
  readonly link: TypedEmitter<LinkEventMap>;
}

/**
 * What a phone runs on: the network (registration and call signalling),
 * local media, and the clock. Internal.
 *
 * @remarks
 * `PhoneOperator` runs on sip.js and WebRTC; the scripted phone of
 * `@webphone/core/testing` runs the very same call logic on an in-memory
 * network, which is what keeps the two from drifting apart.
 */
export interface PhoneBackend {
  /** Builds the registration; incoming calls are handed to `onCall`. */
  registration(ctx: PhoneContext, credential: Credential, onCall: (call: CallSignal) => void): PhoneRegistration;
  /** Opens the local media of a call; never throws. */
  openMedia(options: CallOptions | undefined, deviceIds: DeviceIds, config: ResolvedPhoneConfig): Promise<OpenMediaResult>;
  /** The clock (epoch ms). */
  now(): number;
  /**
   * Called once the call registry exists; `reportQuality` takes a quality
   * report of a call as the phone's own monitor would (the scripted phone
   * injects reports through it).
   */
  attach?(registry: CallRegistry, reportQuality: (callId: string, report: CallReport) => boolean): void;
}
