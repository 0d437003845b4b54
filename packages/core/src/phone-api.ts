import type { AutoAnswerMode } from './auto-answer.js';
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

/** Media wanted for a call (getUserMedia constraints; default audio only), and extra INVITE headers. */
export interface CallOptions {
  audio?: boolean | MediaTrackConstraints;
  /**
   * `call()`: offer video from the camera of `deviceIds.cameraId`.
   * `answer()`: answer a video offer with the camera (default: as offered);
   * `false` declines the offer's video stream (port 0), so neither side
   * sends video. No camera: `NOT_FOUND_VIDEO_INPUT_DEVICE` (-291), and no call.
   */
  video?: boolean | MediaTrackConstraints;
  /**
   * `call()` only (`answer()` ignores it): extra headers for the INVITE, e.g.
   * `{ 'X-Ticket': '4711', 'Call-Info': '<sip:pbx>;answer-after=0' }`.
   * Names must be tokens not written by the SIP stack (`Via`, `From`, `To`,
   * `Call-ID`, `CSeq`, `Contact`, `Route`, `Content-…`, `Authorization`,
   * `Require`, `Supported`, `Allow`…), values strings of at most 256
   * characters without CR, LF, NUL or other control characters, at most 16
   * headers; otherwise `call()` resolves with `INVALID_HEADER` (-212) and
   * sends nothing.
   */
  headers?: Record<string, string>;
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
  /**
   * The far end asks to add video to this audio call (a re-INVITE with
   * video). Answer with `agreeChangeVideo(accept)`; unanswered, the phone
   * declines at `deadline` (epoch ms, 30 s after the request) and the call
   * stays audio-only. The call's record shows the request
   * (`videoChange.status` `'requested-by-remote'`) until then.
   */
  videoChangeRequest: [event: { callId: string; deadline: number }];
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
  /**
   * A header of the call's initial INVITE (inbound: e.g. an `X-Ticket` or
   * `Call-Info` the PBX added, to pop the right customer record on ring) or
   * of the 2xx that answered it (outbound; `undefined` before the answer).
   * The name is case-insensitive; repeated headers come back joined with
   * `", "`; an absent header (or a name that is not a token) is `undefined`.
   * The value is the raw text from the wire: treat it as untrusted input.
   */
  getHeader(name: string): string | undefined;
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
  /**
   * Turns do-not-disturb on or off (store `doNotDisturb`): while on, incoming
   * calls are refused with `dndResponseCode` (default 486) without ringing
   * and reported by `incomingRefused`. `false` for a non-boolean.
   */
  setDoNotDisturb(on: boolean): boolean;
  /**
   * Sets when incoming calls are answered by the phone itself (store
   * `autoAnswer`): `'never'`, `'when-requested'` or `'always'`. `false` for
   * any other value.
   */
  setAutoAnswer(mode: AutoAnswerMode): boolean;
  /**
   * Chooses devices, merged with the current `deviceIds` (an explicit
   * `undefined` goes back to the default device). A new microphone is
   * switched into calls in progress, and a new camera into calls sending
   * video, without renegotiation (`replaceTrack`); later calls use them. A missing microphone answers `-290`, a missing camera `-291`, and
   * then nothing changes.
   */
  setDeviceIds(ids: Partial<DeviceIds>): Promise<Result>;
}
