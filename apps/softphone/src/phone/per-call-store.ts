import type { PhoneApi, SessionApi } from '@webphone/react';

/** A small external store of one value per live call, for `useSyncExternalStore`. */
export interface PerCallStore<T> {
  get(callId: string): T | undefined;
  subscribe(listener: () => void): () => void;
  /** Stops listening to the phone. */
  dispose(): void;
}

/** Replaces a call's value with what `next` makes of the current one. */
export type PerCallUpdate<T> = (next: (current: T | undefined) => T) => void;

/**
 * Keeps one value per call of `phone`: `watchCall` subscribes to each new
 * session and writes through `update`; a call's value is dropped when the
 * call ends (`forgetCall` runs then too). Every change makes a new map, so
 * snapshots compare by identity.
 */
export function createPerCallStore<T>(
  phone: PhoneApi,
  watchCall: (callId: string, session: SessionApi, update: PerCallUpdate<T>) => void,
  forgetCall?: (callId: string) => void,
): PerCallStore<T> {
  let values = new Map<string, T>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const watch = ({ callId, session }: { callId: string; session: SessionApi }) => {
    watchCall(callId, session, (next) => {
      values = new Map(values).set(callId, next(values.get(callId)));
      notify();
    });
  };
  const forget = ({ callId }: { callId: string }) => {
    forgetCall?.(callId);
    if (!values.has(callId)) return;
    values = new Map(values);
    values.delete(callId);
    notify();
  };
  phone.on('newRTCSession', watch);
  phone.on('deleteSession', forget);

  return {
    get: (callId) => values.get(callId),
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
