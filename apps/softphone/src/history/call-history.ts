import type { PhoneApi, PhoneEventMap } from '@webphone/react';

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
  /** Why it ended: the core's end cause (`hangup`, `remote-hangup`, `busy`, `transferred`…), or why it was refused without ringing (`do-not-disturb`, `max-calls`, `call-waiting-disabled`). */
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
 * `localStorage` key per account, from the phone's `deleteSession` event
 * (which carries the end cause, the SIP status of a failure and the call's
 * final record).
 */
export function createCallHistory(phone: PhoneApi, account: string): CallHistory {
  const key = `webphone-demo:history:${account}`;
  let list: CallHistoryEntry[] = load(key);
  const listeners = new Set<() => void>();

  const publish = (next: CallHistoryEntry[]) => {
    list = next;
    try {
      window.localStorage.setItem(key, JSON.stringify(list));
    } catch {
      // Storage full or blocked: keep the history for this page only.
    }
    for (const listener of listeners) listener();
  };

  const onDelete = ({ callId, cause, code, record }: PhoneEventMap['deleteSession'][0]) => {
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
      ...(code !== undefined ? { sipCode: code } : {}),
    };
    publish([entry, ...list].slice(0, MAX_ENTRIES));
  };
  phone.on('deleteSession', onDelete);
  // Calls refused without ringing (do not disturb, call limit) never reach deleteSession: list them as missed.
  let refusals = 0;
  const onRefused = ({ number, name, reason, code }: PhoneEventMap['incomingRefused'][0]) => {
    const startedAt = Date.now();
    const entry: CallHistoryEntry = {
      callId: `refused-${startedAt}-${(refusals += 1)}`,
      direction: 'inbound',
      number,
      name,
      startedAt,
      durationSeconds: 0,
      endCause: reason,
      sipCode: code,
      missed: true,
    };
    publish([entry, ...list].slice(0, MAX_ENTRIES));
  };
  phone.on('incomingRefused', onRefused);

  return {
    entries: () => list,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear: () => publish([]),
    dispose: () => {
      phone.off('deleteSession', onDelete);
      phone.off('incomingRefused', onRefused);
      listeners.clear();
    },
  };
}
