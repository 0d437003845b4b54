import type { CallReport, StaticCallStatus } from '../call-status.js';
import { HA1, SIP_USER, type DeviceIds, type RecordPermissions } from '../config.js';
import { PhoneDestroyedError } from '../errors.js';
import { initialPhoneState } from '../initial-state.js';
import type { CallOptions, PhoneApi, SessionApi, TerminateType } from '../phone-api.js';
import type { PhoneEventMap } from '../phone-events.js';
import type { PhoneState } from '../phone-state.js';
import { createOwnedStore, type ReadonlyStore } from '../readonly-store.js';
import { PHONE_OK, result, type Result } from '../result.js';
import { TypedEmitter, type Listener } from '../typed-emitter.js';
import { ScriptedCallBook, type ScriptedContext } from './scripted-call-book.js';
import { isDtmf, timerOf } from './scripted-calls.js';
import { nearEnd } from './scripted-commands.js';
import { ScriptedRegistration } from './scripted-registration.js';
import { farEnd } from './scripted-script.js';
import type { IncomingCaller, RefusedCall, ScriptedCommand, ScriptedPhoneOptions } from './scripted-types.js';

/**
 * An in-memory phone for tests and stories: implements {@link PhoneApi} and
 * drives the same store shape as `PhoneOperator`, with no network and no media.
 *
 * @remarks
 * Testing helper, shipped as `@webphone/core/testing`; the product never uses
 * it. Commands (`call`, `answer`, `hold`...) change the store as the real phone
 * does once the far end agreed, apply the cheap guards (`INVALID_NUMBER`,
 * `NOT_FOUND_CALL_ID`, `MAX_LIMIT_CALL`...) and are logged in
 * {@link ScriptedPhone.commands}. What the network would do is scripted through
 * its scripting methods: `register()`, `simulateIncoming()`,
 * `remoteAnswer()`, `remoteHangup()`...
 *
 * @example
 * ```ts
 * const phone = new ScriptedPhone({ registered: true });
 * const callId = phone.simulateIncoming({ number: '1002', name: 'Ada' });
 * await phone.answer(callId);
 * phone.remoteHangup(callId);
 * ```
 */
export class ScriptedPhone implements PhoneApi {
  /** The phone's state, read-only, shaped exactly like `PhoneOperator.store`. */
  readonly store: ReadonlyStore<PhoneState>;
  /** Every {@link PhoneApi} command called on this phone, oldest first (listeners and getters excluded). */
  readonly commands: ScriptedCommand[] = [];
  /** Incoming calls refused with 486 (call limit or `disableCallWaiting`); they never reached the store. */
  readonly refusedIncoming: RefusedCall[] = [];
  /** The id of the latest outgoing call (`call()` returns only a `Result`). */
  lastCallId: string | null = null;
  /** @internal When the previous outgoing call started (the one-second rule). */
  lastOutgoingAt = 0;
  /** @internal */
  readonly callBook: ScriptedCallBook;
  /** @internal */
  readonly registration: ScriptedRegistration;
  /** @internal */
  readonly options: Readonly<ScriptedPhoneOptions>;
  /** @internal */
  readonly emitter = new TypedEmitter<PhoneEventMap>();
  /** @internal */
  readonly context: ScriptedContext;
  private readonly setState: (partial: Partial<PhoneState>) => void;
  private nextCallNumber = 1;

  constructor(options: ScriptedPhoneOptions = {}) {
    this.options = { ...options };
    const owned = createOwnedStore(
      initialPhoneState(
        {
          extension: options.extension ?? '1001',
          domain: options.domain ?? 'webphone.test',
          authorizationUser: options.extension ?? '1001',
          displayName: options.displayName,
        },
        options.recordPermissions ?? 2,
        options.deviceIds,
      ),
    );
    this.store = owned.store;
    this.setState = (partial) => owned.setState(partial);
    const now = options.now ?? Date.now;
    this.context = {
      getState: () => this.store.getState(),
      setState: this.setState,
      emit: (event, ...args) => {
        if (!this.store.getState().destroyed) this.emitter.emit(event, ...args);
      },
      now: () => now(),
      maxConcurrentCalls: options.maxConcurrentCalls ?? 2,
    };
    this.callBook = new ScriptedCallBook(this.context, { phone: this, now: this.context.now });
    this.registration = new ScriptedRegistration(this.context, options.registerExpires ?? 600);
    if (options.registered) this.registration.register();
  }

