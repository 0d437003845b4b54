import type { CallTimestamps, CommunicationType, TimerType } from './call-status.js';

const seconds = (ms: number): number => Math.max(0, Math.floor(ms / 1000));

/**
 * Durations of a call in whole seconds, derived from its timestamps.
 *
 * @remarks
 * `ringDuration` is how long an inbound call rang, `callingDuration` how
 * long an outbound call waited for an answer (each 0 for the other
 * direction); `callDuration` runs from the answer; `holdDuration` adds up
 * every hold including the current one. `now` is the reading time, or the
 * moment the timer was stopped.
 */
export function computeTimer(direction: CommunicationType, timestamps: CallTimestamps, now: number): TimerType {
  const answeredOrNow = timestamps.answeredAt > 0 ? timestamps.answeredAt : now;
  const waiting = seconds(answeredOrNow - timestamps.createdAt);
  const currentHold = timestamps.holdStartedAt > 0 ? now - timestamps.holdStartedAt : 0;
  return {
    ringDuration: direction === 'inbound' ? waiting : 0,
    callingDuration: direction === 'outbound' ? waiting : 0,
    callDuration: timestamps.answeredAt > 0 ? seconds(now - timestamps.answeredAt) : 0,
    holdDuration: seconds(timestamps.heldMs + currentHold),
  };
}

/**
 * A duration in whole seconds as softphones show it: `m:ss`, or `h:mm:ss`
 * from one hour on (`0:07`, `1:23`, `1:02:03`). Negative or non-finite
 * values show as `0:00`.
 */
export function formatDuration(totalSeconds: number): string {
  const s = Number.isFinite(totalSeconds) && totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
