import type { CallReport, CallStatus, StaticCallStatus, TimerType } from '../call-status.js';
import type { CallOptions, PhoneApi, SessionApi, SessionEventMap, TerminateType } from '../phone-api.js';
import type { Result } from '../result.js';
import { TypedEmitter, type Listener } from '../typed-emitter.js';
import { timerOf } from './scripted-calls.js';

/** What a scripted session needs from its phone. */
export interface ScriptedSessionHost {
  readonly phone: PhoneApi;
  now(): number;
}

/**
 * One call of a {@link ScriptedPhone}: the {@link SessionApi} of a call that
 * exists only in memory.
 *
 * @remarks
 * Testing helper. Every command delegates to the phone with this call's id,
 * so the phone's command log and guards apply. After the call ends, `status`
 * keeps the last state the call had.
 */
export class ScriptedSession implements SessionApi {
  /** @internal Emits this call's events; the phone drives it. */
  readonly emitter = new TypedEmitter<SessionEventMap>();
  private lastStatus: CallStatus;
  private stream: MediaStream | null = null;

  constructor(
    readonly callId: string,
    private readonly host: ScriptedSessionHost,
    initial: CallStatus,
  ) {
    this.lastStatus = initial;
  }

  private get record() {
    return this.host.phone.store.getState().calls[this.callId];
  }

  /** The call's status (a copy of the store's, or the last one once ended). */
  get status(): CallStatus {
    const record = this.record;
    if (record) this.lastStatus = record.status;
    return { ...this.lastStatus };
  }

  /** Durations in seconds at this moment; zeros once the call ended. */
  get timer(): TimerType {
    const record = this.record;
    if (!record) return { ringDuration: 0, callingDuration: 0, callDuration: 0, holdDuration: 0 };
    return timerOf(record.timestamps, record.status.communicationType, this.host.now());
  }

  /** The latest quality report given to `ScriptedPhone.reportQuality`. */
  get callReport(): CallReport | null {
    return this.record?.lastReport ?? null;
  }

  /** Always `null`: the scripted phone has no microphone. */
  get localStream(): MediaStream | null {
    return null;
  }

  /** The stream given to `ScriptedPhone.setRemoteStream`, or `null`. */
  get remoteStream(): MediaStream | null {
    return this.stream;
  }

  /** @internal Keeps the status a call had when it ended. */
  remember(status: CallStatus): void {
    this.lastStatus = status;
  }

  /** @internal Set by the phone's `setRemoteStream`. */
  setRemoteStream(stream: MediaStream | null): void {
    this.stream = stream;
  }

  answer(options?: CallOptions): Promise<Result> {
    return this.host.phone.answer(this.callId, options);
  }
  reject(): boolean {
    return this.host.phone.reject(this.callId);
  }
  hangup(): boolean {
    return this.host.phone.hangup(this.callId);
  }
  blindTransfer(number: string): boolean {
    return this.host.phone.blindTransfer(this.callId, number);
  }
  attendedTransfer(number: string): boolean {
    return this.host.phone.attendedTransfer(this.callId, number);
  }
  hold(): boolean {
    return this.host.phone.hold(this.callId);
  }
  unhold(): boolean {
    return this.host.phone.unhold(this.callId);
  }
  dtmf(digits: string): boolean {
    return this.host.phone.dtmf(this.callId, digits);
  }
  mute(): boolean {
    return this.host.phone.mute(this.callId);
  }
  unmute(): boolean {
    return this.host.phone.unmute(this.callId);
  }
  startRecord(): boolean {
    return this.host.phone.startRecord(this.callId);
  }
  pauseRecord(): boolean {
    return this.host.phone.pauseRecord(this.callId);
  }
  terminate(type?: TerminateType): boolean {
    return this.host.phone.terminate(this.callId, type);
  }
  setStaticStatus(status: Partial<StaticCallStatus>, manual?: boolean): boolean {
    return this.host.phone.setSessionStaticStatus(this.callId, status, manual);
  }

  on<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap, K>): this {
    this.emitter.on(event, listener);
    return this;
  }
  off<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap, K>): this {
    this.emitter.off(event, listener);
    return this;
  }
  once<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap, K>): this {
    this.emitter.once(event, listener);
    return this;
  }
}