  // ── state views ──────────────────────────────────────────────────────

  get isRegistered(): boolean {
    return this.store.getState().isRegistered;
  }
  get currentSessionID(): string | null {
    return this.store.getState().currentSessionID;
  }
  get currentSession(): SessionApi | null {
    return this.getCurrentSession();
  }
  get sessions(): ReadonlyMap<string, SessionApi> {
    return new Map(this.callBook.sessions);
  }
  get incomingList(): SessionApi[] {
    return this.store.getState().incomingIds.flatMap((id) => this.callBook.sessions.get(id) ?? []);
  }
  get isMaxCall(): boolean {
    return this.store.getState().isMaxCall;
  }
  get reRegistryPhoneTimes(): number {
    return this.options.reRegistryPhoneTimes ?? Infinity;
  }
  get deviceIds(): DeviceIds {
    return this.store.getState().deviceIds;
  }
  get recordPermissions(): RecordPermissions {
    return this.store.getState().recordPermissions;
  }
  set recordPermissions(value: RecordPermissions) {
    this.log('recordPermissions', [value]);
    if (value !== 0 && value !== 1 && value !== 2) return;
    if (this.destroyed || value === this.store.getState().recordPermissions) return;
    this.setState({ recordPermissions: value });
    this.context.emit('recordPermissionsChange', value);
  }

  // ── events ───────────────────────────────────────────────────────────

  on<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this {
    if (!this.destroyed) this.emitter.on(event, listener);
    return this;
  }
  off<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this {
    this.emitter.off(event, listener);
    return this;
  }
  once<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this {
    if (!this.destroyed) this.emitter.once(event, listener);
    return this;
  }
  /** Number of listeners, for one event or all (leak checks). */
  listenerCount(event?: keyof PhoneEventMap): number {
    return this.emitter.listenerCount(event);
  }

  // ── registration ─────────────────────────────────────────────────────

  /**
   * Connects and registers at once; with `autoRegister: false` it stops at
   * transport `connected`, registration `registering` until `register()` or
   * `failRegistration()`.
   *
   * @throws PhoneDestroyedError after `destroy()`.
   */
  start(): this {
    this.log('start', []);
    if (this.destroyed) throw new PhoneDestroyedError('start');
    const { transport } = this.store.getState();
    if (transport === 'connecting' || transport === 'connected') return this;
    this.registration.connect();
    if (this.options.autoRegister ?? true) this.registration.register();
    else this.registration.connectedAndRegistering();
    return this;
  }

  disconnect(): boolean {
    this.log('disconnect', []);
    if (this.destroyed || this.store.getState().transport === 'idle') return false;
    this.registration.stop(true);
    return true;
  }

  reRegister(authorizationUser: string, ha1: string): this | Result {
    this.log('reRegister', [authorizationUser, ha1]);
    if (this.destroyed) return result('REGISTRY_FAILED', 'phone destroyed');
    if (typeof authorizationUser !== 'string' || !SIP_USER.test(authorizationUser)) {
      return result('REGISTRY_FAILED', 'authorizationUser is not a valid SIP user');
    }
    if (typeof ha1 !== 'string' || !HA1.test(ha1)) return result('REGISTRY_FAILED', 'ha1 must be 32 hexadecimal digits');
    const wasStarted = this.store.getState().transport !== 'idle';
    this.setState({ identity: { ...this.store.getState().identity, extension: authorizationUser, authorizationUser } });
    if (wasStarted) {
      this.registration.registering();
      if (this.options.autoRegister ?? true) this.registration.register();
    }
    return this;
  }

  /** Ends every call without events, unregisters, drops every listener. Idempotent. */
  destroy(): void {
    this.log('destroy', []);
    if (this.destroyed) return;
    this.emitter.removeAllListeners();
    this.callBook.clear();
    this.registration.stop(false);
    this.setState({ destroyed: true });
  }

  // ── calls ────────────────────────────────────────────────────────────

