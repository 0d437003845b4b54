'use client';
import { usePhone, usePhoneCommands } from '@webphone/react';
import { DoNotDisturbToggle, type DoNotDisturbToggleProps } from '../DoNotDisturbToggle/DoNotDisturbToggle.js';

/** Props of {@link ConnectedDoNotDisturbToggle}. */
export type ConnectedDoNotDisturbToggleProps = Pick<DoNotDisturbToggleProps, 'label' | 'className'>;

/**
 * The {@link DoNotDisturbToggle} of the phone under `<PhoneProvider>`: shows
 * the store's `doNotDisturb` and calls `setDoNotDisturb`. While it is on,
 * calls are refused without ringing (the phone's `incomingRefused` event
 * reports them).
 *
 * @remarks
 * Selects `doNotDisturb` only, so it re-renders for its changes alone.
 */
export function ConnectedDoNotDisturbToggle(props: ConnectedDoNotDisturbToggleProps) {
  const on = usePhone((s) => s.doNotDisturb);
  const { setDoNotDisturb } = usePhoneCommands();
  return <DoNotDisturbToggle {...props} value={on} onValueChange={(next) => void setDoNotDisturb(next)} />;
}
