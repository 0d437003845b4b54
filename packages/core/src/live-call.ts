import type { CallEndCause } from './call-causes.js';
import type { Session } from './session.js';
import type { CallSignal } from './sip/call-signal.js';

/**
 * The runtime parts of one call that do not belong in the store (the
 * sip.js wrapper, media, timers). Internal to the call collaborators.
 */
export interface LiveCall {
  readonly callId: string;
  readonly sip: CallSignal;
  readonly session: Session;
  /** The stream the phone opened with getUserMedia, if any; stopped when the call ends. */
  localStream: MediaStream | null;
  /** Replaces the natural end cause (e.g. `transferred`, `replaced`). */
  endCause: CallEndCause | null;
  /** Work waiting for the dialog to be confirmed (a hold asked for before the ACK, RFC 5407). */
  readonly onConfirmed: Array<() => void>;
  /** Undo actions run when the call ends (timers to clear, the quality monitor to stop...). */
  readonly cleanups: Set<() => void>;
  /** True from a hold request until its re-INVITEs are over: the microphone stays silent meanwhile (see `applyMicrophone`). */
  holdWanted: boolean;
  /** True while `answer()` is opening media or sending 200. */
  answering: boolean;
  /** For a call placed because of a REFER: the call it takes over once answered. */
  replacesCallId: string | null;
}
