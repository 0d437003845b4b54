'use client';
import type { CallEnd, CallStatus, PhoneApi } from '@webphone/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** A call that ended while a widget showed it, with why. */
export interface EndedCall {
  /** The call as it was last shown. */
  readonly call: CallStatus;
  /** The `cause` (and SIP `code` for a failure) of its `ended` or `failed` event. */
  readonly end: CallEnd;
  /** Calls still up when it ended; a call outside this list is a new one and replaces the card. */
  readonly liveIds: readonly string[];
}

/** What {@link useEndedCall} returns. */
export interface EndedCallState {
  readonly ended: EndedCall | null;
  /** Forget the ended call (the card's Close). */
  dismiss(): void;
  /** The user ends `callId` from here: its end needs no card. */
  markLocal(callId: string): void;
  /** Replace the reason shown, e.g. when calling again was refused. */
  setReason(end: CallEnd): void;
}

/**
 * Keeps the last `{ cause, code }` of the call a widget shows, since the
 * phone's store drops a call the moment it ends.
 *
 * @remarks
 * Listens to the shown call's own `ended` and `failed` events: `failed`
 * carries the SIP status (486, 404…), which `deleteSession` does not. The
 * phone emits them after the store dropped the call but before React
 * re-renders, so the status last committed is the one to keep. Ends the user
 * caused here (`markLocal`: Hang up, cancelling a transfer) leave no card.
 */
export function useEndedCall(phone: PhoneApi, shown: CallStatus | undefined): EndedCallState {
  const [ended, setEnded] = useState<EndedCall | null>(null);
  const displayed = useRef<CallStatus | null>(null);
  const local = useRef(new Set<string>());
  const shownId = shown?.callId ?? null;

  useLayoutEffect(() => {
    if (shown) displayed.current = shown;
  });

  // Layout effects subscribe at commit, not after paint: a call may fail in the very next task.
  // (Server rendering runs no effects, and React 19 no longer warns about layout ones there.)
  useLayoutEffect(() => {
    if (shownId === null) return;
    const session = phone.getSession(shownId);
    if (!session) return;
    // `ended` and `failed` alike: their event less the call id is the `CallEnd` (`failed` adds the SIP `code`).
    const onEnd = ({ callId: _, ...end }: { callId: string } & CallEnd): void => {
      if (local.current.has(shownId)) return;
      // The effect above ran first in the commit that subscribed here, so it holds this call.
      const call = displayed.current!;
      const liveIds = phone.store.getState().callIds;
      // Keep the SIP status if an `ended` follows the `failed` of the same call.
      setEnded((prev) => (prev?.call.callId === shownId && prev.end.code !== undefined && end.code === undefined ? prev : { call, end, liveIds }));
    };
    session.on('ended', onEnd);
    session.on('failed', onEnd);
    return () => {
      session.off('ended', onEnd);
      session.off('failed', onEnd);
    };
  }, [phone, shownId]);

  // A call that was not up when the shown one ended (dialled, answered) takes over from the card.
  useEffect(() => {
    if (ended && shownId !== null && !ended.liveIds.includes(shownId)) setEnded(null);
  }, [ended, shownId]);

  return {
    ended,
    dismiss: () => setEnded(null),
    markLocal: (callId) => void local.current.add(callId),
    setReason: (end) => setEnded((prev) => (prev ? { ...prev, end } : prev)),
  };
}
