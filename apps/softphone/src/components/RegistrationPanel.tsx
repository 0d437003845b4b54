import { usePhone, useRegistration } from '@webphone/react';
import { ConnectedRegistrationStatus } from '@webphone/ui';

/**
 * The registration badge (Online, Sign-in failed with the reason,
 * Reconnecting… with a countdown) and, when it is not green, a way to try
 * again at once; below it the server in use (one of several for a cluster).
 */
export function RegistrationPanel() {
  const { status, transport, nextAttemptAt, exhausted, start } = useRegistration();
  const stuck = status === 'failed' || exhausted || (transport === 'disconnected' && nextAttemptAt !== null);
  const server = usePhone((state) => state.server);
  return (
    <div className="demo-registration">
      <ConnectedRegistrationStatus />
      <p className="demo-muted" aria-label="Server in use">
        {server}
      </p>
      {stuck && (
        <button type="button" className="wp-button wp-button--small" onClick={start}>
          Retry now
        </button>
      )}
    </div>
  );
}
