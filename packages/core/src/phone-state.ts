import type { AutoAnswerMode } from './auto-answer.js';
import type { DeviceIds, RecordPermissions } from './config.js';
import type { CallRecord } from './call-status.js';
import type { Result } from './result.js';

/**
 * State of the WebSocket that carries SIP.
 *
 * ```
 *  idle ──start()──▶ connecting ──▶ connected
 *                      ▲   │            │ drop
 *                      │   ▼            ▼
 *                      └─ disconnected ◀┘
 * ```
 */
export type TransportStatus = 'idle' | 'connecting' | 'connected' | 'disconnected';

/**
 * State of the registration with the SIP registrar.
 *
 * @remarks
 * `registered` carries when the binding was made and when it expires (the
 * phone refreshes it before then). `failed` keeps the reason; the phone stays
 * there until `start()` or `reRegister()` is called again, or, after a lost
 * connection, until the next reconnect succeeds.
 */
export type RegistrationState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registering' }
  | { readonly status: 'registered'; readonly aor: string; readonly registeredAt: number; readonly expiresAt: number }
  | { readonly status: 'failed'; readonly error: Result; readonly statusCode?: number };

/** Progress of automatic reconnection after the transport was lost. */
export interface ReconnectState {
  /** Attempts made since the connection was lost (0 when connected). */
  readonly attempt: number;
  /** When the next attempt starts (epoch ms), or `null` when none is scheduled. */
  readonly nextAttemptAt: number | null;
  /** True once `reRegistryPhoneTimes` attempts are used up. */
  readonly exhausted: boolean;
}

/** The registered identity, without credentials. */
export interface PhoneIdentity {
  readonly extension: string;
  readonly domain: string;
  readonly authorizationUser: string;
  readonly displayName: string | undefined;
}

/**
 * Everything the phone knows, as plain serialisable data.
 *
 * @remarks
 * Only the operator writes it. Timers are not stored: durations are derived
 * from timestamps by whoever shows them.
 */
export interface PhoneState {
  readonly transport: TransportStatus;
  /** The server the phone is connected to, or connecting to next (one of the config's `server` list). */
  readonly server: string;
  readonly registration: RegistrationState;
  /** Shorthand for `registration.status === 'registered'`. */
  readonly isRegistered: boolean;
  readonly identity: PhoneIdentity;
  /**
   * The phone's most recent failure, or `null`: a registration refused or
   * timed out (`-201`, also on a failed refresh), reconnect attempts used up
   * (`-204`), or a `call()` / `answer()` that failed on a media device
   * (`-202`, `-203`, `-206`, `-290`, `-291`) or on the connection (`-200`).
   * Not cleared by a later success (compare `registration.status`). A
   * command refused for its arguments or the calls' state (`-205`, `-207`
   * to `-212`) only returns its result and changes nothing; what goes wrong
   * inside a call is the call's own (`failed` / `ended` causes,
   * `clientError`).
   */
  readonly lastError: Result | null;
  readonly reconnect: ReconnectState;
  readonly recordPermissions: RecordPermissions;
  readonly deviceIds: DeviceIds;
  /** Live calls by call id. A call leaves when it ends. */
  readonly calls: Readonly<Record<string, CallRecord>>;
  /** Call ids in the order the calls began. */
  readonly callIds: readonly string[];
  /** Inbound calls still ringing, oldest first. */
  readonly incomingIds: readonly string[];
  /** The call the user is on, or `null`. */
  readonly currentSessionID: string | null;
  /** True when `maxConcurrentCalls` calls are up. */
  readonly isMaxCall: boolean;
  /** Do not disturb (`setDoNotDisturb`): incoming calls are refused without ringing. */
  readonly doNotDisturb: boolean;
  /** When the phone answers incoming calls by itself (`autoAnswer`, `setAutoAnswer`). */
  readonly autoAnswer: AutoAnswerMode;
  /** True after `destroy()`. */
  readonly destroyed: boolean;
}
