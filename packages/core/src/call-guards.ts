import type { IncomingRefusalReason } from './phone-events.js';
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

/** What the incoming-call guard looks at. */
export interface IncomingGuardInput {
  /** Live calls. */
  readonly callCount: number;
  readonly maxConcurrentCalls: number;
  readonly disableCallWaiting: boolean;
  readonly doNotDisturb: boolean;
  readonly dndResponseCode: number;
}

/** Why and how an incoming call is refused without ringing. */
export interface IncomingRefusalDecision {
  readonly code: number;
  readonly reason: IncomingRefusalReason;
}

/**
 * How an incoming call is refused without ringing, or `null` to let it ring.
 *
 * @remarks
 * Do-not-disturb first (with `dndResponseCode`: 486 Busy Here, 480
 * Temporarily Unavailable or 603 Decline, RFC 3261 §21.4.24, §21.4.18,
 * §21.6.2), then 486 Busy Here for the call limit and for
 * `disableCallWaiting`. Such a call is never shown; `incomingRefused` reports it.
 */
export function checkIncoming(input: IncomingGuardInput): IncomingRefusalDecision | null {
  if (input.doNotDisturb) return { code: input.dndResponseCode, reason: 'do-not-disturb' };
  if (input.callCount >= input.maxConcurrentCalls) return { code: 486, reason: 'max-calls' };
  if (input.disableCallWaiting && input.callCount > 0) return { code: 486, reason: 'call-waiting-disabled' };
  return null;
}
