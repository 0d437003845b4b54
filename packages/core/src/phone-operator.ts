import { resolvePhoneConfig, type DeviceIds, type PhoneConfig, type RecordPermissions, type ResolvedPhoneConfig } from './config.js';
import { PhoneDestroyedError } from './errors.js';
import { RedactingLogger } from './logger.js';
import type { PhoneContext } from './phone-context.js';
import type { StaticCallStatus } from './call-status.js';
import type { CallOptions, PhoneApi, TerminateType } from './phone-api.js';
import { PhoneCalls } from './phone-calls.js';
import type { PhoneEventMap } from './phone-events.js';
import type { Session } from './session.js';
import type { PhoneState } from './phone-state.js';
import { createOwnedStore, type ReadonlyStore } from './readonly-store.js';
import { RegistrationController } from './registration-controller.js';
import { result, type Result } from './result.js';
import { TypedEmitter, type Listener } from './typed-emitter.js';

const HA1 = /^[0-9a-fA-F]{32}$/;

function initialState(config: ResolvedPhoneConfig): PhoneState {
  return {
    transport: 'idle',
    registration: { status: 'unregistered' },
    isRegistered: false,
    identity: {
      extension: config.extension,
      domain: config.domain,
      authorizationUser: config.authorizationUser,
      displayName: config.displayName,
    },
    lastError: null,
    reconnect: { attempt: 0, nextAttemptAt: null, exhausted: false },
    recordPermissions: config.recordPermissions,
    deviceIds: { ...config.deviceIds },
    calls: {},
    callIds: [],
    incomingIds: [],
    currentSessionID: null,
    isMaxCall: false,
    destroyed: false,
  };
}

/**
 * A softphone: one SIP registration and its calls.
 *
 * @remarks
 * All state lives in {@link PhoneOperator.store}, a zustand vanilla store
 * that only the operator writes. Subscribe to events before `start()`.
 *
 * @example
 * ```ts
 * const phone = new PhoneOperator({ server: 'wss://pbx.example.com:8089/ws', extension: '1001', password: 's3cret' });
 * phone.on('registered', () => console.log('ready'));
 * phone.start();
 * ```
 */
export class PhoneOperator implements PhoneApi {
  /** The phone's state, read-only; use `useStore(phone.store, selector)` or `phone.store.subscribe`. */
  readonly store: ReadonlyStore<PhoneState>;
  private readonly setStoreState: (partial: Partial<PhoneState>) => void;
  private readonly config: ResolvedPhoneConfig;
  private readonly logger: RedactingLogger;
  private readonly emitter: TypedEmitter<PhoneEventMap>;
  private readonly registration: RegistrationController;
  private readonly calls: PhoneCalls;
  private destroyed = false;
  private teardown: Promise<void> | null = null;

  /** @throws {@link PhoneConfigError} when a config field is invalid. */
  constructor(config: PhoneConfig) {
    this.config = resolvePhoneConfig(config);
    this.logger = new RedactingLogger(this.config.logger, this.config.logLevel);
    this.addCredentialSecrets(this.config.credential);
    const owned = createOwnedStore(initialState(this.config));
    this.store = owned.store;
    this.setStoreState = (partial) => owned.setState(partial);
    this.emitter = new TypedEmitter<PhoneEventMap>((event, error) => {
      this.logger.error(`a "${String(event)}" listener threw: ${error instanceof Error ? error.message : String(error)}`);
    });
    const ctx: PhoneContext = {
      config: this.config,
      logger: this.logger,
      getState: () => this.store.getState(),
      setState: this.setStoreState,
      emit: (event, ...args) => {
        if (!this.destroyed) this.emitter.emit(event, ...args);
      },
    };
    this.calls = new PhoneCalls(ctx, this, () => this.registration.current?.userAgent ?? null);
    // The delegate object is created once, so every connection (a new one after reRegister) reaches the same call handler.
    this.registration = new RegistrationController(ctx, this.config.credential, this.calls.sipDelegate);
  }

  // ── state views ──────────────────────────────────────────────────────

  /** True while the registrar holds a binding for this phone. */
  get isRegistered(): boolean {
    return this.store.getState().isRegistered;
  }

  /** Reconnect attempts allowed after a loss (`Infinity` when unlimited). */
  get reRegistryPhoneTimes(): number {
    return this.config.reRegistryPhoneTimes;
  }

  /** The devices used for calls. */
  get deviceIds(): DeviceIds {
    return this.store.getState().deviceIds;
  }

  /** Recording permission: 0 none, 1 pause/resume, 2 start/pause/resume. */
  get recordPermissions(): RecordPermissions {
    return this.store.getState().recordPermissions;
  }

