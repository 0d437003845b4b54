import type { CallStatus, PhoneState } from '@webphone/core';

/**
 * The call the in-call screen shows: the current call unless it is still
 * ringing (a ringing call belongs to the incoming-call dialog), else the
 * latest call that is not ringing. `null` when there is none.
 *
 * @remarks
 * The phone makes every new call current, an inbound one that only rings
 * included; the user's live call must stay on screen meanwhile.
 */
export function activeCallIdOf(state: PhoneState): string | null {
  const current = state.currentSessionID;
  if (current !== null && state.calls[current] && state.calls[current].status.callStatus !== 'ringing') return current;
  for (let i = state.callIds.length - 1; i >= 0; i -= 1) {
    const id = state.callIds[i]!;
    if (state.calls[id] && state.calls[id].status.callStatus !== 'ringing') return id;
  }
  return null;
}

/** The calls that are not ringing, in the order they began. */
export function liveCallsOf(state: PhoneState): CallStatus[] {
  return state.callIds.flatMap((id) => {
    const record = state.calls[id];
    return record && record.status.callStatus !== 'ringing' ? [record.status] : [];
  });
}

/** Ids of talking calls that are not on hold, except `except`: the ones to hold before another call takes over. */
export function callsToHold(state: PhoneState, except: string | null = null): string[] {
  return state.callIds.filter((id) => {
    const status = state.calls[id]?.status;
    return id !== except && status !== undefined && status.callStatus === 'talking' && !status.isHold;
  });
}
