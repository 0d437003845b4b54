import { AUTO_ANSWER_MODES, type AutoAnswerMode } from './auto-answer.js';
import { CallController } from './call-controller.js';
import { CallLifecycle } from './call-lifecycle.js';
import { CallRecovery } from './call-recovery.js';
import { CallRegistry } from './call-registry.js';
import type { StaticCallStatus } from './call-status.js';
import { HA1, resolvePhoneConfig, SIP_USER, type DeviceIds, type PhoneConfig, type RecordPermissions, type ResolvedPhoneConfig } from './config.js';
import type { PhoneBackend, PhoneRegistration } from './phone-backend.js';
import { ContactResolver } from './contact-resolver.js';
import { DeviceController } from './device-controller.js';
import { DtmfSender } from './dtmf.js';
import { errorMessage, PhoneDestroyedError } from './errors.js';
import { HoldController } from './hold-controller.js';
import { initialPhoneState } from './initial-state.js';
import { RedactingLogger } from './logger.js';
import type { CallOptions, PhoneApi, TerminateType } from './phone-api.js';
import type { PhoneContext } from './phone-context.js';
import type { PhoneEventMap } from './phone-events.js';
import type { PhoneState } from './phone-state.js';
import { createOwnedStore, type ReadonlyStore } from './readonly-store.js';
import { RecordingController } from './recording.js';
import { result, ResultCode, type Result } from './result.js';
import type { Session } from './session.js';
import { sipBackend } from './sip-backend.js';
import { TransferController } from './transfer-controller.js';
import { TypedEmitter, type Listener } from './typed-emitter.js';
import { VideoController } from './video-controller.js';

