'use client';
import { createContext, useContext } from 'react';
import type { PhoneApi } from '@webphone/core';
import type { PhoneCommands } from './commands.js';
import type { LocalStore } from './local-store.js';

/** What `PhoneProvider` hands its hooks. Internal. */
export interface PhoneContextValue {
  readonly phone: PhoneApi;
  readonly commands: PhoneCommands;
  readonly local: LocalStore;
}

/** @internal */
export const PhoneContext = createContext<PhoneContextValue | null>(null);

/**
 * The provider's value; throws, naming the fix, when `hook` is used outside
 * a `PhoneProvider`.
 */
export function usePhoneContext(hook: string): PhoneContextValue {
  const value = useContext(PhoneContext);
  if (value === null) {
    throw new Error(`${hook} must be used inside <PhoneProvider>: wrap your component tree in <PhoneProvider> (@webphone/react).`);
  }
  return value;
}
