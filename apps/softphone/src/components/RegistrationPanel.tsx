import { useRegistration } from '@webphone/react';
import { ConnectedRegistrationStatus } from '@webphone/ui';

/**
 * The registration badge (Online, Sign-in failed with the reason,
 * Reconnecting… with a countdown) and, when it is not green, a way to try
 * again at once.
 */
export function RegistrationPanel() {
  const { status, transport, nextAttemptAt, exhausted, start } = useRegistration();
  const stuck = status === 'failed' || exhausted || (transport === 'disconnected' && nextAttemptAt !== null);
  return (
    <div className="demo-registration">
      <ConnectedRegistrationStatus />
      {stuck && (
        <button type="button" className="wp-button wp-button--small" onClick={start}>
          Retry now
        </button>
      )}
    </div>
  );
}
