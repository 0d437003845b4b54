'use client';
import type { CallStatus, PhoneApi, PhoneEventMap } from '@webphone/core';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ShownEnd } from '../ActiveCall/call-text.js';

/** A call that ended while a widget showed it, with why. */
export interface EndedCall {
  /** The call as it was when it ended (its final record's status). */
  readonly call: CallStatus;
  /** The `cause` (and SIP `code` for a failure) the phone reported, or the widget's own text. */
  readonly end: ShownEnd;
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
  setReason(end: ShownEnd): void;
}

/**
 * Keeps the call a widget shows after the phone dropped it, with why it ended.
 *
 * @remarks
 * Reads the phone's `deleteSession` event, which carries the cause, the SIP
 * status of a failure and the call's final record. Ends the user caused
 * here (`markLocal`: Hang up, cancelling a transfer) leave no card.
 */
export function useEndedCall(phone: PhoneApi, shown: CallStatus | undefined): EndedCallState {
  const [ended, setEnded] = useState<EndedCall | null>(null);
  const local = useRef(new Set<string>());
  const shownId = shown?.callId ?? null;

  // Layout effects subscribe at commit, not after paint: a call may fail in the very next task.
  // (Server rendering runs no effects, and React 19 no longer warns about layout ones there.)
  useLayoutEffect(() => {
    if (shownId === null) return;
    const onDelete = ({ callId, cause, code, record }: PhoneEventMap['deleteSession'][0]): void => {
      if (callId !== shownId || local.current.has(callId)) return;
      setEnded({ call: record.status, end: code === undefined ? { cause } : { cause, code }, liveIds: phone.store.getState().callIds });
    };
    phone.on('deleteSession', onDelete);
    return () => void phone.off('deleteSession', onDelete);
  }, [phone, shownId]);

  // A call that was not up when the shown one ended (dialled, answered) takes over from the card
  // (state adjusted while rendering, React's pattern for state that follows a prop).
  if (ended && shownId !== null && !ended.liveIds.includes(shownId)) setEnded(null);

  return {
    ended,
    dismiss: () => setEnded(null),
    markLocal: (callId) => void local.current.add(callId),
    setReason: (end) => setEnded((prev) => (prev ? { ...prev, end } : prev)),
  };
}
