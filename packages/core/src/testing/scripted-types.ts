import type { PhoneConfig } from '../config.js';
import type { PhoneApi } from '../phone-api.js';

/**
 * How a {@link ScriptedPhone} behaves. Every field is optional.
 *
 * @remarks
 * The phone fields mean what they mean in `PhoneConfig` and are validated
 * the same way (a bad value throws `PhoneConfigError`). Logs go nowhere
 * below `'error'` unless `logLevel` says otherwise.
 */
export interface ScriptedPhoneOptions extends Partial<
  Pick<
    PhoneConfig,
    | 'extension'
    | 'domain'
    | 'displayName'
    | 'maxConcurrentCalls'
    | 'disableCallWaiting'
    | 'recordPermissions'
    | 'deviceIds'
    | 'reRegistryPhoneTimes'
    | 'registerExpires'
    | 'reconnect'
    | 'dtmfMethod'
    | 'qualityThresholds'
    | 'resolveContact'
    | 'autoAnswer'
    | 'autoAnswerWhileBusy'
    | 'dndResponseCode'
    | 'logger'
    | 'logLevel'
  >
> {
  /** Start out connected and registered, as if `start()` had succeeded. */
  registered?: boolean;
  /**
   * `start()` and `reRegister()` complete the registration at once (default
   * true). With `false` the phone waits, connected, in `registering` until
   * the test calls `register()` or `failRegistration()`.
   */
  autoRegister?: boolean;
  /**
   * An answer is followed by its ACK at once (default true). With `false` an
   * answered call waits in `connecting` until `remoteConfirm()`.
   */
  autoConfirm?: boolean;
  /** The phone's clock, default `Date.now` (fake timers replace it too). */
  now?: () => number;
}

/** The caller of a simulated incoming call. */
export interface IncomingCaller {
  number: string;
  /** The display name in the INVITE's From. */
  name?: string;
  avatar?: string;
  company?: string;
  /** The offer has a video stream. */
  isVideo?: boolean;
  /** The INVITE carries Replaces naming this call of the phone (RFC 3891): an attended transfer's target role. */
  replaces?: string;
  /** Extra headers of the INVITE, e.g. `{ 'Call-Info': '<sip:pbx>;answer-after=0', 'X-Ticket': '4711' }`. */
  headers?: Readonly<Record<string, string>>;
}

/** An incoming call the phone refused without showing it (do-not-disturb, call limit, `disableCallWaiting`, a Replaces it refuses). */
export interface RefusedCall {
  readonly callId: string;
  readonly number: string;
  /** The SIP status it was refused with. */
  readonly code: number;
}

type CommandName = {
  [K in keyof PhoneApi]-?: PhoneApi[K] extends (...args: never[]) => unknown ? K : never;
}[keyof PhoneApi];

/** Methods that only read or subscribe; they are not logged. */
export type NotLoggedCommand = 'on' | 'off' | 'once' | 'getSession' | 'getSessions' | 'getCurrentSession';

/** The name of a logged command. */
export type LoggedCommandName = Exclude<CommandName, NotLoggedCommand>;

/**
 * One logged command: its name and the arguments it was given (trailing
 * `undefined` arguments left out). Setting `recordPermissions` is logged as
 * `{ name: 'recordPermissions', args: [value] }`.
 */
export type ScriptedCommand =
  | { [K in LoggedCommandName]: { readonly name: K; readonly args: readonly unknown[] } }[LoggedCommandName]
  | { readonly name: 'recordPermissions'; readonly args: readonly [unknown] };
