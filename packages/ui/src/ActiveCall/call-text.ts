import type { CallEnd, CallEndCause, CallStatus, TransferState } from '@webphone/core';
import { en } from '../messages/en.js';
import type { CallToneName, Messages, SipReasonCode } from '../messages/messages.js';

/**
 * Why a shown call ended: the phone's `{ cause, code }`, or, when the widget
 * itself has something more precise to say (calling again was refused), that `text`.
 */
export type ShownEnd = CallEnd | { readonly text: string };

/** The visual state of a call card; drives colours through `data-state`. */
export type CallTone = CallToneName;

/** The fields of a call that decide its tone (`isRecovering` may be left out by older callers). */
export type ToneFields = Pick<CallStatus, 'callStatus' | 'isHold'> & Partial<Pick<CallStatus, 'isRecovering'>>;

/** Which tone a call shows; a call whose connection is being recovered shows `reconnecting` whatever its phase. */
export function callTone(call: ToneFields, ended?: ShownEnd | null): CallTone {
  if (ended) return isFailure(ended) ? 'failed' : 'ended';
  if (call.isRecovering) return 'reconnecting';
  return call.callStatus === 'talking' && call.isHold ? 'hold' : call.callStatus;
}

/** The short status line of a call ("Calling…", "On hold", "Call failed", "Call transferred"). */
export function callStatusText(call: ToneFields, ended?: ShownEnd | null, messages: Messages = en): string {
  if (ended && isTransferred(ended)) return messages.call.transferred;
  return messages.call.status[callTone(call, ended)];
}

/** True when the call ended because it was handed over to someone else. */
export function isTransferred(end: ShownEnd): boolean {
  return 'cause' in end && end.cause === 'transferred' && (end.code === undefined || end.code < 300);
}

/** End causes that mean the call did not go as the user wanted. */
const FAILURES: ReadonlySet<CallEndCause> = new Set(['busy', 'declined', 'not-found', 'unavailable', 'failed', 'media-error', 'connection-lost']);

/** True when an end is a failure: a widget's own refusal text, a SIP error status, or a failure cause. */
export function isFailure(end: ShownEnd): boolean {
  if ('text' in end) return true;
  return end.code !== undefined ? end.code >= 300 : FAILURES.has(end.cause);
}

/**
 * The sentence of a SIP final status, with the status: "The line is busy
 * (SIP 486)". `fallback` is used for a status without a sentence of its own.
 */
export function sipReasonText(code: number, fallback: string, messages: Messages = en): string {
  const known = (messages.end.sipReasons as Partial<Record<number, string>>)[code as SipReasonCode];
  return messages.end.withCode(known ?? fallback, code);
}

/** A sentence for why a call ended, with the SIP status when there is one ("The line is busy (SIP 486)"). */
export function endReasonText(end: ShownEnd, messages: Messages = en): string {
  if ('text' in end) return end.text;
  const causeText = messages.end.causes[end.cause] ?? messages.end.unknownSip;
  return end.code !== undefined ? sipReasonText(end.code, causeText, messages) : causeText;
}

/**
 * A sentence for why a transfer failed, in the same style as end reasons.
 *
 * @remarks
 * The core's `TransferState.reason` is for logs ("REFER refused: 486 Busy
 * Here", "transfer target answered 486"); the SIP status in it picks the
 * sentence, so the user reads "The line is busy (SIP 486)", as for a call.
 */
export function transferFailureText(reason: string, messages: Messages = en): string {
  const code = /\b([3-6]\d\d)\b/.exec(reason)?.[1];
  if (code !== undefined) return sipReasonText(Number(code), messages.transfer.failure.generic, messages);
  if (/^consultation/i.test(reason)) return messages.transfer.failure.consultationFailed;
  if (/not sent/i.test(reason)) return messages.transfer.failure.notSent;
  return messages.transfer.failure.generic;
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
export function snapshotOf(call: CallStatus, transfer: TransferState, ended: ShownEnd | null | undefined, messages: Messages = en): CallSnapshot {
  return {
    name: call.name.trim() || messages.displayNumber(call.number),
    phase: call.callStatus,
    isHold: call.isHold,
    isMute: call.isMute,
    isRecovering: call.isRecovering,
    isAutoAnswered: call.isAutoAnswered,
    isEarlyMedia: call.isEarlyMedia,
    recordStatus: call.recordStatus,
    transfer: transfer.status,
    transferTarget: transfer.status === 'idle' ? '' : messages.displayNumber(transfer.target),
    transferReason: transfer.status === 'failed' ? transferFailureText(transfer.reason, messages) : '',
    ended: ended ? messages.announce.ended(callStatusText(call, ended, messages), endReasonText(ended, messages)) : null,
  };
}

/**
 * What to announce when a call changes from `prev` to `next` (first render:
 * `prev` is null), or `null` when nothing worth saying changed.
 */
export function describeCallChange(prev: CallSnapshot | null, next: CallSnapshot, messages: Messages = en): string | null {
  if (next.ended !== null) return prev?.ended === next.ended ? null : next.ended;
  const a = messages.announce;
  const changed = (key: 'isHold' | 'isMute' | 'isRecovering' | 'isAutoAnswered' | 'isEarlyMedia' | 'recordStatus') => prev !== null && prev[key] !== next[key];
  const parts = [
    changed('isAutoAnswered') && next.isAutoAnswered && a.answeredAutomatically,
    prev?.phase !== next.phase && a.phase[next.phase](next.name),
    changed('isEarlyMedia') && next.isEarlyMedia && a.earlyMedia,
    changed('isRecovering') && (next.isRecovering ? a.connectionLost : a.reconnected),
    changed('isHold') && (next.isHold ? a.held : a.resumed),
    changed('isMute') && (next.isMute ? a.muted : a.unmuted),
    changed('recordStatus') && a.recording[next.recordStatus],
    next.transfer !== 'idle' && prev?.transfer !== next.transfer && transferSentence(next.transfer, next.transferTarget, next.transferReason, '', messages),
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? a.join(parts) : null;
}

/**
 * The sentence for a transfer under way or failed ("Transferring to 1003…",
 * "Transfer to 1003 failed: The line is busy (SIP 486)"); `heldName` is the
 * call on hold during a consultation. `reason` is already a friendly sentence.
 */
export function transferSentence(
  status: Exclude<TransferState['status'], 'idle'>,
  target: string,
  reason: string,
  heldName = '',
  messages: Messages = en,
): string {
  const t = messages.transfer;
  switch (status) {
    case 'blind-pending':
      return t.pending(target);
    case 'attended-consulting':
      return t.consulting(target, heldName);
    case 'completing':
      return t.completing(target);
    case 'failed':
      return t.failed(target, reason);
    default:
      return status satisfies never;
  }
}
