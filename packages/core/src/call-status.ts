import type { CallEndCause } from './call-causes.js';
import type { QualityWarningName } from './quality-thresholds.js';

/** Caller details that may be filled by `resolveContact` or set by the app. */
export interface StaticCallStatus {
  name: string;
  avatar: string;
  company: string;
}

/** Who placed the call. */
export type CommunicationType = 'outbound' | 'inbound';

/**
 * Phase of a call.
 *
 * ```
 *  outbound: calling ──200 OK──▶ connecting ──ACK──▶ talking
 *  inbound:  ringing ──answer()─▶ connecting ──ACK──▶ talking
 * ```
 */
export type CallPhase = 'ringing' | 'calling' | 'connecting' | 'talking';

/** Recording state as the PBX last confirmed it. */
export type RecordStatus = 'stop' | 'recording' | 'pause';

/** The call an attended-transfer consultation leg belongs to. */
export interface TransferParent {
  callId: string;
  name: string;
  avatar: string;
  number: string;
  callDuration: number;
  holdDuration: number;
}

/** The plain state of one call, as the contract names it. */
export interface CallStatus extends StaticCallStatus {
  number: string;
  callId: string;
  communicationType: CommunicationType;
  isVideo: boolean;
  isRing: boolean;
  isHold: boolean;
  isMute: boolean;
  callStatus: CallPhase;
  /** When the call was answered (epoch ms); 0 before. */
  callStartTime: number;
  recordStatus: RecordStatus;
  /** True for the consultation leg of an attended transfer. */
  isTransfer: boolean;
  transferParent?: TransferParent;
  isConference: boolean;
  /**
   * True while the call's signalling is being recovered after the phone lost
   * its connection: from the loss until the far end answered the phone's
   * re-INVITE on the new connection. The call ends with `connection-lost` if
   * that does not happen within `reconnect.callRecoveryMs`.
   */
  isRecovering: boolean;
  /**
   * True for an inbound call the phone answered by itself (`autoAnswer`),
   * from the moment it started answering; false when the user answered.
   */
  isAutoAnswered: boolean;
  /**
   * True for an outbound call while the far end's early media plays: from a
   * provisional response with SDP (183 Session Progress, RFC 3960) until the
   * answer. `callStatus` stays `'calling'` and `isRing` is true meanwhile.
   */
  isEarlyMedia: boolean;
}

/** The fields of a {@link CallStatus} an application may set (`Session.setStatus`); the rest is the phone's. */
export type AppCallStatus = StaticCallStatus & Pick<CallStatus, 'isConference'>;

/** Durations of a call in seconds, derived from its timestamps when read. */
export interface TimerType {
  ringDuration: number;
  callingDuration: number;
  callDuration: number;
  holdDuration: number;
}

/**
 * When things happened in a call (epoch ms). Durations are derived from
 * these; nothing writes the store once a second.
 */
export interface CallTimestamps {
  /** The call was created (INVITE sent or received). */
  createdAt: number;
  /** The call was answered; 0 before. */
  answeredAt: number;
  /** The current hold started; 0 when not on hold. */
  holdStartedAt: number;
  /** Total of completed holds, in ms. */
  heldMs: number;
}

/** Progress of a transfer started from this call. */
export type TransferState =
  | { readonly status: 'idle' }
  | { readonly status: 'blind-pending'; readonly target: string }
  | { readonly status: 'attended-consulting'; readonly consultCallId: string; readonly target: string }
  | { readonly status: 'completing'; readonly target: string }
  | { readonly status: 'failed'; readonly target: string; readonly reason: string };

/** A call quality report, produced every 3 s while talking. */
export interface CallReport {
  callId: string;
  /** Epoch ms of the sample. */
  timestamp: number;
  /** ISO date of the sample. */
  date: string;
  /** ICE candidate type of the selected pair (local side). */
  candidateType: 'host' | 'srflx' | 'prflx' | 'relay' | 'unknown';
  audio: MediaQuality;
  /** Video figures while video flows (the call's video was negotiated and packets moved), else `null`. */
  video: VideoQuality | null;
  /** Estimated MOS (1–4.5) from the E-model, from this sample's RTT and jitter and the audio loss since the previous sample. */
  mos: number;
}

/** Packet statistics of one media kind. */
export interface MediaQuality {
  codec: string;
  packetsReceived: number;
  packetsSent: number;
  packetsLost: number;
  /** lost / (lost + received), 6 decimals. */
  lossRatio: number;
  /** Jitter of this sample, in ms (the worst incoming stream of the kind). */
  jitter: number;
  /** Mean and maximum jitter over the call so far, in ms. */
  jitterAvg: number;
  jitterMax: number;
  /** Round-trip time in ms, when known. */
  rtt: number | null;
}

/** Packet statistics of the video stream, with the picture the far end's video arrives in. */
export interface VideoQuality extends MediaQuality {
  /** Frames per second decoded from the far end (or, when none arrives, sent to it); 0 when unknown. */
  frameRate: number;
  /** Width and height in pixels of the received picture (or, when none arrives, of the sent one); 0 when unknown. */
  frameWidth: number;
  frameHeight: number;
}

/**
 * A switch between audio and video on a live call, while one is under way.
 *
 * ```
 *  idle ──audioToVideo()/videoToAudio()──▶ requesting ──far end's final answer──▶ idle
 *  idle ──far end's re-INVITE adds video──▶ requested-by-remote ──agreeChangeVideo() or deadline──▶ idle
 * ```
 */
export type VideoChangeState =
  | { readonly status: 'idle' }
  /** This phone's re-INVITE asking for `video` (true: add, false: drop) waits for the far end. */
  | { readonly status: 'requesting'; readonly video: boolean }
  /** The far end asks to add video; unanswered, the phone declines at `deadline` (epoch ms). */
  | { readonly status: 'requested-by-remote'; readonly deadline: number };

/** Why a call ended, as plain data. */
export interface CallEnd {
  /** Why the call ended. */
  cause: CallEndCause;
  /** SIP status code for a failed call (404, 486...), when there was one. */
  code?: number;
}

/** Everything the store keeps about one live call. */
export interface CallRecord {
  readonly status: CallStatus;
  readonly timestamps: CallTimestamps;
  readonly transfer: TransferState;
  /** True when the app set name/avatar/company manually. */
  readonly manualStaticStatus: boolean;
  readonly lastReport: CallReport | null;
  /**
   * The hold state the user asked for (`hold()` true, `unhold()` false) that
   * the far end has not accepted yet, or `null`. During a connection loss it
   * stays set until the connection is back and the re-INVITE is answered.
   */
  readonly pendingHold: boolean | null;
  /**
   * The quality warnings active on the call (session events
   * `qualityWarning` / `qualityWarningCleared`), in a fixed order; empty
   * when none.
   */
  readonly qualityWarnings: readonly QualityWarningName[];
  /** A switch between audio and video under way (session event `videoChangeRequest` for the far end's). */
  readonly videoChange: VideoChangeState;
}