  /** Changes the recording permission and emits `recordPermissionsChange`. Values other than 0, 1, 2 are ignored. */
  set recordPermissions(value: RecordPermissions) {
    if (value !== 0 && value !== 1 && value !== 2) {
      this.logger.warn(`recordPermissions must be 0, 1 or 2; ignored ${String(value)}`);
      return;
    }
    if (this.destroyed || value === this.store.getState().recordPermissions) return;
    this.setStoreState({ recordPermissions: value });
    this.emitter.emit('recordPermissionsChange', value);
  }

  /** The call the user is on, or `null`. */
  get currentSessionID(): string | null {
    return this.store.getState().currentSessionID;
  }

  /** The {@link Session} of `currentSessionID`, or `null`. */
  get currentSession(): Session | null {
    const id = this.currentSessionID;
    return id === null ? null : this.calls.getSession(id);
  }

  /** Live calls by call id, oldest first (a fresh Map on each read). */
  get sessions(): ReadonlyMap<string, Session> {
    return this.calls.sessions();
  }

  /** Inbound calls still ringing, oldest first. */
  get incomingList(): Session[] {
    return this.calls.incomingList();
  }

  /** True when `maxConcurrentCalls` calls are up (further calls are refused). */
  get isMaxCall(): boolean {
    return this.store.getState().isMaxCall;
  }

  // ── events ───────────────────────────────────────────────────────────

  /** Adds a listener. */
  on<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this {
    if (!this.destroyed) this.emitter.on(event, listener);
    return this;
  }

  /** Removes a listener added with `on` or `once`. */
  off<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this {
    this.emitter.off(event, listener);
    return this;
  }

  /** Adds a listener for the next occurrence only. */
  once<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this {
    if (!this.destroyed) this.emitter.once(event, listener);
    return this;
  }

  /** Number of listeners, for one event or all (diagnostics and leak tests). */
  listenerCount(event?: keyof PhoneEventMap): number {
    return this.emitter.listenerCount(event);
  }

  // ── registration ─────────────────────────────────────────────────────

  /**
   * Connects to the SIP server and registers. Progress arrives as
   * `connected`, `registered` or `registrationFailed`.
   *
   * @throws {@link PhoneDestroyedError} after `destroy()`.
   */
  start(): this {
    if (this.destroyed) throw new PhoneDestroyedError('start');
    this.registration.start();
    return this;
  }

  /**
   * Unregisters and closes the connection; `start()` connects again.
   * Returns `false` when there was nothing to disconnect.
   */
  disconnect(): boolean {
    if (this.destroyed || this.store.getState().transport === 'idle') return false;
    void this.registration.stop();
    return true;
  }

