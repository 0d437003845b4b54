import { useRegistration } from '@webphone/react';
import { RegistrationStatus, type RegistrationStatusProps } from '../RegistrationStatus/RegistrationStatus';

/** Props of {@link ConnectedRegistrationStatus}. */
export type ConnectedRegistrationStatusProps = Pick<RegistrationStatusProps, 'showAddress' | 'now' | 'className'>;

/**
 * The {@link RegistrationStatus} badge of the phone under `<PhoneProvider>`:
 * Online, Connecting…, Sign-in failed with the reason, Reconnecting… with the
 * attempt and a countdown to `reconnect.nextAttemptAt`.
 *
 * @remarks
 * Reads `useRegistration()`, so it re-renders for registration, transport and
 * reconnect changes only, never for calls.
 */
export function ConnectedRegistrationStatus(props: ConnectedRegistrationStatusProps) {
  const { registration, transport, attempt, nextAttemptAt, exhausted } = useRegistration();
  return <RegistrationStatus {...props} registration={registration} transport={transport} reconnect={{ attempt, nextAttemptAt, exhausted }} />;
}
