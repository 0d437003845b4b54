import type { PhoneApi, SessionApi } from '@webphone/react';

/** What the far end signalled on one call: DTMF digits by SIP INFO, and its `Record` INFOs. */
export interface FarEndCallSignals {
  /** Digits received by INFO, oldest first. */
  readonly digits: string;
  /** The last `Record` INFO: `'on'`, `'off'`, or `null` when none arrived. */
  readonly record: 'on' | 'off' | null;
}

/** A tiny external store of {@link FarEndCallSignals} per call id, fed by Session events. */
export interface FarEndSignals {
  get(callId: string): FarEndCallSignals | undefined;
  subscribe(listener: () => void): () => void;
  /** Stops listening to the phone. */
  dispose(): void;
}

/**
 * Listens to every call of `phone` for received DTMF INFO (`dtmf`) and
 * `Record: on/off` INFO (`recordInfo`); mirrors both into the end-to-end
 * probe when the page runs in test mode.
 */
export function createFarEndSignals(phone: PhoneApi): FarEndSignals {
  let calls = new Map<string, FarEndCallSignals>();
  const listeners = new Set<() => void>();
  const update = (callId: string, change: Partial<FarEndCallSignals>) => {
    const previous = calls.get(callId) ?? { digits: '', record: null };
    calls = new Map(calls).set(callId, { ...previous, ...change });
    for (const listener of listeners) listener();
  };

  const watch = ({ callId, session }: { callId: string; session: SessionApi }) => {
    session.on('dtmf', ({ digit }) => {
      window.__webphoneE2E?.digitsReceived.push({ callId, digit });
      update(callId, { digits: ((calls.get(callId)?.digits ?? '') + digit).slice(-32) });
    });
    session.on('recordInfo', ({ record }) => {
      window.__webphoneE2E?.recordInfos.push({ callId, record });
      update(callId, { record });
    });
  };
  phone.on('newRTCSession', watch);
  const forget = ({ callId }: { callId: string }) => {
    if (!calls.has(callId)) return;
    calls = new Map(calls);
    calls.delete(callId);
    for (const listener of listeners) listener();
  };
  phone.on('deleteSession', forget);

  return {
    get: (callId) => calls.get(callId),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      phone.off('newRTCSession', watch);
      phone.off('deleteSession', forget);
      listeners.clear();
    },
  };
}
