import { CALL_COMMANDS } from '../call-commands.js';
import type { CallReport, MediaQuality } from '../call-status.js';
import type { RecordPermissions } from '../config.js';
import { PhoneOperator } from '../phone-operator.js';
import { result, type Result } from '../result.js';
import { dtmfRelayBody } from '../sip/info-parsers.js';
import type { ScriptedCall } from './scripted-call.js';
import { ScriptedNetwork } from './scripted-network.js';
import type { IncomingCaller, LoggedCommandName, RefusedCall, ScriptedCommand, ScriptedPhoneOptions } from './scripted-types.js';

/** Commands logged besides the call commands. */
const PHONE_COMMANDS = [
  'start',
  'disconnect',
  'reRegister',
  'destroy',
  'call',
  'setCurrentSession',
  'setDoNotDisturb',
  'setAutoAnswer',
  'setDeviceIds',
] as const satisfies readonly LoggedCommandName[];

/**
 * A phone for tests and stories: the real `PhoneOperator`, running on an
 * in-memory network instead of a SIP server, with no media.
 *
 * @remarks
 * Testing helper, shipped as `@webphone/core/testing`; the product never
 * uses it. Everything the phone decides (guards, results, end causes, call
 * records, timers, hold and transfer rules, events and their order) is the
 * real phone's own code; only the network is scripted, through
 * `register()`, `simulateIncoming()`, `remoteAnswer()`, `remoteHangup()`...
 * So, like the real phone, it applies what the far end must accept (hold,
 * recording, DTMF by INFO) a microtask after the command: await the command
 * or wait for the store. Every command is logged in
 * {@link ScriptedPhone.commands}.
 *
 * @example
 * ```ts
 * const phone = new ScriptedPhone({ registered: true });
 * const callId = phone.simulateIncoming({ number: '1002', name: 'Ada' });
 * await phone.answer(callId);
 * phone.remoteHangup(callId);
 * ```
 */
export class ScriptedPhone extends PhoneOperator {
  /** Every command called on this phone, oldest first (listeners and getters excluded). */
  readonly commands: ScriptedCommand[] = [];
  /** Incoming calls refused without being shown (call limit, `disableCallWaiting`). */
  readonly refusedIncoming: RefusedCall[] = [];
  readonly #network: ScriptedNetwork;

  constructor(options: ScriptedPhoneOptions = {}) {
    const network = new ScriptedNetwork(options);
    super(
      {
        server: 'wss://pbx.webphone.test/ws',
        password: 'scripted',
        extension: options.extension ?? '1001',
        domain: options.domain ?? 'webphone.test',
        logLevel: 'error',
        ...withoutScripting(options),
      },
      network,
    );
    this.#network = network;
    for (const name of [...Object.values(CALL_COMMANDS), ...PHONE_COMMANDS]) {
      const run = this[name] as (...args: unknown[]) => unknown;
      Object.defineProperty(this, name, {
        configurable: true,
        value: (...args: unknown[]) => {
          this.#log(name, args);
          return run.apply(this, args);
        },
      });
    }
    if (options.registered) network.registrar.register();
  }

  /** Recording permission: 0 none, 1 pause/resume, 2 start/pause/resume. Setting it is logged. */
  override get recordPermissions(): RecordPermissions {
    return super.recordPermissions;
  }
  override set recordPermissions(value: RecordPermissions) {
    this.#log('recordPermissions', [value]);
    super.recordPermissions = value;
  }

  /** The id of the latest outgoing call (`call()` also returns it in its result). */
  get lastCallId(): string | null {
    return this.#network.lastDialed;
  }

  // ── scripting: the registrar ─────────────────────────────────────────

