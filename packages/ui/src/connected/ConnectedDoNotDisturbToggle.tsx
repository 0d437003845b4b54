'use client';
import { usePhone, usePhoneCommands } from '@webphone/react';
import { forwardRef } from 'react';
import { DoNotDisturbToggle, type DoNotDisturbToggleProps } from '../DoNotDisturbToggle/DoNotDisturbToggle.js';

/** Props of {@link ConnectedDoNotDisturbToggle}: the toggle's look and HTML attributes. */
export type ConnectedDoNotDisturbToggleProps = Omit<DoNotDisturbToggleProps, 'value' | 'defaultValue' | 'onValueChange'>;

/**
 * The {@link DoNotDisturbToggle} of the phone under `<PhoneProvider>`: shows
 * the store's `doNotDisturb` and calls `setDoNotDisturb`. While it is on,
 * calls are refused without ringing (the phone's `incomingRefused` event
 * reports them).
 *
 * @remarks
 * Selects `doNotDisturb` only, so it re-renders for its changes alone.
 */
export const ConnectedDoNotDisturbToggle = forwardRef<HTMLButtonElement, ConnectedDoNotDisturbToggleProps>(function ConnectedDoNotDisturbToggle(props, ref) {
  const on = usePhone((s) => s.doNotDisturb);
  const { setDoNotDisturb } = usePhoneCommands();
  return <DoNotDisturbToggle {...props} ref={ref} value={on} onValueChange={(next) => void setDoNotDisturb(next)} />;
});
