'use client';
import type { RegistrationState, Result, TransportStatus } from '@webphone/core';
import type { PhoneCommands } from './commands.js';
import { usePhoneContext } from './context.js';
import { useShallowSelect } from './select.js';

/** The registration as `useRegistration` returns it. */
export interface RegistrationView extends Pick<PhoneCommands, 'start' | 'disconnect' | 'reRegister'> {
  /** `'unregistered' | 'registering' | 'registered' | 'failed'`. */
  readonly status: RegistrationState['status'];
  /** The full registration state (aor and expiry when registered, the error when failed). */
  readonly registration: RegistrationState;
  readonly isRegistered: boolean;
  /** State of the WebSocket. */
  readonly transport: TransportStatus;
  /** The most recent error of the phone, or `null`. */
  readonly lastError: Result | null;
  /** Reconnect attempts since the connection was lost (0 when connected). */
  readonly attempt: number;
  /** When the next reconnect attempt starts (epoch ms), or `null`. */
  readonly nextAttemptAt: number | null;
  /** True once `reRegistryPhoneTimes` attempts were used up. */
  readonly exhausted: boolean;
}

/**
 * Registration state, last error and reconnect attempts, with the commands
 * that change them.
 *
 * @remarks
 * Re-renders on registration, transport, error or reconnect changes (a
 * refresh of the binding included), never for call changes.
 */
export function useRegistration(): RegistrationView {
  const { phone, commands } = usePhoneContext('useRegistration');
  // Compared member by member: a new object only when a member changed.
  return useShallowSelect(phone.store, ({ registration, isRegistered, transport, lastError, reconnect }) => ({
    status: registration.status,
    registration,
    isRegistered,
    transport,
    lastError,
    attempt: reconnect.attempt,
    nextAttemptAt: reconnect.nextAttemptAt,
    exhausted: reconnect.exhausted,
    start: commands.start,
    disconnect: commands.disconnect,
    reRegister: commands.reRegister,
  }));
}