  call(number: string, options?: CallOptions, transferId?: string): Promise<Result> {
    this.log('call', transferId === undefined ? (options === undefined ? [number] : [number, options]) : [number, options, transferId]);
    return Promise.resolve(nearEnd.call(this, number, options, transferId));
  }

  answer(callId: string, options?: CallOptions): Promise<Result> {
    this.log('answer', options === undefined ? [callId] : [callId, options]);
    return Promise.resolve(nearEnd.answer(this, callId, options));
  }

  reject(callId: string): boolean {
    this.log('reject', [callId]);
    return nearEnd.reject(this, callId);
  }

  hangup(callId: string): boolean {
    this.log('hangup', [callId]);
    return nearEnd.end(this, callId, 'hangup');
  }

  terminate(callId: string, type: TerminateType = 'terminate'): boolean {
    this.log('terminate', [callId, type]);
    return type === 'reject' ? nearEnd.reject(this, callId) : nearEnd.end(this, callId, type);
  }

  blindTransfer(callId: string, number: string): boolean {
    this.log('blindTransfer', [callId, number]);
    return nearEnd.blindTransfer(this, callId, number);
  }

  attendedTransfer(callId: string, number: string): boolean {
    this.log('attendedTransfer', [callId, number]);
    return nearEnd.call(this, number, {}, callId).code === PHONE_OK.code;
  }

  completeTransfer(consultCallId: string): boolean {
    this.log('completeTransfer', [consultCallId]);
    return nearEnd.completeTransfer(this, consultCallId);
  }

  hold(callId: string): boolean {
    this.log('hold', [callId]);
    return nearEnd.hold(this, callId, true);
  }

  unhold(callId: string): boolean {
    this.log('unhold', [callId]);
    return nearEnd.hold(this, callId, false);
  }

  dtmf(callId: string, digits: string): boolean {
    this.log('dtmf', [callId, digits]);
    return nearEnd.isAnswered(this, callId) && isDtmf(digits);
  }

  mute(callId: string): boolean {
    this.log('mute', [callId]);
    return nearEnd.mute(this, callId, true);
  }

  unmute(callId: string): boolean {
    this.log('unmute', [callId]);
    return nearEnd.mute(this, callId, false);
  }

  /** Starts (permission 2) or resumes (permission 1 or 2) recording. */
  startRecord(callId: string): boolean {
    this.log('startRecord', [callId]);
    return nearEnd.startRecord(this, callId);
  }

  pauseRecord(callId: string): boolean {
    this.log('pauseRecord', [callId]);
    return nearEnd.pauseRecord(this, callId);
  }

  getSession(callId: string): SessionApi | null {
    return this.callBook.sessions.get(callId) ?? null;
  }

  getSessions(): SessionApi[] {
    return [...this.callBook.sessions.values()];
  }

  setCurrentSession(callId: string): boolean {
    this.log('setCurrentSession', [callId]);
    if (!this.callBook.record(callId)) return false;
    if (this.store.getState().currentSessionID !== callId) this.setState({ currentSessionID: callId });
    return true;
  }

  getCurrentSession(): SessionApi | null {
    const id = this.store.getState().currentSessionID;
    return id === null ? null : (this.callBook.sessions.get(id) ?? null);
  }

  setSessionStaticStatus(callId: string, status: Partial<StaticCallStatus>, manual = false): boolean {
    this.log('setSessionStaticStatus', [callId, status, manual]);
    const record = this.callBook.record(callId);
    if (!record) return false;
    const { name, avatar, company } = status;
    const patch = { ...(name === undefined ? {} : { name }), ...(avatar === undefined ? {} : { avatar }), ...(company === undefined ? {} : { company }) };
    this.callBook.update(callId, { status: patch, manualStaticStatus: manual || record.manualStaticStatus });
    return true;
  }

  // ── scripting: what the network and the far end do ───────────────────

  /**
   * The registrar accepts: transport `connected` (emits `connected` if it was
   * not), registration `registered` (emits `registered`, `isRegisteredChange`).
   * Called again while registered, it is a refresh: new `registeredAt`/`expiresAt`.
   */
  register(): void {
    if (!this.destroyed) this.registration.register();
  }

