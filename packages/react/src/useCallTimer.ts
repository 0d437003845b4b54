'use client';
import { computeTimer, type TimerType } from '@webphone/core';
import { usePhoneContext } from './context.js';
import { useShallowSelect } from './select.js';
import { useNow } from './useNow.js';
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
  const time = useNow(call ? call.timestamps.answeredAt || call.timestamps.createdAt : null);

  return call ? computeTimer(call.communicationType, call.timestamps, time) : undefined;
}
