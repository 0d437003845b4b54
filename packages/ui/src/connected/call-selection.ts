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
  const up = upIdsOf(state);
  const current = state.currentSessionID;
  return current !== null && up.includes(current) ? current : (up.at(-1) ?? null);
}

// The store lists an id in `callIds` (and as `currentSessionID`) only while `calls` holds its record.
const upIdsOf = (state: PhoneState): string[] => state.callIds.filter((id) => state.calls[id].status.callStatus !== 'ringing');

/** The calls that are not ringing, in the order they began. */
export function liveCallsOf(state: PhoneState): CallStatus[] {
  return upIdsOf(state).map((id) => state.calls[id].status);
}

/** Ids of talking calls that are not on hold, except `except`: the ones to hold before another call takes over. */
export function callsToHold(state: PhoneState, except: string | null = null): string[] {
  return state.callIds.filter((id) => {
    const status = state.calls[id].status;
    return id !== except && status.callStatus === 'talking' && !status.isHold;
  });
}