  /**
   * The registrar accepts: transport `connected` (emits `connected` if it was
   * not), registration `registered` (emits `registered`, `isRegisteredChange`).
   * Called again while registered, it is a refresh.
   */
  register(): void {
    if (!this.#destroyed) this.#network.registrar.register();
  }

  /**
   * The registrar refuses (default `REGISTRY_FAILED: 403 Forbidden`). A
   * `RE_REGISTRY_MAX_LIMIT_TIMES` error also marks reconnecting as exhausted.
   */
  failRegistration(error: Result = result('REGISTRY_FAILED', '403 Forbidden'), statusCode?: number): void {
    if (!this.#destroyed) this.#network.registrar.fail(error, statusCode ?? (error.code === -201 ? 403 : undefined));
  }

  /**
   * The WebSocket drops: `disconnected`, unregistered, a reconnect attempt
   * scheduled. Calls of a registered phone start recovering (`isRecovering`).
   * `register()` brings the phone back, and each established call then sends
   * its recovery re-INVITE (see `sentRequests`, answered 200 unless queued
   * otherwise with `answerNextRequest`). `networkChanged`: the browser said
   * `online` during the loss, so that re-INVITE restarts ICE.
   */
  dropConnection(networkChanged = false): void {
    if (!this.#destroyed) this.#network.registrar.drop(networkChanged);
  }

  // ── scripting: the far ends ──────────────────────────────────────────

  /**
   * An INVITE arrives (with `caller.headers`, e.g. `Call-Info` asking for
   * auto-answer, read back by `session.getHeader`). Returns the new call's
   * id. A call the phone refuses without ringing (do-not-disturb, call
   * limit, `disableCallWaiting`) is never shown, emits `incomingRefused` and
   * is listed in {@link ScriptedPhone.refusedIncoming}.
   */
  simulateIncoming(caller: IncomingCaller): string {
    const replaced = caller.replaces === undefined ? undefined : this.#live(caller.replaces);
    const { domain } = this.store.getState().identity;
    const call = this.#network.invite(caller.number, caller.name ?? '', caller.isVideo ?? false, domain, caller.headers ?? {}, replaced);
    const callId = call.sipCallId;
    if (call.refusedWith !== null) {
      this.refusedIncoming.push({ callId, number: caller.number, code: call.refusedWith });
    } else if (caller.avatar !== undefined || caller.company !== undefined) {
      // Set without being logged: this is what the caller's details are, not a command.
      PhoneOperator.prototype.setSessionStaticStatus.call(this, callId, { avatar: caller.avatar, company: caller.company });
    }
    return callId;
  }

  /** 180 Ringing for an outgoing call (`isRing` becomes true). */
  remoteRinging(callId: string): boolean {
    return this.#live(callId)?.remoteProgress(180) ?? false;
  }

  /**
   * 183 Session Progress with SDP for an outgoing call: the far end's audio
   * (announcements, queue music) plays before the answer. The call stays
   * `calling` with `isRing` and `isEarlyMedia` true; given a `stream`, the
   * session's `remoteStream` is it and emits `streamAdded` with it.
   */
  remoteEarlyMedia(callId: string, stream?: MediaStream): boolean {
    return this.#live(callId)?.remoteProgress(183, true, stream) ?? false;
  }

  /**
   * The callee answers an outgoing call (200 OK with `headers`, read back by
   * `session.getHeader`; then the ACK unless `autoConfirm: false`). A call
   * placed with `{ video: true }` gets video unless `video` is false (the
   * callee declined the video stream).
   */
  remoteAnswer(callId: string, headers?: Readonly<Record<string, string>>, video = true): boolean {
    return this.#live(callId)?.remoteAnswer(headers, video) ?? false;
  }

  /** The far end answers the next offer adding video (`audioToVideo`) without it, so that resolves with -213. */
  declineNextVideo(callId: string): boolean {
    const call = this.#live(callId);
    call?.declineNextVideo();
    return call !== undefined;
  }

  /**
   * The far end's re-INVITE adds video to a talking audio call: the session
   * emits `videoChangeRequest`; resolves with whether the phone accepted
   * (`agreeChangeVideo(callId, true)`), or `false` once declined (by the app,
   * or after 30 s unanswered).
   */
  remoteAddVideo(callId: string): Promise<boolean> {
    return this.#live(callId)?.remoteAddVideo() ?? Promise.resolve(false);
  }

  /** The far end's re-INVITE drops video (port 0): `isVideo` becomes false, no consent asked. */
  remoteDropVideo(callId: string): boolean {
    return this.#live(callId)?.remoteDropVideo() ?? false;
  }

  /** The extra header lines (`'X-Ticket: 4711'`) the INVITE of an outgoing call carried, as sent. */
  inviteHeaders(callId: string): readonly string[] {
    return this.#network.calls.get(callId)?.inviteHeaders ?? [];
  }

  /** The ACK of an answered call arrives (with `autoConfirm: false`): `connecting` becomes `talking`. */
  remoteConfirm(callId: string): boolean {
    return this.#live(callId)?.remoteConfirm() ?? false;
  }

  /** The far end hangs up: BYE for an established call, CANCEL (487) for one still ringing. */
  remoteHangup(callId: string): boolean {
    return this.#live(callId)?.remoteHangup() ?? false;
  }

  /** The callee refuses an outgoing call with a final SIP status (default 486 Busy Here). */
  remoteReject(callId: string, code = 486): boolean {
    return this.#live(callId)?.remoteReject(code, '') ?? false;
  }

  /** The far end sends a DTMF digit by SIP INFO (session event `dtmf`). */
  remoteDtmf(callId: string, digit: string): boolean {
    return this.remoteInfo(callId, 'application/dtmf-relay', dtmfRelayBody(digit)) === 200;
  }

  /** The far end sends an INFO; returns the status the phone answered (0 when the call cannot take one). */
  remoteInfo(callId: string, contentType: string, body = '', headers: Readonly<Record<string, string>> = {}): number {
    return this.#live(callId)?.remoteInfo(contentType, body, headers) ?? 0;
  }

  /**
   * The far end answers the next in-dialog request the phone sends on this
   * call (re-INVITE, INFO, REFER) with `statusCode` instead of accepting it.
   */
  answerNextRequest(callId: string, statusCode: number, reason = '', retryAfterSeconds?: number): boolean {
    const call = this.#live(callId);
    call?.answerNext(statusCode, reason, retryAfterSeconds);
    return call !== undefined;
  }

  /** The in-dialog requests the phone sent on a call, oldest first. */
  sentRequests(callId: string): ScriptedCall['sent'] {
    return this.#network.calls.get(callId)?.sent ?? [];
  }

  /** The remote media arrives (session `remoteStream` and event `streamAdded`). */
  setRemoteStream(callId: string, stream: MediaStream): boolean {
    const call = this.#live(callId);
    const session = this.getSession(callId);
    if (!call || !session) return false;
    call.media.remoteMediaStream = stream;
    session.emit('streamAdded', { callId, communicationType: call.direction, stream });
    return true;
  }

  /**
   * A quality report arrives, as from the phone's own monitor: the call's
   * `lastReport`, session event `callReport`, and the quality warnings it
   * raises or clears (`qualityWarning`, the record's `qualityWarnings`).
   * Fields left out come from {@link ScriptedPhone.defaultReport} (a good
   * call), `audio` field by field: `{ audio: { rtt: 600 } }` twice raises
   * `high-rtt`.
   */
  reportQuality(callId: string, report: Partial<Omit<CallReport, 'audio'>> & { audio?: Partial<MediaQuality> } = {}): boolean {
    const base = this.defaultReport(callId);
    return this.#network.reportQuality(callId, { ...base, ...report, audio: { ...base.audio, ...report.audio }, callId });
  }

  /**
   * The transfer target answered: the NOTIFY of the REFER sent on this call
   * (or, for a consultation leg, on its parent) reports 200, and the phone
   * ends the transferred legs.
   */
  acceptTransfer(callId: string): boolean {
    return this.#notify(callId, 200);
  }

  /** The transfer target refused (NOTIFY with `code`, default 603): the transfer fails and the calls go on. */
  failTransfer(callId: string, code = 603): boolean {
    return this.#notify(callId, code);
  }

  /** The call's timer now (same as `getSession(id).timer`), or `null` for an unknown call. */
  timerOf(callId: string) {
    return this.getSession(callId)?.timer ?? null;
  }

  /** A quality report of a good call at the phone's clock: audio packets both ways at 50 a second since the answer. */
  defaultReport(callId: string): CallReport {
    const now = this.#network.now();
    const answeredAt = this.store.getState().calls[callId]?.timestamps.answeredAt || now;
    const packets = 150 + Math.round(Math.max(0, now - answeredAt) / 20);
    const audio = {
      codec: 'opus',
      packetsReceived: packets,
      packetsSent: packets,
      packetsLost: 0,
      lossRatio: 0,
      jitter: 2,
      jitterAvg: 2,
      jitterMax: 4,
      rtt: 1,
    };
    return { callId, timestamp: now, date: new Date(now).toISOString(), candidateType: 'host', audio, video: null, mos: 4.4 };
  }

  #notify(callId: string, code: number): boolean {
    const parentId = this.getSession(callId)?.status.transferParent?.callId;
    const own = this.#live(callId);
    const call = own?.referPending ? own : parentId === undefined ? undefined : this.#live(parentId);
    return call?.remoteNotify(code) ?? false;
  }

  /** The signalling of a call the phone still has. */
  #live(callId: string): ScriptedCall | undefined {
    return this.getSession(callId) ? this.#network.calls.get(callId) : undefined;
  }

  get #destroyed(): boolean {
    return this.store.getState().destroyed;
  }

  #log(name: ScriptedCommand['name'], args: readonly unknown[]): void {
    let end = args.length;
    while (end > 0 && args[end - 1] === undefined) end -= 1;
    this.commands.push({ name, args: args.slice(0, end) } as ScriptedCommand);
  }
}

/** The options that are phone config, without the scripting ones. */
function withoutScripting(options: ScriptedPhoneOptions): Omit<ScriptedPhoneOptions, 'registered' | 'autoRegister' | 'autoConfirm' | 'now'> {
  const { registered: _registered, autoRegister: _autoRegister, autoConfirm: _autoConfirm, now: _now, ...config } = options;
  return config;
}
