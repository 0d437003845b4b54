'use client';
import type { ReconnectState, RegistrationState, Result, TransportStatus } from '@webphone/core';
import { useNow } from '@webphone/react';
import { forwardRef, type HTMLAttributes } from 'react';
import { sipReasonText } from '../ActiveCall/call-text.js';
import { isoDuration } from '../format/duration.js';
import { cx } from '../internal/cx.js';
import { en } from '../messages/en.js';
import { formatClock } from '../messages/intl.js';
import type { Messages } from '../messages/messages.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';

/** Props of {@link RegistrationStatus}; the names match the core's `PhoneState` fields. Other HTML attributes go to the root `<div>`. */
export interface RegistrationStatusProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
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

/**
 * The tone and texts of a registration badge: `detail` for the person at the
 * phone, `technical` (the core's message, English) for the badge's `title`.
 */
export function describeRegistration(
  registration: RegistrationState,
  transport: TransportStatus = 'connected',
  reconnect?: ReconnectState,
  messages: Messages = en,
): { tone: RegistrationTone; text: string; detail: string; technical: string } {
  const r = messages.registration;
  if (reconnect?.exhausted) return { tone: 'error', text: r.offline, detail: r.couldNotReconnect, technical: '' };
  if (transport === 'disconnected' && reconnect && reconnect.attempt > 0) {
    return { tone: 'pending', text: r.reconnecting, detail: r.attempt(reconnect.attempt), technical: '' };
  }
  switch (registration.status) {
    case 'registered':
      return { tone: 'online', text: r.online, detail: registration.aor.replace(/^sips?:/, ''), technical: '' };
    case 'registering':
      return { tone: 'pending', text: r.connecting, detail: '', technical: '' };
    case 'unregistered':
      return { tone: 'offline', text: r.offline, detail: '', technical: '' };
    case 'failed':
      return {
        tone: 'error',
        text: r.signInFailed,
        detail: failureDetail(registration.error, registration.statusCode, messages),
        technical: registration.error.message,
      };
    default:
      return registration satisfies never;
  }
}

/** Why sign-in failed, in the style of the end reasons ("Check the user name and password (SIP 403)"), never the raw "403 Forbidden". */
function failureDetail({ code, message }: Result, statusCode: number | undefined, messages: Messages): string {
  const r = messages.registration;
  const status = statusCode ?? Number(/\b([3-6]\d\d)\b/.exec(message)?.[1] ?? Number.NaN);
  if (status === 401 || status === 403 || status === 407) return r.checkCredentials(status);
  if (Number.isFinite(status)) return sipReasonText(status, r.refused, messages);
  // -204 is RE_REGISTRY_MAX_LIMIT_TIMES.
  return code === -204 ? r.tooManyAttempts : r.refused;
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
export const RegistrationStatus = forwardRef<HTMLDivElement, RegistrationStatusProps>(function RegistrationStatus(
  { registration, transport, reconnect, showAddress = true, now, className, ...rest },
  ref,
) {
  const m = useMessages();
  const { tone, text, detail, technical } = describeRegistration(registration, transport, reconnect, m);
  const shownDetail = tone === 'online' && !showAddress ? '' : detail;
  const nextAttemptAt = transport === 'disconnected' && reconnect?.nextAttemptAt && !reconnect.exhausted ? reconnect.nextAttemptAt : null;
  const time = useNow(nextAttemptAt, now);
  const secondsLeft = nextAttemptAt === null ? null : Math.max(0, Math.ceil((nextAttemptAt - time) / 1000));
  return (
    <div
      {...localeAttributes(m)}
      title={technical || undefined}
      {...rest}
      ref={ref}
      role="status"
      className={cx('wp-registration', className)}
      data-state={tone}
    >
      <span className="wp-status-dot" aria-hidden />
      <span className="wp-registration__text">{text}</span>
      {shownDetail && <span className="wp-registration__detail">{shownDetail}</span>}
      {secondsLeft !== null && (
        <span className="wp-registration__detail">
          {secondsLeft > 0 ? (
            <>
              {m.registration.retryingIn}{' '}
              <time role="timer" dateTime={isoDuration(secondsLeft)} dir="ltr">
                {formatClock(m.locale, secondsLeft)}
              </time>
            </>
          ) : (
            m.registration.retryingNow
          )}
        </span>
      )}
    </div>
  );
});
