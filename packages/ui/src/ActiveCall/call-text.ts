import type { CallEnd, CallStatus, TransferState } from '@webphone/core';

/** The visual state of a call card; drives colours through `data-state`. */
export type CallTone = 'calling' | 'ringing' | 'connecting' | 'talking' | 'hold' | 'failed' | 'ended';

/** Which tone a call shows. */
export function callTone(call: Pick<CallStatus, 'callStatus' | 'isHold'>, ended?: CallEnd | null): CallTone {
  if (ended) return isFailure(ended) ? 'failed' : 'ended';
  return call.callStatus === 'talking' && call.isHold ? 'hold' : call.callStatus;
}

const STATUS_TEXT: Readonly<Record<CallTone, string>> = {
  calling: 'Calling…',
  ringing: 'Incoming call',
  connecting: 'Connecting…',
  talking: 'Connected',
  hold: 'On hold',
  failed: 'Call failed',
  ended: 'Call ended',
};

/** The short status line of a call ("Calling…", "On hold", "Call failed"). */
export function callStatusText(call: Pick<CallStatus, 'callStatus' | 'isHold' | 'communicationType'>, ended?: CallEnd | null): string {
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

/**
 * Sentences for the core's end causes (`CallEndCause`), for ends without a SIP
 * status. Spaces and hyphens are treated alike (`remote hangup` = `remote-hangup`).
 */
const CAUSES: Readonly<Record<string, string>> = {
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
  terminated: 'The call was cut off',
};

/** True when an end cause is a failure (a SIP error status, or a failure cause without one). */
export function isFailure(end: CallEnd): boolean {
  return end.code !== undefined ? end.code >= 300 : /fail|error|busy|reject|declined|unavailable|not[- ]found|timeout/i.test(end.cause);
}

/** A sentence for why a call ended, with the SIP status when there is one. */
export function endReasonText(end: CallEnd): string {
  const known = end.code !== undefined ? SIP_REASONS[end.code] : undefined;
  const cause = end.cause.trim();
  const text = known ?? CAUSES[cause.toLowerCase().replace(/\s+/g, '-')] ?? (cause || 'The call ended');
  return end.code !== undefined ? `${text} (SIP ${end.code})` : text;
}

/** The parts of a call whose changes are announced. */
export interface CallSnapshot {
  name: string;
  phase: CallStatus['callStatus'];
  isHold: boolean;
  isMute: boolean;
  recordStatus: CallStatus['recordStatus'];
  transfer: TransferState['status'];
  transferTarget: string;
  transferReason: string;
  ended: string | null;
}

/** Builds the {@link CallSnapshot} of a call. */
export function snapshotOf(call: CallStatus, transfer: TransferState, ended: CallEnd | null | undefined): CallSnapshot {
  return {
    name: call.name.trim() || call.number,
    phase: call.callStatus,
    isHold: call.isHold,
    isMute: call.isMute,
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
  const changed = (key: 'isHold' | 'isMute' | 'recordStatus') => prev !== null && prev[key] !== next[key];
  const parts = [
    prev?.phase !== next.phase && PHASE_PREFIX[next.phase] + next.name,
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
