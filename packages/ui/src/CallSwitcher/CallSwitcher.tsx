'use client';
import type { CallStatus } from '@webphone/core';
import { Avatar } from '../Avatar/Avatar.js';
import { callStatusText, callTone } from '../ActiveCall/call-text.js';
import { CallTimer } from '../CallTimer/CallTimer.js';
import { SwapIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';

/** Props of {@link CallSwitcher}. */
export interface CallSwitcherProps {
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
export function CallSwitcher({ calls, currentCallId, onSwitch, now, className }: CallSwitcherProps) {
  if (calls.length < 2) return null;
  return (
    <section className={cx('wp-card', 'wp-switcher', className)} aria-label="Calls">
      <ul className="wp-switcher__list">
        {calls.map((call) => {
          const current = call.callId === currentCallId;
          const name = call.name.trim() || call.number;
          return (
            <li key={call.callId} className="wp-switcher__item" data-state={callTone(call)} aria-current={current || undefined}>
              <Avatar name={call.name} number={call.number} src={call.avatar} size="sm" />
              <div className="wp-switcher__who">
                <span className="wp-switcher__name">{name}</span>
                <span className="wp-switcher__status">
                  <span className="wp-status-dot" aria-hidden />
                  {callStatusText(call)}
                  {call.callStartTime > 0 && (
                    <>
                      <span aria-hidden> · </span>
                      <CallTimer startTime={call.callStartTime} now={now} />
                    </>
                  )}
                </span>
              </div>
              {current ? (
                <span className="wp-badge wp-badge--active">Current</span>
              ) : (
                <button type="button" className="wp-button wp-button--small" onClick={() => onSwitch(call.callId)} aria-label={`Switch to ${name}`}>
                  <SwapIcon />
                  Switch
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="wp-switcher__help">Switching puts the current call on hold.</p>
    </section>
  );
}
