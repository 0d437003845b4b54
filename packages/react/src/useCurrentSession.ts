'use client';
import { useSession, type SessionHandle } from './useSession.js';

/**
 * The call the user is on (`phone.currentSessionID`): same as `useSession()`
 * without an id. `undefined` when there is none.
 *
 * @remarks
 * Switch calls with `useSession(otherId)?.makeCurrent()` or
 * `usePhone().setCurrentSession(id)`.
 */
export function useCurrentSession(): SessionHandle | undefined {
  return useSession(undefined);
}
