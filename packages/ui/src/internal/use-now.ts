'use client';
import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms from `now`), refreshed every second while `active`.
 *
 * @remarks
 * Ticks are aligned to the next whole second since `alignTo`, so a timer shown
 * from a start timestamp changes on the second rather than drifting.
 */
export function useNow(active: boolean, now: () => number = Date.now, alignTo: number): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!active) return;
    let timeout: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = now();
      setTime(t);
      timeout = setTimeout(tick, 1000 - ((t - alignTo) % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timeout);
  }, [active, now, alignTo]);
  return time;
}
