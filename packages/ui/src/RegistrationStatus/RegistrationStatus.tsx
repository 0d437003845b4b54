'use client';
import type { ReconnectState, RegistrationState, Result, TransportStatus } from '@webphone/core';
import { formatDuration } from '@webphone/core';
import { useNow } from '@webphone/react';
import { isoDuration } from '../format/duration.js';
import { cx } from '../internal/cx.js';

/** Props of {@link RegistrationStatus}; the names match the core's `PhoneState` fields. */
export interface RegistrationStatusProps {
  /** `PhoneState.registration`. */
  registration: RegistrationState;
  /** `PhoneState.transport`; a lost connection is shown over the registration. */
  transport?: TransportStatus;
  /** `PhoneState.reconnect`, to show the attempt number while reconnecting. */
  reconnect?: ReconnectState;
  /** Show the address of record next to "Online". Default `true`. */
  showAddress?: boolean;
  /** Clock for the reconnect countdown. Default `Date.now`. */
  now?: () => number;
  className?: string;
}

/** The badge's state, exposed as `data-state` for styling. */
export type RegistrationTone = 'online' | 'pending' | 'offline' | 'error';

/** The tone and text of a registration badge. */
export function describeRegistration(
  registration: RegistrationState,
  transport: TransportStatus = 'connected',
  reconnect?: ReconnectState,
): { tone: RegistrationTone; text: string; detail: string } {
  if (reconnect?.exhausted) return { tone: 'error', text: 'Offline', detail: 'Could not reconnect' };
  if (transport === 'disconnected' && reconnect && reconnect.attempt > 0) {
    return { tone: 'pending', text: 'Reconnecting…', detail: `Attempt ${reconnect.attempt}` };
  }
  switch (registration.status) {
    case 'registered':
      return { tone: 'online', text: 'Online', detail: registration.aor.replace(/^sips?:/, '') };
    case 'registering':
      return { tone: 'pending', text: 'Connecting…', detail: '' };
    case 'unregistered':
      return { tone: 'offline', text: 'Offline', detail: '' };
    case 'failed':
      return { tone: 'error', text: 'Sign-in failed', detail: failureDetail(registration.error, registration.statusCode) };
    default:
      return registration satisfies never;
  }
}

function failureDetail({ code, message }: Result, statusCode: number | undefined): string {
  const [, detail = ''] = /^[A-Z_]+(?::\s*(.*))?$/.exec(message) ?? [];
  if (detail) return detail;
  if (statusCode === 401 || statusCode === 403) return `Check the user name and password (SIP ${statusCode})`;
  if (statusCode !== undefined) return `SIP ${statusCode}`;
  // -204 is RE_REGISTRY_MAX_LIMIT_TIMES (its detail, when there is one, was shown above).
  return code === -204 ? 'Too many attempts' : 'The server refused the registration';
}

/**
 * A badge with the phone's registration state ("Online", "Connecting…", "Offline", "Sign-in failed").
 *
 * @remarks
 * A `role="status"` element, so a change (losing registration mid-call, for
 * example) is announced politely. While a reconnect is scheduled
 * (`reconnect.nextAttemptAt`) it counts down to it once a second, in a
 * `role="timer"` element, which is not live, so the ticks are not announced.
 */
export function RegistrationStatus({ registration, transport, reconnect, showAddress = true, now, className }: RegistrationStatusProps) {
  const { tone, text, detail } = describeRegistration(registration, transport, reconnect);
  const shownDetail = tone === 'online' && !showAddress ? '' : detail;
  const nextAttemptAt = transport === 'disconnected' && reconnect?.nextAttemptAt && !reconnect.exhausted ? reconnect.nextAttemptAt : null;
  const time = useNow(nextAttemptAt, now);
  const secondsLeft = nextAttemptAt === null ? null : Math.max(0, Math.ceil((nextAttemptAt - time) / 1000));
  return (
    <div role="status" className={cx('wp-registration', className)} data-state={tone}>
      <span className="wp-status-dot" aria-hidden />
      <span className="wp-registration__text">{text}</span>
      {shownDetail && <span className="wp-registration__detail">{shownDetail}</span>}
      {secondsLeft !== null && (
        <span className="wp-registration__detail">
          {secondsLeft > 0 ? (
            <>
              retrying in{' '}
              <time role="timer" dateTime={isoDuration(secondsLeft)}>
                {formatDuration(secondsLeft)}
              </time>
            </>
          ) : (
            'retrying now'
          )}
        </span>
      )}
    </div>
  );
}
