'use client';
import { useMemo } from 'react';
import type { CallRecord, CallStatus, PhoneState } from '@webphone/core';
import { bindSessionCommands, type SessionCommands } from './commands.js';
import { usePhoneContext } from './context.js';
import { useShallowSelect } from './select.js';

/** One live call as `useSession` returns it: its state and its commands, bound to it. */
export interface SessionHandle extends SessionCommands {
  readonly callId: string;
  /** The call's status as the contract defines it (`callStatus`, `isHold`, `isMute`, `recordStatus`...). */
  readonly status: CallStatus;
  /** Everything the store keeps about the call: timestamps, transfer progress, last quality report. */
  readonly record: CallRecord;
  /** A header of the call's INVITE (inbound) or of its answer (outbound): `SessionApi.getHeader`. */
  getHeader(name: string): string | undefined;
}

/** @internal The record of a call (`undefined`: the current call), or `undefined` when there is none (never throws). */
export function recordOf(state: PhoneState, callId: string | null | undefined): CallRecord | undefined {
  const id = callId === undefined ? state.currentSessionID : callId;
  return id !== null && Object.hasOwn(state.calls, id) ? state.calls[id] : undefined;
}

/**
 * One call: its status and its commands.
 *
 * @param callId - the call; omitted (or `undefined`), the current call.
 * @returns `undefined` when there is no such call, including once it ended.
 *
 * @remarks
 * Re-renders only when this call's record changes (or, without `callId`,
 * when the current call changes): a change to another call does not reach it.
 *
 * @example
 * ```tsx
 * const session = useSession();
 * if (!session) return null;
 * return <button onClick={session.status.isHold ? session.unhold : session.hold}>Hold</button>;
 * ```
 */
export function useSession(callId?: string | null): SessionHandle | undefined;
/**
 * The slice of one call that `selector` picks, or `undefined` when there is
 * no such call. Results are compared shallowly.
 */
export function useSession<T>(callId: string | null | undefined, selector: (status: CallStatus, record: CallRecord) => T): T | undefined;
export function useSession<T>(callId?: string | null, selector?: (status: CallStatus, record: CallRecord) => T): SessionHandle | T | undefined {
  const { phone, commands } = usePhoneContext('useSession');
  const selected = useShallowSelect(phone.store, (state): CallRecord | T | undefined => {
    const record = recordOf(state, callId);
    if (!record) return undefined;
    return selector ? selector(record.status, record) : record;
  });
  const record = selector ? undefined : (selected as CallRecord | undefined);
  const id = record?.status.callId;
  const bound = useMemo(() => (id === undefined ? undefined : bindSessionCommands(commands, id)), [commands, id]);
  const handle = useMemo<SessionHandle | undefined>(
    () =>
      record && bound
        ? {
            ...bound,
            callId: record.status.callId,
            status: record.status,
            record,
            getHeader: (name: string) => phone.getSession(record.status.callId)?.getHeader(name),
          }
        : undefined,
    [record, bound, phone],
  );
  return selector ? (selected as T | undefined) : handle;
}