  /**
   * The registrar refuses (default `REGISTRY_FAILED: 403 Forbidden`): the
   * error lands in `registration` and `lastError`, then `registrationFailed`
   * is emitted. A `RE_REGISTRY_MAX_LIMIT_TIMES` error also sets `reconnect.exhausted`.
   */
  failRegistration(error: Result = result('REGISTRY_FAILED', '403 Forbidden'), statusCode?: number): void {
    if (!this.destroyed) this.registration.fail(error, statusCode ?? (error.code === -201 ? 403 : undefined));
  }

  /** The WebSocket drops: `disconnected`, unregistered, reconnect attempt scheduled. `register()` brings it back. */
  dropConnection(): void {
    if (!this.destroyed) this.registration.drop();
  }

  /**
   * An INVITE arrives. Returns the new call's id. When the phone is at its
   * call limit (or `disableCallWaiting` and busy) the call is refused with
   * 486, never shown, and listed in {@link ScriptedPhone.refusedIncoming}.
   */
  simulateIncoming(caller: IncomingCaller): string {
    return farEnd.incoming(this, caller);
  }

  /** 180 Ringing for an outgoing call (`isRing` becomes true). */
  remoteRinging(callId: string): boolean {
    return farEnd.ringing(this, callId);
  }

  /** The callee answers an outgoing call (200 OK; then ACK unless `autoConfirm: false`). */
  remoteAnswer(callId: string): boolean {
    return farEnd.answer(this, callId);
  }

  /** The ACK of an answered call arrives: `connecting` becomes `talking` (with `autoConfirm: false`). */
  remoteConfirm(callId: string): boolean {
    return farEnd.confirm(this, callId);
  }

  /** The far end hangs up: BYE for an established call, CANCEL (487) for an unanswered one. */
  remoteHangup(callId: string, cause?: string): boolean {
    return farEnd.hangup(this, callId, cause);
  }

  /** The callee refuses an outgoing call with a SIP status (default 486 Busy Here). */
  remoteReject(callId: string, code = 486, cause?: string): boolean {
    return farEnd.reject(this, callId, code, cause);
  }

  /** The far end sends a DTMF digit by SIP INFO (session event `dtmf`). */
  remoteDtmf(callId: string, digit: string): boolean {
    return farEnd.dtmf(this, callId, digit);
  }

  /** The remote media arrives (session `remoteStream` and event `streamAdded`). */
  setRemoteStream(callId: string, stream: MediaStream): boolean {
    return farEnd.stream(this, callId, stream);
  }

  /** A quality report arrives (store `lastReport`, session event `callReport`); defaults are a good call. */
  reportQuality(callId: string, report: Partial<CallReport> = {}): boolean {
    return farEnd.report(this, callId, { ...this.defaultReport(callId), ...report, callId });
  }

  /**
   * The transfer target accepted the REFER of a blind or completed attended
   * transfer: the transferred call ends (cause `transferred`), and with it
   * the consultation leg. `callId` is either leg.
   */
  acceptTransfer(callId: string): boolean {
    return farEnd.transferAccepted(this, callId);
  }

  /** The REFER was refused: the transfer state becomes `failed` and the calls go on. */
  failTransfer(callId: string, reason = 'declined'): boolean {
    return farEnd.transferFailed(this, callId, reason);
  }

  /** The call's timer now, from its timestamps (same as `getSession(id).timer`). */
  timerOf(callId: string) {
    const record = this.callBook.record(callId);
    return record ? timerOf(record.timestamps, record.status.communicationType, this.context.now()) : null;
  }

  /** @internal Makes a fresh call id. */
  newCallId(): string {
    return `call-${this.nextCallNumber++}`;
  }

  /** @internal A quality report filled with plausible values. */
  defaultReport(callId: string): CallReport {
    const now = this.context.now();
    const audio = { codec: 'opus', packetsReceived: 150, packetsSent: 150, packetsLost: 0, lossRatio: 0, jitterAvg: 2, jitterMax: 4, rtt: 1 };
    return { callId, timestamp: now, date: new Date(now).toISOString(), candidateType: 'host', audio, video: null, mos: 4.4 };
  }

  private get destroyed(): boolean {
    return this.store.getState().destroyed;
  }

  private log(name: ScriptedCommand['name'], args: readonly unknown[]): void {
    this.commands.push({ name, args } as ScriptedCommand);
  }
}