/** Result codes of `call()`/`answer()` that also go to `lastError`: media devices and the connection (-200). */
const LAST_ERROR_CODES: ReadonlySet<number> = new Set([
  ResultCode.UNKNOWN_ERROR,
  ResultCode.GET_AGREE_CHROME_USER_MEDIA_ROLE_ERROR,
  ResultCode.GET_LOCAL_STREAM_ERROR,
  ResultCode.GET_LOCAL_MEDIA_INFO_ERROR,
  ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE,
  ResultCode.NOT_FOUND_VIDEO_INPUT_DEVICE,
]);
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
  /** Config, logger and store access, shared with the collaborators. */
  readonly #ctx: PhoneContext;
  /** Closed by `destroy()`: from then on the phone emits nothing and takes no listener. */
  readonly #emitter: TypedEmitter<PhoneEventMap>;
  readonly #registration: PhoneRegistration;
  // The call collaborators, one concept each; the lifecycle holds the registry.
  readonly #calls: CallLifecycle;
  readonly #controller: CallController;
  readonly #holds: HoldController;
  readonly #dtmfSender: DtmfSender;
  readonly #recording: RecordingController;
  readonly #transfers: TransferController;
  readonly #contacts: ContactResolver;
  readonly #devices: DeviceController;
  readonly #video: VideoController;
  #teardown: Promise<void> | null = null;

  /**
   * @param config - the phone's configuration.
   * @param backend - internal: what the phone runs on (sip.js and WebRTC unless a test phone says otherwise).
   * @throws {@link PhoneConfigError} when a config field is invalid.
   */
  constructor(config: PhoneConfig, backend: PhoneBackend = sipBackend) {
    const resolved = resolvePhoneConfig(config);
    const logger = new RedactingLogger(resolved.logger, resolved.logLevel);
    const owned = createOwnedStore(initialPhoneState(resolved.identity, resolved.recordPermissions, resolved.deviceIds, resolved.server, resolved.autoAnswer));
    this.store = owned.store;
    this.#emitter = new TypedEmitter<PhoneEventMap>((event, error) => {
      logger.error(`a "${String(event)}" listener threw: ${errorMessage(error)}`);
    });
    const ctx: PhoneContext = (this.#ctx = {
      config: resolved,
      logger,
      getState: owned.store.getState,
      setState: owned.setState,
      emit: (event, ...args) => this.#emitter.emit(event, ...args),
      now: backend.now,
    });
    this.#addCredentialSecrets(resolved.credential);
    // sip.js logs its configuration, TURN servers included: their credentials are secrets too.
    for (const { credential } of resolved.iceServers) if (typeof credential === 'string') logger.addSecret(credential);
    const registry = new CallRegistry(ctx);
    // The transfer controller needs the lifecycle, and the lifecycle reports call milestones to it (it exists by the first call).
    const lifecycle = (this.#calls = new CallLifecycle(ctx, registry, this, () => ({
      onRefer: (live, transfer) => this.#transfers.onRefer(live, transfer),
      onAccepted: (live) => this.#transfers.onAccepted(live),
      onEnded: (live) => this.#transfers.onEnded(live),
      onVideoOffered: (live) => this.#video.onVideoOffered(live),
    })));
    this.#contacts = new ContactResolver(ctx, registry, lifecycle);
    this.#holds = new HoldController(ctx, registry, lifecycle);
    this.#controller = new CallController({
      ctx,
      registry,
      lifecycle,
      openMedia: (options) => backend.openMedia(options, this.deviceIds, resolved),
      contacts: this.#contacts,
      holds: this.#holds,
      dial: (target, headers) => this.#registration.dial(target, headers),
    });
    this.#devices = new DeviceController(ctx, registry);
    this.#video = new VideoController(ctx, registry, lifecycle, this.#holds, () => backend.openMedia({ audio: false, video: true }, this.deviceIds, resolved));
    this.#dtmfSender = new DtmfSender(ctx, registry, lifecycle);
    this.#recording = new RecordingController(ctx, registry, lifecycle);
    this.#transfers = new TransferController(ctx, registry, lifecycle, this.#controller);
    this.#registration = backend.registration(ctx, resolved.credential, (sip) => this.#controller.incoming(sip));
    new CallRecovery(ctx, registry, lifecycle, this.#holds, this.#registration.link);
    backend.attach?.(registry, (callId, report) => lifecycle.reportQuality(callId, report));
  }

  // ── state views ──────────────────────────────────────────────────────

  /** True while the registrar holds a binding for this phone. */
  get isRegistered(): boolean {
    return this.store.getState().isRegistered;
  }

  /** Reconnect attempts allowed after a loss (`Infinity` when unlimited). */
  get reRegistryPhoneTimes(): number {
    return this.#ctx.config.reRegistryPhoneTimes;
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
      this.#ctx.logger.warn(`recordPermissions must be 0, 1 or 2; ignored ${String(value)}`);
      return;
    }
    if (this.#destroyed || value === this.store.getState().recordPermissions) return;
    this.#ctx.setState({ recordPermissions: value });
    this.#emitter.emit('recordPermissionsChange', value);
  }

  /** The call the user is on, or `null`. */
  get currentSessionID(): string | null {
    return this.store.getState().currentSessionID;
  }

  /** The {@link Session} of `currentSessionID`, or `null`. */
  get currentSession(): Session | null {
    const id = this.currentSessionID;
    return id === null ? null : this.getSession(id);
  }

  /** Live calls by call id, oldest first (a fresh Map on each read). */
  get sessions(): ReadonlyMap<string, Session> {
    return new Map(this.#calls.registry.list().map((live) => [live.callId, live.session]));
  }

  /** Inbound calls still ringing, oldest first. */
  get incomingList(): Session[] {
    return this.store
      .getState()
      .incomingIds.map((id) => this.#calls.registry.get(id)?.session)
      .filter((session): session is Session => session !== undefined);
  }

  /** True when `maxConcurrentCalls` calls are up (further calls are refused). */
  get isMaxCall(): boolean {
    return this.store.getState().isMaxCall;
  }

  // ── events ───────────────────────────────────────────────────────────

  /** Adds a listener. */
  on<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this {
    this.#emitter.on(event, listener);
    return this;
  }

  /** Removes a listener added with `on` or `once`. */
  off<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this {
    this.#emitter.off(event, listener);
    return this;
  }

  /** Adds a listener for the next occurrence only. */
  once<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this {
    this.#emitter.once(event, listener);
    return this;
  }

  /** Number of listeners, for one event or all (diagnostics and leak tests). */
  listenerCount(event?: keyof PhoneEventMap): number {
    return this.#emitter.listenerCount(event);
  }

  // ── registration ─────────────────────────────────────────────────────

  /**
   * Connects to the SIP server and registers. Progress arrives as
   * `connected`, `registered` or `registrationFailed`.
   *
   * @throws {@link PhoneDestroyedError} after `destroy()`.
   */
  start(): this {
    if (this.#destroyed) throw new PhoneDestroyedError('start');
    this.#registration.start();
    return this;
  }

  /**
   * Ends every call (BYE, CANCEL or 480), then unregisters and closes the
   * connection; `start()` connects again. Returns `false` when there was
   * nothing to disconnect.
   */
  disconnect(): boolean {
    if (this.#destroyed) return false;
    // Idle between a reRegister() and its new registration: stopping then cancels that registration.
    const idle = this.store.getState().transport === 'idle';
    this.#controller.endAll(false);
    void this.#registration.stop();
    return !idle;
  }

  /**
   * Ends every call, then registers again as `authorizationUser` with the
   * credential `ha1` (MD5 of `user:realm:password`). The user becomes the
   * phone's extension.
   *
   * @returns `this`, or a `REGISTRY_FAILED` result when an argument is invalid.
   */
  reRegister(authorizationUser: string, ha1: string): this | Result {
    if (this.#destroyed) return result('REGISTRY_FAILED', 'phone destroyed');
    if (typeof authorizationUser !== 'string' || !SIP_USER.test(authorizationUser)) {
      return result('REGISTRY_FAILED', 'authorizationUser is not a SIP user');
    }
    if (typeof ha1 !== 'string' || !HA1.test(ha1)) return result('REGISTRY_FAILED', 'ha1 must be 32 hexadecimal digits');
    this.#controller.endAll(false);
    const credential = { type: 'ha1', ha1: ha1.toLowerCase() } as const;
    this.#addCredentialSecrets(credential);
    const identity = { ...this.store.getState().identity, extension: authorizationUser, authorizationUser };
    void this.#registration.replaceCredential(identity, credential);
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
   * reported by the session's events. A media or connection error is also
   * the store's `lastError`.
   */
  call(number: string, options?: CallOptions, transferId?: string): Promise<Result> {
    return this.#noteFailure(this.#controller.call(number, options, transferId));
  }

  /** Answers a ringing inbound call; a media error keeps it ringing (and is the store's `lastError`). */
  answer(callId: string, options?: CallOptions): Promise<Result> {
    return this.#noteFailure(this.#controller.answer(callId, options));
  }

  /**
   * Writes a failure of the phone's surroundings (media devices, the
   * connection: see {@link LAST_ERROR_CODES}) from `call()`/`answer()` to
   * `lastError` before the caller sees it. A command refused for its
   * arguments or the calls' state changes nothing.
   */
  async #noteFailure(outcome: Promise<Result>): Promise<Result> {
    const answer = await outcome;
    if (LAST_ERROR_CODES.has(answer.code) && !this.store.getState().destroyed) this.#ctx.setState({ lastError: answer });
    return answer;
  }

  /** Rejects a ringing inbound call with 486 Busy Here. */
  reject(callId: string): boolean {
    return this.#controller.reject(callId);
  }

  /** Hangs up: CANCEL before an answer, BYE after; a ringing inbound call is rejected. */
  hangup(callId: string): boolean {
    return this.#controller.hangup(callId);
  }

  /** Ends a call: `'reject'` rejects, `'hangup'` and `'terminate'` hang up whatever the state. */
  terminate(callId: string, type: TerminateType = 'terminate'): boolean {
    // Any other value (untyped callers) is refused.
    return type === 'reject' ? this.#controller.reject(callId) : (type === 'hangup' || type === 'terminate') && this.#controller.hangup(callId);
  }

  /** Transfers a talking call to `number` (REFER); the call ends when the transfer succeeds. */
  blindTransfer(callId: string, number: string): boolean {
    return this.#transfers.blind(callId, number);
  }

  /** Holds `callId` and calls `number` for consultation; same as `call(number, {}, callId)`. */
  attendedTransfer(callId: string, number: string): boolean {
    return this.#transfers.attended(callId, number);
  }

  /** Joins the parent's far end to the consultation target (REFER with Replaces); both local legs end. */
  completeTransfer(consultCallId: string): boolean {
    return this.#transfers.complete(consultCallId);
  }

  /** Puts the far end on hold (re-INVITE `sendonly`); `isHold` follows the answer. */
  hold(callId: string): boolean {
    return this.#holds.request(callId, true);
  }

  /** Takes the far end off hold (re-INVITE `sendrecv`). */
  unhold(callId: string): boolean {
    return this.#holds.request(callId, false);
  }

  /** Sends DTMF digits (`0-9 * # A-D`). */
  dtmf(callId: string, digits: string): boolean {
    return this.#dtmfSender.send(callId, digits);
  }

  /** Disables the local audio track (no signalling). */
  mute(callId: string): boolean {
    return this.#controller.mute(callId, true);
  }

  /** Enables the local audio track again. */
  unmute(callId: string): boolean {
    return this.#controller.mute(callId, false);
  }

  /** Starts (permission 2) or resumes (permission 1) recording: INFO `Record: on`. */
  startRecord(callId: string): boolean {
    return this.#recording.start(callId);
  }

  /** Pauses recording (permission 1 or 2): INFO `Record: off`. */
  pauseRecord(callId: string): boolean {
    return this.#recording.pause(callId);
  }

  /** The session of `callId`, or `null`. */
  getSession(callId: string): Session | null {
    return this.#calls.registry.get(callId)?.session ?? null;
  }

  /** Every live session, oldest first. */
  getSessions(): Session[] {
    return this.#calls.registry.list().map((live) => live.session);
  }

  /** Makes `callId` the current call. */
  setCurrentSession(callId: string): boolean {
    return this.#calls.registry.setCurrent(callId);
  }

  /** The current session, or `null`. */
  getCurrentSession(): Session | null {
    return this.currentSession;
  }

  /**
   * Turns do-not-disturb on or off (store `doNotDisturb`). While on, an
   * incoming call is refused with `dndResponseCode` (default 486 Busy Here)
   * before anything else is sent (no 180, no `incoming`, no store entry) and
   * reported by `incomingRefused`. Calls already up are not touched.
   *
   * @returns `false` for a value that is not a boolean, or after `destroy()`.
   */
  setDoNotDisturb(on: boolean): boolean {
    if (typeof on !== 'boolean') {
      this.#ctx.logger.warn(`setDoNotDisturb takes a boolean; ignored ${typeof on}`);
      return false;
    }
    if (this.#destroyed) return false;
    if (on !== this.store.getState().doNotDisturb) this.#ctx.setState({ doNotDisturb: on });
    return true;
  }

  /**
   * Sets when incoming calls are answered by the phone itself (store
   * `autoAnswer`, initially the config's): `'never'`, `'when-requested'`
   * (the INVITE asks through `Call-Info …;answer-after=N`, `Alert-Info
   * …;info=alert-autoanswer` or `Answer-Mode: Auto`) or `'always'`. Applies
   * to calls that arrive from now on, and to a requested delay still running.
   *
   * @returns `false` for any other value, or after `destroy()`.
   */
  setAutoAnswer(mode: AutoAnswerMode): boolean {
    if (!AUTO_ANSWER_MODES.includes(mode)) {
      this.#ctx.logger.warn(`setAutoAnswer takes ${AUTO_ANSWER_MODES.join(', ')}; ignored ${String(mode)}`);
      return false;
    }
    if (this.#destroyed) return false;
    if (mode !== this.store.getState().autoAnswer) this.#ctx.setState({ autoAnswer: mode });
    return true;
  }

  /**
   * Chooses the devices (store `deviceIds`), merged with the current choice;
   * a field given as `undefined` goes back to the browser default.
   *
   * @remarks
   * A new `microphoneId` takes effect at once in calls in progress: the new
   * microphone is opened and swapped in with `RTCRtpSender.replaceTrack` (a
   * new `cameraId` likewise in calls that send video), so
   * there is no re-INVITE and mute/hold stay as they were. Later calls open
   * the chosen devices. `ringerDeviceId` and `speakerId` are output devices
   * for the UI (`setSinkId`); browsers that hide outputs are not asked about
   * them. When a chosen device is unplugged the phone falls back to the
   * default one and emits `deviceFallback`.
   *
   * @returns `PHONE_SUCCESS` (200); `NOT_FOUND_AUDIO_INPUT_DEVICE` (-290) or
   * `NOT_FOUND_VIDEO_INPUT_DEVICE` (-291) when the device list lacks the
   * microphone or camera, `GET_LOCAL_MEDIA_INFO_ERROR` (-206) when the list
   * cannot be read, a getUserMedia error (-202, -203, -290) when the new
   * microphone cannot be opened for a live call, `UNKNOWN_ERROR` (-200) for
   * an invalid argument or after `destroy()`. On any error nothing changes.
   */
  setDeviceIds(ids: Partial<DeviceIds>): Promise<Result> {
    return this.#devices.set(ids);
  }

  /**
   * Adds video to a talking audio call: opens the camera of
   * `deviceIds.cameraId` and sends a re-INVITE offering video (glare and
   * Retry-After handled as for hold).
   *
   * @returns once the far end's final answer is in: `PHONE_SUCCESS` (200)
   * with video flowing (`isVideo` true); `VIDEO_CHANGE_REFUSED` (-213) when
   * the far end refused the re-INVITE or answered without video;
   * `NOT_FOUND_VIDEO_INPUT_DEVICE` (-291) or another media error when the
   * camera cannot be opened (nothing is sent); `NOT_FOUND_CALL_ID`; or
   * `UNKNOWN_ERROR` when the call is not talking, a video change is under
   * way, or the re-INVITE failed otherwise. 200 at once when the call
   * already has video.
   */
  audioToVideo(callId: string): Promise<Result> {
    return this.#video.change(callId, true);
  }

  /**
   * Drops the video of a talking video call: a re-INVITE with video port 0
   * (the far end cannot refuse it) and the camera is released.
   *
   * @returns once answered: `PHONE_SUCCESS` (200), `NOT_FOUND_CALL_ID`, or
   * `UNKNOWN_ERROR`. 200 at once when the call has no video.
   */
  videoToAudio(callId: string): Promise<Result> {
    return this.#video.change(callId, false);
  }

  /**
   * Answers the far end's request to add video (session event
   * `videoChangeRequest`): `true` opens the camera and accepts (both sides
   * then send video), `false` declines (the video stream is answered with
   * port 0). Unanswered, the request is declined after 30 s.
   *
   * @returns `PHONE_SUCCESS` once answered; a media error (-291, -202...)
   * when the camera cannot be opened (the request is then declined);
   * `NOT_FOUND_CALL_ID`; `UNKNOWN_ERROR` when no request is waiting.
   */
  agreeChangeVideo(callId: string, accept: boolean): Promise<Result> {
    return this.#video.agree(callId, accept);
  }

  /** Sets name, avatar or company of a call; `manual` stops `resolveContact` from overwriting them. */
  setSessionStaticStatus(callId: string, status: Partial<StaticCallStatus>, manual?: boolean): boolean {
    return this.#contacts.set(callId, status, manual);
  }

  /**
   * Ends everything: ends every call (their `ended`/`failed` and
   * `deleteSession` events still fire), unregisters, closes the socket,
   * stops timers, removes every listener (window listeners included).
   * Idempotent.
   */
  destroy(): void {
    if (this.#destroyed) return;
    this.#controller.endAll(true);
    this.#devices.destroy();
    this.#emitter.close();
    this.#ctx.setState({ destroyed: true });
    this.#teardown = this.#registration.destroy().catch((error: unknown) => {
      this.#ctx.logger.error(`destroy: ${errorMessage(error)}`);
    });
  }

  /**
   * Resolves once `destroy()` has finished closing the connection; resolves
   * at once for a phone that is not destroyed. The phone is unusable from the
   * `destroy()` call on; this only tells when the socket is gone.
   */
  whenDestroyed(): Promise<void> {
    return this.#teardown ?? Promise.resolve();
  }

  get #destroyed(): boolean {
    return this.#emitter.closed;
  }

  #addCredentialSecrets(credential: ResolvedPhoneConfig['credential']): void {
    this.#ctx.logger.addSecret(credential.type === 'password' ? credential.password : credential.ha1);
  }
}

/** Creates a {@link PhoneOperator}; same as `new PhoneOperator(config)`. */
export function createPhone(config: PhoneConfig): PhoneOperator {
  return new PhoneOperator(config);
}
