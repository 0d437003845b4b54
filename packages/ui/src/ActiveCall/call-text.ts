import type { CallEnd, CallStatus, TransferState } from '@webphone/core';

/** The visual state of a call card; drives colours through `data-state`. */
export type CallTone = 'calling' | 'ringing' | 'connecting' | 'talking' | 'hold' | 'failed' | 'ended';

/** Which tone a call shows. */
export function callTone(call: Pick<CallStatus, 'callStatus' | 'isHold'>, ended?: CallEnd | null): CallTone {
  if (ended) return isFailure(ended) ? 'failed' : 'ended';
  if (call.callStatus === 'talking' && call.isHold) return 'hold';
  return call.callStatus;
}

/** The short status line of a call ("Calling…", "On hold", "Call failed"). */
export function callStatusText(call: Pick<CallStatus, 'callStatus' | 'isHold' | 'communicationType'>, ended?: CallEnd | null): string {
  if (ended) return isFailure(ended) ? 'Call failed' : 'Call ended';
  switch (call.callStatus) {
    case 'calling':
      return 'Calling…';
    case 'ringing':
      return 'Incoming call';
    case 'connecting':
      return 'Connecting…';
    case 'talking':
      return call.isHold ? 'On hold' : 'Connected';
    default:
      return call.callStatus satisfies never;
  }
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

/**
 * What to announce when a call changes from `prev` to `next` (first render:
 * `prev` is null), or `null` when nothing worth saying changed.
 */
export function describeCallChange(prev: CallSnapshot | null, next: CallSnapshot): string | null {
  if (next.ended !== null) return prev?.ended === next.ended ? null : next.ended;
  const parts: string[] = [];
  if (prev === null || prev.phase !== next.phase) parts.push(phaseSentence(next));
  if (prev !== null && prev.isHold !== next.isHold) parts.push(next.isHold ? 'Call on hold' : 'Call resumed');
  if (prev !== null && prev.isMute !== next.isMute) parts.push(next.isMute ? 'Microphone muted' : 'Microphone on');
  if (prev !== null && prev.recordStatus !== next.recordStatus) {
    parts.push(next.recordStatus === 'recording' ? 'Recording' : next.recordStatus === 'pause' ? 'Recording paused' : 'Recording stopped');
  }
  if (prev === null ? next.transfer !== 'idle' : prev.transfer !== next.transfer) {
    const sentence = transferSentence(next);
    if (sentence) parts.push(sentence);
  }
  return parts.length > 0 ? parts.join('. ') : null;
}

function phaseSentence(s: CallSnapshot): string {
  switch (s.phase) {
    case 'calling':
      return `Calling ${s.name}`;
    case 'ringing':
      return `Incoming call from ${s.name}`;
    case 'connecting':
      return `Connecting to ${s.name}`;
    case 'talking':
      return `Connected to ${s.name}`;
    default:
      return s.phase satisfies never;
  }
}

function transferSentence(s: CallSnapshot): string | null {
  switch (s.transfer) {
    case 'idle':
      return null;
    case 'blind-pending':
      return `Transferring to ${s.transferTarget}`;
    case 'attended-consulting':
      return `Consulting ${s.transferTarget}`;
    case 'completing':
      return `Completing transfer to ${s.transferTarget}`;
    case 'failed':
      return `Transfer to ${s.transferTarget} failed: ${s.transferReason}`;
    default:
      return s.transfer satisfies never;
  }
}
