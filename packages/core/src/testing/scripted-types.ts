import type { DeviceIds, RecordPermissions } from '../config.js';
import type { PhoneApi } from '../phone-api.js';

/** How a {@link ScriptedPhone} behaves. Every field is optional. */
export interface ScriptedPhoneOptions {
  /** Own extension, default `'1001'`. */
  extension?: string;
  /** SIP domain, default `'webphone.test'`. */
  domain?: string;
  displayName?: string;
  /** Concurrent-call limit, default 2. */
  maxConcurrentCalls?: number;
  /** Refuse (486) an incoming call while another call is up. */
  disableCallWaiting?: boolean;
  /** Recording permission, default 2. */
  recordPermissions?: RecordPermissions;
  deviceIds?: DeviceIds;
  /** Reported by `reRegistryPhoneTimes`; default `Infinity`. */
  reRegistryPhoneTimes?: number;
  /** Registration lifetime in seconds (for `expiresAt`), default 600. */
  registerExpires?: number;
  /** Start out connected and registered, as if `start()` had succeeded. */
  registered?: boolean;
  /**
   * `start()` and `reRegister()` complete the registration at once (default
   * true). With `false` the phone waits, connected, in `registering` until
   * the test calls `register()` or `failRegistration()`.
   */
  autoRegister?: boolean;
  /**
   * An answered call goes straight on to `talking` (default true). With
   * `false` it waits in `connecting` until `remoteConfirm()` (the ACK).
   */
  autoConfirm?: boolean;
  /** The clock, default `Date.now` (fake timers replace it too). */
  now?: () => number;
}

/** The caller of a simulated incoming call. */
export interface IncomingCaller {
  number: string;
  name?: string;
  avatar?: string;
  company?: string;
  isVideo?: boolean;
}

/** An incoming call the phone refused (486) because of the call limit or `disableCallWaiting`. */
export interface RefusedCall {
  readonly callId: string;
  readonly number: string;
  readonly code: 486;
}

type CommandName = {
  [K in keyof PhoneApi]-?: PhoneApi[K] extends (...args: never[]) => unknown ? K : never;
}[keyof PhoneApi];

/** Methods that only read or subscribe; they are not logged. */
type NotLogged = 'on' | 'off' | 'once' | 'getSession' | 'getSessions' | 'getCurrentSession';

/**
 * One logged command: its name and the arguments it was given. Setting
 * `recordPermissions` is logged as `{ name: 'recordPermissions', args: [value] }`.
 */
export type ScriptedCommand =
  | { [K in Exclude<CommandName, NotLogged>]: { readonly name: K; readonly args: readonly unknown[] } }[Exclude<CommandName, NotLogged>]
  | { readonly name: 'recordPermissions'; readonly args: readonly [unknown] };
