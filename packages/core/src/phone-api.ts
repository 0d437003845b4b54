import type { CallEndCause } from './call-causes.js';
import type { CallCommands, PhoneCallCommands } from './call-commands.js';
import type { CallReport, CallStatus, CommunicationType, StaticCallStatus, TimerType } from './call-status.js';
import type { DeviceIds, RecordPermissions } from './config.js';
import type { PhoneEventMap } from './phone-events.js';
import type { PhoneState } from './phone-state.js';
import type { ReadonlyStore } from './readonly-store.js';
import type { Result } from './result.js';
import type { Listener } from './typed-emitter.js';
import type { QualityWarning } from './quality-warnings.js';

/** Media wanted for a call (getUserMedia constraints). Default: audio only. */
export interface CallOptions {
  audio?: boolean | MediaTrackConstraints;
  video?: boolean | MediaTrackConstraints;
}

/** How `terminate` ends a call. */
export type TerminateType = 'hangup' | 'reject' | 'terminate';

/** The events of one call, each with its listener arguments. */
export interface SessionEventMap {
  /** 200 OK sent or received. */
  accepted: [event: { callId: string }];
  /** ACK: the call is talking. */
  confirmed: [event: { callId: string }];
  /** An established call ended (BYE, or hung up here). */
  ended: [event: { callId: string; cause: CallEndCause }];
  /** The call never got established (`code` is the SIP status: 404, 480, 486, 487, 603...). */
  failed: [event: { callId: string; cause: CallEndCause; code: number }];
  /** Something the user asked for failed (hold refused, INFO rejected...); the call goes on. */
  clientError: [event: { callId: string; cause: string }];
  /** The far end re-negotiated the session (re-INVITE). */
  reinvite: [event: { callId: string }];
  /** The remote stream is available. */
  streamAdded: [event: { callId: string; communicationType: CommunicationType; stream: MediaStream }];
  /** The call's status changed. */
  statusChange: [next: CallStatus, previous: CallStatus];
  /** Name, avatar or company changed. */
  staticStatusChange: [next: StaticCallStatus, previous: StaticCallStatus];
  /** A quality report (every 3 s while talking). */
  callReport: [event: { callId: string; callReport: CallReport }];
  /**
   * A quality metric crossed its threshold (`config.qualityThresholds`), or
   * audio stopped flowing one way while the call is neither held nor muted.
   * Emitted after the `callReport` that raised it, once the record's
   * `qualityWarnings` lists `name`.
   */
  qualityWarning: [event: QualityWarning];
  /** A warning raised by `qualityWarning` no longer holds (`value` is the metric now). */
  qualityWarningCleared: [event: QualityWarning];
  /** A DTMF digit the far end sent by SIP INFO. */
  dtmf: [event: { callId: string; digit: string }];
  /**
   * The far end sent SIP INFO with `Record: on` / `Record: off` (answered
   * 200). PBXs consume these; a phone only reports them, e.g. for a
   * "the other side is recording" hint.
   */
  recordInfo: [event: { callId: string; record: 'on' | 'off' }];
}

/**
 * One call, as applications use it. Implemented by `Session`, and by the
 * scripted phone of `@webphone/core/testing`.
 */
export interface SessionApi extends CallCommands {
  readonly callId: string;
  /** The call's status (a copy of the store's). */
  readonly status: CallStatus;
  /** Durations in seconds, computed from timestamps when read. */
  readonly timer: TimerType;
  /** The latest quality report, or `null` before the first one. */
  readonly callReport: CallReport | null;
  readonly localStream: MediaStream | null;
  readonly remoteStream: MediaStream | null;
  on<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap, K>): this;
  off<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap, K>): this;
  once<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap, K>): this;
}

/**
 * A phone, as applications use it: the public surface of `PhoneOperator`,
 * also implemented by the scripted phone of `@webphone/core/testing`.
 * `@webphone/react` accepts anything that implements it.
 */
export interface PhoneApi extends PhoneCallCommands {
  readonly store: ReadonlyStore<PhoneState>;
  readonly isRegistered: boolean;
  readonly currentSessionID: string | null;
  readonly currentSession: SessionApi | null;
  readonly sessions: ReadonlyMap<string, SessionApi>;
  readonly incomingList: SessionApi[];
  readonly isMaxCall: boolean;
  readonly reRegistryPhoneTimes: number;
  readonly deviceIds: DeviceIds;
  recordPermissions: RecordPermissions;

  on<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this;
  off<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this;
  once<K extends keyof PhoneEventMap>(event: K, listener: Listener<PhoneEventMap, K>): this;

  start(): this;
  disconnect(): boolean;
  reRegister(authorizationUser: string, ha1: string): this | Result;
  destroy(): void;

  /**
   * Places a call; with `transferId` it is the consultation leg of an
   * attended transfer of that call (which is held first).
   */
  call(number: string, options?: CallOptions, transferId?: string): Promise<Result>;
  getSession(callId: string): SessionApi | null;
  getSessions(): SessionApi[];
  setCurrentSession(callId: string): boolean;
  getCurrentSession(): SessionApi | null;
}
