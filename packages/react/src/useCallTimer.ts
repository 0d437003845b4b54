'use client';
import { useEffect, useState } from 'react';
import { computeTimer, type TimerType } from '@webphone/core';
import { usePhoneContext } from './context.js';
import { useShallowSelect } from './select.js';
import { recordOf } from './useSession.js';

/**
 * A call's durations (seconds), ticking once a second while the component is
 * mounted. `undefined` when there is no such call.
 *
 * @param callId - the call; omitted, the current call.
 *
 * @remarks
 * The store holds timestamps only; this hook derives the durations locally,
 * so a ticking timer re-renders the component that shows it and nothing
 * else. Ticks are aligned to the second boundaries of the call, so the shown
 * value changes exactly when a second completes.
 */
export function useCallTimer(callId?: string | null): TimerType | undefined {
  const { phone } = usePhoneContext('useCallTimer');
  const call = useShallowSelect(phone.store, (state) => {
    const record = recordOf(state, callId);
    return record ? { timestamps: record.timestamps, communicationType: record.status.communicationType } : undefined;
  });
  const [, setTick] = useState(0);
  const anchor = call ? call.timestamps.answeredAt || call.timestamps.createdAt : undefined;

  useEffect(() => {
    if (anchor === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (): void => {
      const sinceBoundary = (((Date.now() - anchor) % 1000) + 1000) % 1000;
      timer = setTimeout(() => {
        setTick((n) => n + 1);
        schedule();
      }, 1000 - sinceBoundary);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [anchor]);

  return call ? computeTimer(call.communicationType, call.timestamps, Date.now()) : undefined;
}
