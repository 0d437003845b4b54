import type { CallEnd, CallEndCause, CallStatus, TransferState } from '@webphone/core';

/**
 * Why a shown call ended: the phone's `{ cause, code }`, or, when the widget
 * itself has something more precise to say (calling again was refused), that `text`.
 */
export type ShownEnd = CallEnd | { readonly text: string };

/** The visual state of a call card; drives colours through `data-state`. */
export type CallTone = 'calling' | 'ringing' | 'connecting' | 'talking' | 'hold' | 'reconnecting' | 'failed' | 'ended';

/** The fields of a call that decide its tone (`isRecovering` may be left out by older callers). */
export type ToneFields = Pick<CallStatus, 'callStatus' | 'isHold'> & Partial<Pick<CallStatus, 'isRecovering'>>;

/** Which tone a call shows; a call whose connection is being recovered shows `reconnecting` whatever its phase. */
export function callTone(call: ToneFields, ended?: ShownEnd | null): CallTone {
  if (ended) return isFailure(ended) ? 'failed' : 'ended';
  if (call.isRecovering) return 'reconnecting';
  return call.callStatus === 'talking' && call.isHold ? 'hold' : call.callStatus;
}

const STATUS_TEXT: Readonly<Record<CallTone, string>> = {
  calling: 'Calling…',
  ringing: 'Incoming call',
  connecting: 'Connecting…',
  talking: 'Connected',
  hold: 'On hold',
  reconnecting: 'Reconnecting…',
  failed: 'Call failed',
  ended: 'Call ended',
};

/** The short status line of a call ("Calling…", "On hold", "Call failed"). */
export function callStatusText(call: ToneFields, ended?: ShownEnd | null): string {
  return STATUS_TEXT[callTone(call, ended)];
}

const SIP_REASONS: Readonly<Record<number, string>> = {
  403: 'The call was not allowed',
  404: 'Number not found',
  408: 'No answer',
  480: 'Temporarily unavailable',
  484: 'Incomplete number',
  486: 'The line is busy',
  487: 'Call cancelled',
  488: 'Call settings not accepted',
  500: 'The phone system had an error',
  503: 'Service unavailable',
  600: 'Busy everywhere',
  603: 'Call declined',
};

/** Sentences for the core's end causes, for ends without a SIP status. */
const CAUSES: Readonly<Record<CallEndCause, string>> = {
  hangup: 'You hung up',
  'remote-hangup': 'The other side hung up',
  canceled: 'Call cancelled',
  'remote-canceled': 'The caller hung up',
  rejected: 'You declined the call',
  busy: 'The line is busy',
  declined: 'Call declined',
  'not-found': 'Number not found',
  unavailable: 'Temporarily unavailable',
  transferred: 'Call transferred',
  replaced: 'The call was replaced by another',
  'media-error': 'The microphone could not be opened',
  failed: 'The call could not be connected',
  terminated: 'The call was cut off',
  'connection-lost': 'The connection was lost',
};

/** End causes that mean the call did not go as the user wanted. */
const FAILURES: ReadonlySet<CallEndCause> = new Set(['busy', 'declined', 'not-found', 'unavailable', 'failed', 'media-error', 'connection-lost']);

/** True when an end is a failure: a widget's own refusal text, a SIP error status, or a failure cause. */
export function isFailure(end: ShownEnd): boolean {
  if ('text' in end) return true;
  return end.code !== undefined ? end.code >= 300 : FAILURES.has(end.cause);
}

/** A sentence for why a call ended, with the SIP status when there is one. */
export function endReasonText(end: ShownEnd): string {
  if ('text' in end) return end.text;
  const text = (end.code !== undefined ? SIP_REASONS[end.code] : undefined) ?? CAUSES[end.cause] ?? 'The call ended';
  return end.code !== undefined ? `${text} (SIP ${end.code})` : text;
}

/** The parts of a call whose changes are announced. */
export interface CallSnapshot {
  name: string;
  phase: CallStatus['callStatus'];
  isHold: boolean;
  isMute: boolean;
  isRecovering: boolean;
  isAutoAnswered: boolean;
  isEarlyMedia: boolean;
  recordStatus: CallStatus['recordStatus'];
  transfer: TransferState['status'];
  transferTarget: string;
  transferReason: string;
  ended: string | null;
}

/** Builds the {@link CallSnapshot} of a call. */
export function snapshotOf(call: CallStatus, transfer: TransferState, ended: ShownEnd | null | undefined): CallSnapshot {
  return {
    name: call.name.trim() || call.number,
    phase: call.callStatus,
    isHold: call.isHold,
    isMute: call.isMute,
    isRecovering: call.isRecovering,
    isAutoAnswered: call.isAutoAnswered,
    isEarlyMedia: call.isEarlyMedia,
    recordStatus: call.recordStatus,
    transfer: transfer.status,
    transferTarget: transfer.status === 'idle' ? '' : transfer.target,
    transferReason: transfer.status === 'failed' ? transfer.reason : '',
    ended: ended ? `${callStatusText(call, ended)}. ${endReasonText(ended)}` : null,
  };
}

/** What is announced when a call enters a phase: the text before the other party's name. */
const PHASE_PREFIX: Readonly<Record<CallStatus['callStatus'], string>> = {
  calling: 'Calling ',
  ringing: 'Incoming call from ',
  connecting: 'Connecting to ',
  talking: 'Connected to ',
};

const RECORDING_TEXT: Readonly<Record<CallStatus['recordStatus'], string>> = {
  recording: 'Recording',
  pause: 'Recording paused',
  stop: 'Recording stopped',
};

/** What is announced when a transfer enters a state: the text before the target. */
const TRANSFER_PREFIX: Readonly<Record<Exclude<TransferState['status'], 'idle'>, string>> = {
  'blind-pending': 'Transferring to ',
  'attended-consulting': 'Consulting ',
  completing: 'Completing transfer to ',
  failed: 'Transfer to ',
};

/**
 * What to announce when a call changes from `prev` to `next` (first render:
 * `prev` is null), or `null` when nothing worth saying changed.
 */
export function describeCallChange(prev: CallSnapshot | null, next: CallSnapshot): string | null {
  if (next.ended !== null) return prev?.ended === next.ended ? null : next.ended;
  const changed = (key: 'isHold' | 'isMute' | 'isRecovering' | 'isAutoAnswered' | 'isEarlyMedia' | 'recordStatus') => prev !== null && prev[key] !== next[key];
  const parts = [
    changed('isAutoAnswered') && next.isAutoAnswered && 'Answered automatically',
    prev?.phase !== next.phase && PHASE_PREFIX[next.phase] + next.name,
    changed('isEarlyMedia') && next.isEarlyMedia && 'Early media playing',
    changed('isRecovering') && (next.isRecovering ? 'Connection lost, reconnecting' : 'Reconnected'),
    changed('isHold') && (next.isHold ? 'Call on hold' : 'Call resumed'),
    changed('isMute') && (next.isMute ? 'Microphone muted' : 'Microphone on'),
    changed('recordStatus') && RECORDING_TEXT[next.recordStatus],
    next.transfer !== 'idle' && prev?.transfer !== next.transfer && transferSentence(next.transfer, next.transferTarget, next.transferReason),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('. ') : null;
}

/** The sentence for a transfer under way or failed ("Transferring to 1003", "Transfer to 1003 failed: Busy"). */
export function transferSentence(status: keyof typeof TRANSFER_PREFIX, target: string, reason: string): string {
  return TRANSFER_PREFIX[status] + target + (status === 'failed' ? ` failed: ${reason}` : '');
}
