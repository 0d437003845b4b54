/**
 * Delay before reconnect attempt `attempt` (1-based): exponential from
 * `initialDelayMs`, capped at `maxDelayMs`, with "equal jitter" (half fixed,
 * half random) so many phones losing one server do not return in step.
 */
export function backoffDelay(
  attempt: number,
  options: { initialDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number {
  const exponential = options.initialDelayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(options.maxDelayMs, exponential);
  return Math.round(capped / 2 + random() * (capped / 2));
}
