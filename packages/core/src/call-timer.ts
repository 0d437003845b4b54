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
