import type { CallRecord, PhoneApi, PhoneEventMap } from '@webphone/react';

/** One finished call, as the history lists it. */
export interface CallHistoryEntry {
  callId: string;
  direction: 'inbound' | 'outbound';
  number: string;
  name: string;
  /** When the call began (INVITE sent or received), epoch ms. */
  startedAt: number;
  /** Talk time in seconds; 0 when it was never answered. */
  durationSeconds: number;
  /** Why it ended: the core's end cause (`hangup`, `remote-hangup`, `busy`, `transferred`…). */
  endCause: string;
  /** SIP status of a call that never got established (486, 487, 603…). */
  sipCode?: number;
  /** True for an inbound call that was never answered. */
  missed: boolean;
}

/** The call history of one account, kept in `localStorage`. */
export interface CallHistory {
  entries(): readonly CallHistoryEntry[];
  subscribe(listener: () => void): () => void;
  clear(): void;
  /** Stops recording the phone's calls. */
  dispose(): void;
}

const MAX_ENTRIES = 50;

function load(key: string): CallHistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as CallHistoryEntry[]) : [];
  } catch {
    return [];
  }
}

/**
 * Records every call of `phone` when it ends, newest first, under a
 * `localStorage` key per account.
 *
 * @remarks
 * The store drops a call's record when the call ends, so the last record of
 * each live call is kept here; `deleteSession` then brings the end cause and
 * the session's `failed` event the SIP status.
 */
export function createCallHistory(phone: PhoneApi, account: string): CallHistory {
  const key = `webphone-demo:history:${account}`;
  let list: CallHistoryEntry[] = load(key);
  const listeners = new Set<() => void>();
  const lastSeen = new Map<string, CallRecord>();
  const codes = new Map<string, number>();

  const publish = (next: CallHistoryEntry[]) => {
    list = next;
    try {
      window.localStorage.setItem(key, JSON.stringify(list));
    } catch {
      // Storage full or blocked: keep the history for this page only.
    }
    for (const listener of listeners) listener();
  };

  const remember = () => {
    const { calls } = phone.store.getState();
    for (const [callId, record] of Object.entries(calls)) lastSeen.set(callId, record);
  };
  remember();
  const unsubscribeStore = phone.store.subscribe(remember);

  const onNewSession = ({ callId, session }: PhoneEventMap['newRTCSession'][0]) => {
    session.once('failed', ({ code }) => codes.set(callId, code));
  };
  const onDelete = ({ callId, cause }: PhoneEventMap['deleteSession'][0]) => {
    const record = lastSeen.get(callId);
    lastSeen.delete(callId);
    const sipCode = codes.get(callId);
    codes.delete(callId);
    if (!record) return;
    const { status, timestamps } = record;
    const answered = timestamps.answeredAt > 0;
    const entry: CallHistoryEntry = {
      callId,
      direction: status.communicationType,
      number: status.number,
      name: status.name,
      startedAt: timestamps.createdAt,
      durationSeconds: answered ? Math.max(0, Math.round((Date.now() - timestamps.answeredAt) / 1000)) : 0,
      endCause: cause,
      missed: status.communicationType === 'inbound' && !answered,
      ...(sipCode !== undefined ? { sipCode } : {}),
    };
    publish([entry, ...list].slice(0, MAX_ENTRIES));
  };
  phone.on('newRTCSession', onNewSession);
  phone.on('deleteSession', onDelete);

  return {
    entries: () => list,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear: () => publish([]),
    dispose: () => {
      unsubscribeStore();
      phone.off('newRTCSession', onNewSession);
      phone.off('deleteSession', onDelete);
      listeners.clear();
    },
  };
}
