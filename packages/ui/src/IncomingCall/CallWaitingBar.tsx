'use client';
import { Avatar } from '../Avatar/Avatar.js';
import { HangUpIcon, PauseIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';
import type { IncomingCallInfo } from './IncomingCall.js';

/** The texts of {@link CallWaitingBar}; by default from the messages (`callWaitingBar`, and `incoming` for the last two). */
export interface CallWaitingBarLabels {
  /** Small heading above the caller. */
  kind: string;
  /** Puts the current call on hold and answers. */
  holdAndAnswer: string;
  /** Ends the current call and answers. */
  endAndAnswer: string;
  /** Declines the waiting call. */
  decline: string;
  /** Caller shown when the call has neither name nor number. */
  unknownCaller: string;
}

/** Props of {@link CallWaitingBar}. */
export interface CallWaitingBarProps {
  /** The second, ringing call. */
  call: IncomingCallInfo;
  /** Hold the call the user is on and answer this one. */
  onHoldAndAnswer: () => void;
  /** End the call the user is on and answer this one. Hidden when absent. */
  onEndAndAnswer?: () => void;
  /** Decline this call (486 Busy Here). */
  onReject: () => void;
  /** Why the last answer attempt failed, shown as an alert. */
  error?: string | null;
  /** Texts to replace; the rest come from the messages. */
  labels?: Partial<CallWaitingBarLabels>;
  className?: string;
}

/**
 * A compact prompt for a call that rings while another is up (call waiting):
 * one row with the caller and "Hold and answer", "End and answer" and Decline,
 * above the call in progress instead of a second full-size card.
 *
 * @remarks
 * A labelled `alertdialog` like {@link IncomingCall}, without moving focus: the
 * user is in a call and may be typing tones.
 */
export function CallWaitingBar({ call, onHoldAndAnswer, onEndAndAnswer, onReject, error, labels, className }: CallWaitingBarProps) {
  const m = useMessages();
  const text: CallWaitingBarLabels = { ...m.callWaitingBar, decline: m.incoming.decline, unknownCaller: m.incoming.unknownCaller, ...labels };
  const who = call.name.trim() || (call.number && m.displayNumber(call.number)) || text.unknownCaller;
  return (
    <div
      {...localeAttributes(m)}
      role="alertdialog"
      aria-modal={false}
      aria-label={`${text.kind}: ${who}`}
      className={cx('wp-card', 'wp-waiting', className)}
      data-state="ringing"
    >
      <div className="wp-waiting__who">
        <Avatar name={call.name} number={call.number} src={call.avatar} size="sm" pulsing />
        <p className="wp-waiting__title" aria-hidden>
          <span className="wp-waiting__kind">{text.kind}</span>
          <span className="wp-waiting__name" title={call.number || undefined}>
            {who}
          </span>
        </p>
      </div>
      {error && (
        <p className="wp-waiting__error" role="alert">
          {error}
        </p>
      )}
      <div className="wp-waiting__actions">
        <button type="button" className="wp-button wp-button--success" onClick={onHoldAndAnswer}>
          <PauseIcon />
          {text.holdAndAnswer}
        </button>
        {onEndAndAnswer && (
          <button type="button" className="wp-button" onClick={onEndAndAnswer}>
            <HangUpIcon />
            {text.endAndAnswer}
          </button>
        )}
        <button type="button" className="wp-button wp-button--decline" onClick={onReject}>
          {text.decline}
        </button>
      </div>
    </div>
  );
}
