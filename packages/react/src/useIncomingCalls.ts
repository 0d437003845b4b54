'use client';
import type { CallStatus } from '@webphone/core';
import { usePhoneContext } from './context.js';
import { useShallowSelect } from './select.js';

/**
 * Inbound calls still ringing, oldest first. Answer or reject them with
 * `usePhone()` or `useSession(callId)`.
 *
 * @remarks
 * Re-renders only when a ringing call arrives, leaves or changes.
 */
export function useIncomingCalls(): readonly CallStatus[] {
  const { phone } = usePhoneContext('useIncomingCalls');
  return useShallowSelect(phone.store, (state) => state.incomingIds.map((id) => state.calls[id].status));
}
