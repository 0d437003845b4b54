'use client';
import type { CallStatus } from '@webphone/core';
import { forwardRef, type HTMLAttributes } from 'react';
import { Avatar } from '../Avatar/Avatar.js';
import { callStatusText, callTone } from '../ActiveCall/call-text.js';
import { CallTimer } from '../CallTimer/CallTimer.js';
import { SwapIcon } from '../icons/icons.js';
import { PhoneNumber } from '../number/PhoneNumber.js';
import { cx } from '../internal/cx.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';

/** Props of {@link CallSwitcher}; other HTML attributes go to the root `<section>`. */
export interface CallSwitcherProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** The live calls, in the order they began (the store's `callIds` mapped to `CallStatus`). */
  calls: readonly CallStatus[];
  /** The call the user is on (`currentSessionID`). */
  currentCallId: string | null;
  /**
   * Make another call the current one. The connected layer holds the current
   * call and resumes the chosen one.
   */
  onSwitch: (callId: string) => void;
  /** Clock for the timers. Default `Date.now`. */
  now?: () => number;
  className?: string;
}

/**
 * The list of calls when there is more than one: who, state and duration, and a
 * Switch button on each call that is not the current one.
 *
 * @remarks
 * The current call is marked with `aria-current`. Renders nothing for fewer than two calls.
 */
export const CallSwitcher = forwardRef<HTMLElement, CallSwitcherProps>(function CallSwitcher({ calls, currentCallId, onSwitch, now, className, ...rest }, ref) {
  const m = useMessages();
  if (calls.length < 2) return null;
  return (
    <section {...localeAttributes(m)} {...rest} ref={ref} className={cx('wp-card', 'wp-switcher', className)} aria-label={m.switcher.label(calls.length)}>
      <ul className="wp-switcher__list">
        {calls.map((call) => {
          const current = call.callId === currentCallId;
          const name = call.name.trim() || m.displayNumber(call.number);
          return (
            <li key={call.callId} className="wp-switcher__item" data-state={callTone(call)} aria-current={current || undefined}>
              <Avatar name={call.name} number={call.number} src={call.avatar} size="sm" />
              <div className="wp-switcher__who">
                <span className="wp-switcher__name">{call.name.trim() || <PhoneNumber number={call.number} />}</span>
                <span className="wp-switcher__status">
                  <span className="wp-status-dot" aria-hidden />
                  {callStatusText(call, null, m)}
                  {call.callStartTime > 0 && (
                    <>
                      <span aria-hidden> · </span>
                      <CallTimer startTime={call.callStartTime} now={now} />
                    </>
                  )}
                </span>
              </div>
              {current ? (
                <span className="wp-badge wp-badge--active">{m.switcher.current}</span>
              ) : (
                <button type="button" className="wp-button wp-button--small" onClick={() => onSwitch(call.callId)} aria-label={m.switcher.switchTo(name)}>
                  <SwapIcon />
                  {m.switcher.switch}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="wp-switcher__help">{m.switcher.help}</p>
    </section>
  );
});
