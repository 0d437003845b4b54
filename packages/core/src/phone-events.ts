import type { CallEndCause } from './call-causes.js';
import type { CallRecord } from './call-status.js';
import type { SessionApi } from './phone-api.js';

/** Why an incoming call was refused without ringing. */
export type IncomingRefusalReason = 'do-not-disturb' | 'max-calls' | 'call-waiting-disabled';

/** An incoming call refused without ringing (event `incomingRefused`). */
export interface IncomingRefusal {
  /** The caller's number (user part of From), cleaned like any name from the wire. */
  readonly number: string;
  /** The caller's display name, or `''`. */
  readonly name: string;
  readonly reason: IncomingRefusalReason;
  /** The SIP status sent: 486, or `dndResponseCode` for do-not-disturb. */
  readonly code: number;
}
import type { DeviceIds } from './config.js';
import type { Result } from './result.js';

/** A chosen device disappeared and the phone fell back to the default one (event `deviceFallback`). */
export interface DeviceFallback {
  /** Which choice was dropped: `microphoneId`, `cameraId`, `speakerId` or `ringerDeviceId`. */
  readonly field: keyof DeviceIds;
  /** The id of the device that is gone. */
  readonly deviceId: string;
  /** For the microphone: how many calls in progress now send the default microphone. */
  readonly calls: number;
}

/**
 * The events of a `PhoneOperator`, each with its listener arguments.
 *
 * @remarks
 * Every event is emitted after `phone.store` already holds the state it
 * reports, so a listener may read the store.
 */
export interface PhoneEventMap {
  /** The WebSocket to the SIP server is open. */
  connected: [];
  /** The WebSocket closed (by `disconnect()`, or lost; the phone then reconnects). */
  disconnected: [];
  /** The registrar accepted the registration (also after each reconnect). */
  registered: [];
  /** Registration was refused, timed out, or reconnect attempts ran out (`-204`). */
  registrationFailed: [error: Result];
  /** `isRegistered` changed. */
  isRegisteredChange: [isRegistered: boolean];
  /** A call object was created (inbound or outbound). */
  newRTCSession: [event: { callId: string; session: SessionApi }];
  /** An inbound call is ringing (also one about to be auto-answered; not emitted for calls refused without ringing, see `incomingRefused`). */
  incoming: [event: { callId: string; session: SessionApi }];
  /** A call was added to `sessions`. */
  startSession: [event: { callId: string; session: SessionApi }];
  /**
   * A call left `sessions`: `cause` says why it ended, `code` is the SIP
   * status when it failed before being established (`undefined` for a call
   * that was established), and `record` is the call's final record (the
   * last state the store held for it).
   */
  deleteSession: [event: { callId: string; cause: CallEndCause; code?: number | undefined; record: CallRecord }];
  /**
   * An incoming call was refused without ringing: do-not-disturb was on, the
   * call limit was reached, or call waiting is off and a call is up. Nothing
   * else reports it (no `incoming`, no store entry): this is what a
   * missed-calls list hears. `code` is the SIP status it was refused with.
   */
  incomingRefused: [event: IncomingRefusal];
  /**
   * A device chosen in `deviceIds` was unplugged (`devicechange`): the choice
   * is removed from the store's `deviceIds` (the default device is used from
   * now on) and, for the microphone, calls in progress were switched to the
   * default microphone without renegotiation.
   */
  deviceFallback: [event: DeviceFallback];
  /** `recordPermissions` changed. */
  recordPermissionsChange: [recordPermissions: number];
}
