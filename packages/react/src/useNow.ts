import { useEffect, useState } from 'react';

/**
 * The time now (epoch ms), re-rendering once a second while `alignTo` is not
 * `null`.
 *
 * @param alignTo - epoch ms the seconds are counted from (a call's answer
 *   time, a retry's due time); `null` stops the ticking.
 * @param now - the clock, `Date.now` by default.
 *
 * @remarks
 * Ticks fall on the whole seconds counted from `alignTo`, so a duration
 * derived from that timestamp changes exactly when a second completes and
 * never drifts. The one ticker of the bindings: `useCallTimer` and the
 * widgets' timers all use it.
 */
export function useNow(alignTo: number | null, now: () => number = Date.now): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (alignTo === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (): void => {
      const sinceBoundary = (((now() - alignTo) % 1000) + 1000) % 1000;
      timer = setTimeout(() => {
        setTick((n) => n + 1);
        schedule();
      }, 1000 - sinceBoundary);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [alignTo, now]);
  return now();
}