  /**
   * Registers again as `authorizationUser` with the credential `ha1`
   * (MD5 of `user:realm:password`). The user becomes the phone's extension.
   *
   * @returns `this`, or a `REGISTRY_FAILED` result when an argument is invalid.
   */
  reRegister(authorizationUser: string, ha1: string): this | Result {
    if (this.destroyed) return result('REGISTRY_FAILED', 'phone destroyed');
    if (typeof authorizationUser !== 'string' || !/^[A-Za-z0-9._~+!$&'()*=-]{1,64}$/.test(authorizationUser)) {
      return result('REGISTRY_FAILED', 'authorizationUser is not a valid SIP user');
    }
    if (typeof ha1 !== 'string' || !HA1.test(ha1)) return result('REGISTRY_FAILED', 'ha1 must be 32 hexadecimal digits');
    const credential = { type: 'ha1', ha1: ha1.toLowerCase() } as const;
    this.addCredentialSecrets(credential);
    const identity = { ...this.store.getState().identity, extension: authorizationUser, authorizationUser };
    void this.registration.replaceCredential(identity, credential);
    return this;
  }

  // ── calls ────────────────────────────────────────────────────────────

  /**
   * Places a call. With `transferId` it is the consultation leg of an
   * attended transfer of that call (which is put on hold first).
   *
   * @returns `{ code: 200, callId }` once the INVITE is sent, or an error
   * result (`INVALID_NUMBER`, `MAX_LIMIT_CALL`, `CALL_TOO_MANY_TIMES`,
   * `CURRENT_CALL_HAS_NOT_CONNECTED`, `ATTENDED_PARENT_NOT_FOUND`, a media
   * error, or `UNKNOWN_ERROR` when not connected). How the call goes on is
   * reported by the session's events.
   */
  call(number: string, options?: CallOptions, transferId?: string): Promise<Result> {
    return this.calls.call(number, options, transferId);
  }

  /** Answers a ringing inbound call; a media error keeps it ringing. */
  answer(callId: string, options?: CallOptions): Promise<Result> {
    return this.calls.answer(callId, options);
  }

  /** Rejects a ringing inbound call with 486 Busy Here. */
  reject(callId: string): boolean {
    return this.calls.reject(callId);
  }

  /** Hangs up: CANCEL before an answer, BYE after; a ringing inbound call is rejected. */
  hangup(callId: string): boolean {
    return this.calls.hangup(callId);
  }

  /** Ends a call: `'reject'` rejects, `'hangup'` and `'terminate'` hang up whatever the state. */
  terminate(callId: string, type: TerminateType = 'terminate'): boolean {
    return this.calls.terminate(callId, type);
  }

  /** Transfers a talking call to `number` (REFER); the call ends when the transfer succeeds. */
  blindTransfer(callId: string, number: string): boolean {
    return this.calls.blindTransfer(callId, number);
  }

  /** Holds `callId` and calls `number` for consultation; same as `call(number, {}, callId)`. */
  attendedTransfer(callId: string, number: string): boolean {
    return this.calls.attendedTransfer(callId, number);
  }

  /** Joins the parent's far end to the consultation target (REFER with Replaces); both local legs end. */
  completeTransfer(consultCallId: string): boolean {
    return this.calls.completeTransfer(consultCallId);
  }

  /** Puts the far end on hold (re-INVITE `sendonly`); `isHold` follows the answer. */
  hold(callId: string): boolean {
    return this.calls.hold(callId, true);
  }

  /** Takes the far end off hold (re-INVITE `sendrecv`). */
  unhold(callId: string): boolean {
    return this.calls.hold(callId, false);
  }

  /** Sends DTMF digits (`0-9 * # A-D`). */
  dtmf(callId: string, digits: string): boolean {
    return this.calls.dtmf(callId, digits);
  }

  /** Disables the local audio track (no signalling). */
  mute(callId: string): boolean {
    return this.calls.mute(callId, true);
  }

  /** Enables the local audio track again. */
  unmute(callId: string): boolean {
    return this.calls.mute(callId, false);
  }

  /** Starts (permission 2) or resumes (permission 1) recording: INFO `Record: on`. */
  startRecord(callId: string): boolean {
    return this.calls.startRecord(callId);
  }

  /** Pauses recording (permission 1 or 2): INFO `Record: off`. */
  pauseRecord(callId: string): boolean {
    return this.calls.pauseRecord(callId);
  }

  /** The session of `callId`, or `null`. */
  getSession(callId: string): Session | null {
    return this.calls.getSession(callId);
  }

  /** Every live session, oldest first. */
  getSessions(): Session[] {
    return [...this.calls.sessions().values()];
  }

  /** Makes `callId` the current call. */
  setCurrentSession(callId: string): boolean {
    return this.calls.setCurrent(callId);
  }

  /** The current session, or `null`. */
  getCurrentSession(): Session | null {
    return this.currentSession;
  }

  /** Sets name, avatar or company of a call; `manual` stops `resolveContact` from overwriting them. */
  setSessionStaticStatus(callId: string, status: Partial<StaticCallStatus>, manual?: boolean): boolean {
    return this.calls.setStaticStatus(callId, status, manual);
  }

  /**
   * Ends everything: ends every call (their `ended`/`failed` and
   * `deleteSession` events still fire), unregisters, closes the socket,
   * stops timers, removes every listener (window listeners included).
   * Idempotent.
   */
  destroy(): void {
    if (this.destroyed) return;
    this.calls.endAll();
    this.destroyed = true;
    this.emitter.removeAllListeners();
    this.setStoreState({ destroyed: true });
    this.teardown = this.registration.destroy().catch((error: unknown) => {
      this.logger.error(`destroy: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /**
   * Resolves once `destroy()` has finished closing the connection; resolves
   * at once for a phone that is not destroyed. The phone is unusable from the
   * `destroy()` call on; this only tells when the socket is gone.
   */
  whenDestroyed(): Promise<void> {
    return this.teardown ?? Promise.resolve();
  }

  private addCredentialSecrets(credential: ResolvedPhoneConfig['credential']): void {
    this.logger.addSecret(credential.type === 'password' ? credential.password : credential.ha1);
  }
}

/** Creates a {@link PhoneOperator}; same as `new PhoneOperator(config)`. */
export function createPhone(config: PhoneConfig): PhoneOperator {
  return new PhoneOperator(config);
}
