'use client';
import { forwardRef, type HTMLAttributes } from 'react';
import { useNow } from '@webphone/react';
import { isoDuration, secondsSince } from '../format/duration.js';
import { cx } from '../internal/cx.js';
import { formatClock } from '../messages/intl.js';
import { useMessages } from '../messages/WebphoneMessages.js';

/** Props of {@link CallTimer}: give either `seconds` or `startTime`; other HTML attributes go to the `<time>`. */
export interface CallTimerProps extends Omit<HTMLAttributes<HTMLTimeElement>, 'children'> {
  /** A duration to show as it is, in seconds (for example from the core's `TimerType`). */
  seconds?: number;
  /**
   * When the call was answered (epoch ms, `CallStatus.callStartTime`). The timer
   * then counts up by itself, once a second. Ignored when `seconds` is given; 0 shows `0:00`.
   */
  startTime?: number;
  /** Clock used with `startTime`; tests and stories may pin it. Default `Date.now`. */
  now?: () => number;
  className?: string;
}

/**
 * A call duration as `m:ss` (or `h:mm:ss`, in the digits of `messages.locale`), either given or counted live from a start timestamp.
 *
 * @remarks
 * Renders a `<time role="timer">`: assistive technology can read it on demand
 * but does not announce every tick (the `timer` role is not live by default).
 */
export const CallTimer = forwardRef<HTMLTimeElement, CallTimerProps>(function CallTimer({ seconds, startTime = 0, now, className, ...rest }, ref) {
  const m = useMessages();
  const counting = seconds === undefined && startTime > 0;
  const time = useNow(counting ? startTime : null, now);
  const value = seconds ?? secondsSince(startTime, time);
  return (
    <time {...rest} ref={ref} role="timer" className={cx('wp-timer', className)} dateTime={isoDuration(value)} dir="ltr">
      {formatClock(m.locale, value)}
    </time>
  );
});
