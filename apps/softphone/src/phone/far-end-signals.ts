import type { PhoneApi } from '@webphone/react';
import { createPerCallStore, type PerCallStore } from './per-call-store';

/** What the far end signalled on one call: DTMF digits by SIP INFO, and its `Record` INFOs. */
export interface FarEndCallSignals {
  /** Digits received by INFO, oldest first. */
  readonly digits: string;
  /** The last `Record` INFO: `'on'`, `'off'`, or `null` when none arrived. */
  readonly record: 'on' | 'off' | null;
}

/** {@link FarEndCallSignals} per call id, fed by Session events. */
export type FarEndSignals = PerCallStore<FarEndCallSignals>;

const NONE: FarEndCallSignals = { digits: '', record: null };

/**
 * Listens to every call of `phone` for received DTMF INFO (`dtmf`) and
 * `Record: on/off` INFO (`recordInfo`); mirrors both into the end-to-end
 * probe when the page runs in test mode.
 */
export function createFarEndSignals(phone: PhoneApi): FarEndSignals {
  return createPerCallStore<FarEndCallSignals>(phone, (callId, session, update) => {
    session.on('dtmf', ({ digit }) => {
      window.__webphoneE2E?.digitsReceived.push({ callId, digit });
      update((current = NONE) => ({ ...current, digits: (current.digits + digit).slice(-32) }));
    });
    session.on('recordInfo', ({ record }) => {
      window.__webphoneE2E?.recordInfos.push({ callId, record });
      update((current = NONE) => ({ ...current, record }));
    });
  });
}
