'use client';
import { usePhone } from '@webphone/react';
import { forwardRef } from 'react';
import { RegistrationStatus, type RegistrationStatusProps } from '../RegistrationStatus/RegistrationStatus.js';

/** Props of {@link ConnectedRegistrationStatus}: the badge's look and HTML attributes. */
export type ConnectedRegistrationStatusProps = Omit<RegistrationStatusProps, 'registration' | 'transport' | 'reconnect'>;

/**
 * The {@link RegistrationStatus} badge of the phone under `<PhoneProvider>`:
 * Online, Connecting…, Sign-in failed with the reason, Reconnecting… with the
 * attempt and a countdown to `reconnect.nextAttemptAt`.
 *
 * @remarks
 * Selects `registration`, `transport` and `reconnect` from the store, so it
 * re-renders for their changes only, never for calls.
 */
export const ConnectedRegistrationStatus = forwardRef<HTMLDivElement, ConnectedRegistrationStatusProps>(function ConnectedRegistrationStatus(props, ref) {
  const state = usePhone(({ registration, transport, reconnect }) => ({ registration, transport, reconnect }));
  return <RegistrationStatus {...props} {...state} ref={ref} />;
});
