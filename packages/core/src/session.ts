import type { CallPatch, CallRegistry } from './call-registry.js';
import type { AppCallStatus, CallRecord, CallReport, CallStatus, TimerType } from './call-status.js';
import { isHeaderName } from './call-headers.js';
import { pickStaticStatus } from './static-status.js';
import { computeTimer } from './call-timer.js';
import { errorMessage } from './errors.js';
import type { LiveCall } from './live-call.js';
import { CALL_COMMANDS, type CallCommands, type PhoneCallCommands } from './call-commands.js';
import type { PhoneApi, SessionApi, SessionEventMap } from './phone-api.js';
import type { PhoneContext } from './phone-context.js';
import { TypedEmitter, type Listener } from './typed-emitter.js';

/** What a {@link Session} forwards to: the phone's call commands, and its ringing calls. */
export type SessionActions = PhoneCallCommands & Pick<PhoneApi, 'incomingList'>;

/** What a {@link Session} reads from its phone (the call lifecycle provides it). Internal. */
export interface SessionHost {
  readonly ctx: PhoneContext;
  /** The phone, whose per-call methods the session forwards to. */
  readonly phone: SessionActions;
  readonly registry: Pick<CallRegistry, 'get' | 'record'>;
  /** Writes fields of a live call (the operator is the only store writer). */
  update(live: LiveCall, patch: CallPatch): boolean;
}

/**
 * One call: a façade over the phone's store and call methods.
 *
 * @remarks
 * State is read from `phone.store` on every access, so a Session never
 * holds a stale copy while its call is live. After the call ended it keeps
 * the last status and its frozen timer, so an `ended` listener can still
 * read them. Its listeners are dropped right after `ended`/`failed`.
 *
 * @example
 * ```ts
 * phone.on('incoming', ({ session }) => {
 *   session.on('confirmed', () => console.log('talking to', session.status.number));
 *   void session.answer();
 * });
 * ```
 */
// The call commands are added to the prototype from their one definition (see the static block).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging,@typescript-eslint/no-empty-object-type -- the merged interface declares those commands
export interface Session extends CallCommands {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class Session implements SessionApi {
  static {
    for (const name in CALL_COMMANDS) {
      const method = CALL_COMMANDS[name as keyof CallCommands];
      (Session.prototype as unknown as Record<string, unknown>)[name] = function (this: Session, ...args: unknown[]) {
        return (this.#host.phone[method] as (callId: string, ...rest: unknown[]) => unknown)(this.callId, ...args);
      };
    }
  }

  readonly #host: SessionHost;
  readonly #header: (name: string) => string | undefined;
  readonly #emitter: TypedEmitter<SessionEventMap>;
  #lastRecord: CallRecord;
  #frozenAt: number | null = null;

  /** @internal Created by the phone only. */
  constructor(
    /** The call id (the SIP Call-ID of the dialog). */
    readonly callId: string,
    host: SessionHost,
    record: CallRecord,
    /** Reads a header of the call's INVITE or answer (its signalling's `header`). */
    header: (name: string) => string | undefined = () => undefined,
  ) {
    this.#host = host;
    this.#header = header;
    this.#lastRecord = record;
    this.#emitter = new TypedEmitter<SessionEventMap>((event, error) =>
      host.ctx.logger.error(`session "${String(event)}" listener threw: ${errorMessage(error)}`),
    );
  }

  get #live(): LiveCall | undefined {
    return this.#host.registry.get(this.callId);
  }

  get #record(): CallRecord {
    return (this.#lastRecord = this.#host.registry.record(this.callId) ?? this.#lastRecord);
  }

  /** The call's status (a copy of the store's). */
  get status(): CallStatus {
    return { ...this.#record.status };
  }

  /** Durations in seconds, computed now from the call's timestamps. */
  get timer(): TimerType {
    const record = this.#record;
    return computeTimer(record.status.communicationType, record.timestamps, this.#frozenAt ?? this.#host.ctx.now());
  }

  /** The latest quality report, or `null` before the first one. */
  get callReport(): CallReport | null {
    return this.#record.lastReport;
  }

  /** The microphone (and camera) stream sent to the far end. */
  get localStream(): MediaStream | null {
    const live = this.#live;
    return live?.localStream ?? live?.sip.media?.localMediaStream ?? null;
  }

  /** The far end's stream; attach it to an `<audio>`/`<video>` element to hear it. */
  get remoteStream(): MediaStream | null {
    return this.#live?.sip.media?.remoteMediaStream ?? null;
  }

  /**
   * A header of the call's initial INVITE (inbound) or of the 2xx that
   * answered it (outbound; `undefined` before): case-insensitive name,
   * repeated headers joined with `", "`, `undefined` when absent or when
   * `name` is not a header name. Still readable after the call ended. The
   * value is raw text from the wire.
   */
  getHeader(name: string): string | undefined {
    return isHeaderName(name) ? this.#header(name) : undefined;
  }

  /** The phone's inbound calls that are still ringing. */
  get incomingList(): SessionApi[] {
    return this.#host.phone.incomingList;
  }

  /** True once the call ended (or `destroy()` was called). */
  get isEnded(): boolean {
    return this.#emitter.closed || !this.#live;
  }

  /**
   * Changes the application's own fields of this live call: `isConference`
   * (a boolean) and `name`, `avatar`, `company` (strings); emits
   * `statusChange`. Every other field is the phone's and is ignored, so a
   * command never acts on a state the app made up.
   */
  setStatus(patch: Partial<AppCallStatus>): boolean {
    const live = this.#live;
    const status: Partial<CallStatus> = pickStaticStatus(patch);
    if (typeof patch?.isConference === 'boolean') status.isConference = patch.isConference;
    return live ? this.#host.update(live, { status }) : false;
  }

  /** Freezes `timer` at the current durations (done automatically when the call ends). */
  stopTimer(): void {
    this.#frozenAt ??= this.#host.ctx.now();
  }

  /** Ends the call if it is still up and drops every listener of this session. */
  destroy(): void {
    if (this.#emitter.closed) return;
    if (this.#live) this.terminate();
    this.dispose();
  }

  /** @internal Drops listeners after the final event. */
  dispose(): void {
    this.stopTimer();
    this.#emitter.close();
  }

  /** @internal Emits a session event (the phone writes the store first). */
  emit<K extends keyof SessionEventMap>(event: K, ...args: SessionEventMap[K]): void {
    this.#emitter.emit(event, ...args);
  }

  /** Adds a listener. */
  on<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap, K>): this {
    this.#emitter.on(event, listener);
    return this;
  }

  /** Removes a listener. */
  off<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap, K>): this {
    this.#emitter.off(event, listener);
    return this;
  }

  /** Adds a listener for the next occurrence only. */
  once<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap, K>): this {
    this.#emitter.once(event, listener);
    return this;
  }

  /** Number of listeners (diagnostics and leak tests). */
  listenerCount(event?: keyof SessionEventMap): number {
    return this.#emitter.listenerCount(event);
  }
}
