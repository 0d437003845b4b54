'use client';
import { useMemo } from 'react';
import type { PhoneApi } from '@webphone/core';
import type { PhoneCommands } from './commands.js';
import { usePhoneContext } from './context.js';

/** The phone's commands and the phone itself, without any state. */
export interface PhoneCommandsHandle extends PhoneCommands {
  readonly phone: PhoneApi;
}

/**
 * The phone's commands (stable identities) without subscribing to state:
 * a component that only acts on the phone never re-renders for it.
 *
 * @example
 * ```tsx
 * const { hangup } = usePhoneCommands();
 * const callId = usePhone((s) => s.currentSessionID);
 * ```
 */
export function usePhoneCommands(): PhoneCommandsHandle {
  const { phone, commands } = usePhoneContext('usePhoneCommands');
  return useMemo(() => ({ ...commands, phone }), [commands, phone]);
}
