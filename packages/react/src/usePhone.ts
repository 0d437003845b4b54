'use client';
import { useMemo } from 'react';
import type { PhoneApi, PhoneState } from '@webphone/core';
import type { PhoneCommands } from './commands.js';
import { usePhoneContext } from './context.js';
import { useShallowSelect } from './select.js';

/** What `usePhone()` returns: every command (stable identities), the whole state, and the phone itself. */
export interface PhoneHandle extends PhoneCommands {
  /** The phone's whole state; a component reading it re-renders on every change. */
  readonly state: PhoneState;
  /** The phone object, for what the hooks do not cover (e.g. `getSession(id).remoteStream`). */
  readonly phone: PhoneApi;
}

const whole = (state: PhoneState): PhoneState => state;

/**
 * The phone's commands and state.
 *
 * @remarks
 * Without a selector the component re-renders on every state change
 * (including each call's). Pass a selector to re-render only when the
 * selected slice changes; results are compared shallowly, so an object pick
 * such as `s => ({ isRegistered: s.isRegistered, isMaxCall: s.isMaxCall })`
 * needs no `useShallow`. The command functions keep their identity for the
 * life of the provider.
 *
 * @example
 * ```tsx
 * const { call } = usePhone();
 * const isRegistered = usePhone((s) => s.isRegistered);
 * ```
 */
export function usePhone(): PhoneHandle;
/** The slice of the phone's state that `selector` picks. */
export function usePhone<T>(selector: (state: PhoneState) => T): T;
export function usePhone<T>(selector?: (state: PhoneState) => T): PhoneHandle | T {
  const { phone, commands } = usePhoneContext('usePhone');
  const selected = useShallowSelect<PhoneState, PhoneState | T>(phone.store, selector ?? whole);
  const wantsHandle = selector === undefined;
  const handle = useMemo<PhoneHandle | null>(
    () => (wantsHandle ? { ...commands, state: selected as PhoneState, phone } : null),
    [wantsHandle, selected, commands, phone],
  );
  return handle ?? (selected as T);
}
