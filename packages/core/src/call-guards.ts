import { result, type Result } from './result.js';

/** Minimum time between two outgoing calls, in ms (`CALL_TOO_MANY_TIMES`). */
export const OUTGOING_CALL_INTERVAL_MS = 1000;

/** What the outgoing-call guard looks at. */
export interface OutgoingGuardInput {
  /** Live calls plus outgoing calls still opening media. */
  readonly callCount: number;
  readonly maxConcurrentCalls: number;
  /** An outgoing call is still `calling` (not answered yet). */
  readonly hasUnansweredOutgoing: boolean;
  /** When the previous outgoing call was started (epoch ms), 0 if never. */
  readonly lastOutgoingAt: number;
  readonly now: number;
}

/**
 * Refuses an outgoing call the phone should not place, or returns `null`.
 *
 * @remarks
 * Order matters when several apply: the call limit first
 * (`MAX_LIMIT_CALL`), then an unanswered outgoing call
 * (`CURRENT_CALL_HAS_NOT_CONNECTED`, the more specific reason), then the
 * one-second rate limit (`CALL_TOO_MANY_TIMES`) that catches double clicks.
 */
export function checkOutgoing(input: OutgoingGuardInput): Result | null {
  if (input.callCount >= input.maxConcurrentCalls) return result('MAX_LIMIT_CALL', `${input.maxConcurrentCalls} calls already up`);
  if (input.hasUnansweredOutgoing) return result('CURRENT_CALL_HAS_NOT_CONNECTED');
  if (input.lastOutgoingAt > 0 && input.now - input.lastOutgoingAt < OUTGOING_CALL_INTERVAL_MS) return result('CALL_TOO_MANY_TIMES');
  return null;
}

/**
 * The SIP status an incoming call is refused with, or `null` to let it ring.
 *
 * @remarks
 * 486 Busy Here (RFC 3261 §21.4.24) both for the call limit and for
 * `disableCallWaiting`; such a call is never shown.
 */
export function checkIncoming(callCount: number, maxConcurrentCalls: number, disableCallWaiting: boolean): 486 | null {
  if (callCount >= maxConcurrentCalls) return 486;
  if (disableCallWaiting && callCount > 0) return 486;
  return null;
}
