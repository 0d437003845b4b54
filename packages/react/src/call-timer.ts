import type { CallTimestamps, CommunicationType, TimerType } from '@webphone/core';

/**
 * A call's durations in whole seconds at `now`, derived from its timestamps.
 *
 * @remarks
 * `ringDuration` (inbound) and `callingDuration` (outbound) run from the
 * INVITE to the answer; `callDuration` from the answer; `holdDuration` sums
 * the completed holds and the current one. Nothing in the store ticks.
 */
export function timerFromTimestamps(timestamps: CallTimestamps, communicationType: CommunicationType, now: number): TimerType {
  const seconds = (ms: number): number => Math.max(0, Math.floor(ms / 1000));
  const beforeAnswer = seconds((timestamps.answeredAt || now) - timestamps.createdAt);
  const holding = timestamps.holdStartedAt ? now - timestamps.holdStartedAt : 0;
  return {
    ringDuration: communicationType === 'inbound' ? beforeAnswer : 0,
    callingDuration: communicationType === 'outbound' ? beforeAnswer : 0,
    callDuration: timestamps.answeredAt ? seconds(now - timestamps.answeredAt) : 0,
    holdDuration: seconds(timestamps.heldMs + holding),
  };
}

/** `m:ss`, or `h:mm:ss` from an hour on: how softphones show a duration. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
