'use client';
import type { CallStatus } from '@webphone/core';
import { useEffect, useId, type KeyboardEvent } from 'react';
import { Avatar } from '../Avatar/Avatar.js';
import { HangUpIcon, PhoneIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';
import { startRingtone } from './ringtone.js';

/** The caller details {@link IncomingCall} shows: a subset of the core's `CallStatus`. */
export type IncomingCallInfo = Pick<CallStatus, 'name' | 'number' | 'avatar' | 'company'> & Partial<Pick<CallStatus, 'callId' | 'isVideo'>>;

/** Props of {@link IncomingCall}. */
export interface IncomingCallProps {
  /** The ringing call (a `CallStatus` from the store works as it is). */
  call: IncomingCallInfo;
  /** Answer the call. */
  onAnswer: () => void;
  /** Decline the call (the phone answers 486 Busy Here). */
  onReject: () => void;
  /**
   * Answer a video call without the camera (`answer(id, { video: false })`:
   * neither side sends video). Shown for video calls only.
   */
  onAnswerAudioOnly?: () => void;
  /** Label of the audio-only answer. Default `'Answer audio only'`. */
  audioOnlyLabel?: string;
  /**
   * Name of the call the user is on, if any: the dialog then says that answering
   * puts that call on hold (call waiting).
   */
  activeCallName?: string;
  /** Play a synthesised ringtone while shown. Default `false`. */
  ringtone?: boolean;
  /** Output device for the ringtone (`deviceIds.ringerDeviceId`); the default output when absent or unsupported. */
  ringerDeviceId?: string;
  /** Move focus to the Answer button when shown. Default `true`, as for any alert dialog. */
  autoFocus?: boolean;
  /** Keyboard shortcuts inside the dialog: `A` answers, `D` or `Escape` declines. Default `true`. */
  shortcuts?: boolean;
  /** Why the last answer attempt failed (e.g. no microphone), shown as an alert. */
  error?: string | null;
  className?: string;
}

/**
 * The ringing-call prompt: a labelled `alertdialog` with the caller and Answer / Decline.
 *
 * @remarks
 * The dialog is named by its heading ("Incoming call from …") and described by
 * the caller details, so a screen reader announces who is calling when focus
 * moves into it. Shortcuts are scoped to the dialog and ignore modified keys.
 */
export function IncomingCall({
  call,
  onAnswer,
  onReject,
  onAnswerAudioOnly,
  audioOnlyLabel = 'Answer audio only',
  activeCallName,
  ringtone,
  ringerDeviceId,
  autoFocus = true,
  shortcuts = true,
  error,
  className,
}: IncomingCallProps) {
  const id = useId();
  const displayName = call.name.trim() || call.number || 'Unknown caller';
  const kind = call.isVideo ? 'Incoming video call' : 'Incoming call';

  useEffect(() => (ringtone ? startRingtone({ sinkId: ringerDeviceId }) : undefined), [ringtone, ringerDeviceId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!shortcuts || event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
    const shortcut: Partial<Record<string, () => void>> = { a: onAnswer, d: onReject, escape: onReject };
    const action = shortcut[event.key.toLowerCase()];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return (
    <div
      role="alertdialog"
      aria-modal={false}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-details`}
      className={cx('wp-card', 'wp-incoming', className)}
      onKeyDown={onKeyDown}
    >
      <p className="wp-incoming__kind">
        <span className="wp-incoming__dot" aria-hidden />
        {kind}
      </p>
      <Avatar name={call.name} number={call.number} src={call.avatar} size="lg" pulsing />
      <h2 id={`${id}-title`} className="wp-incoming__title">
        <span className="wp-sr-only">{kind} from </span>
        {displayName}
      </h2>
      <div id={`${id}-details`} className="wp-incoming__details">
        {call.name.trim() !== '' && call.number !== '' && <p className="wp-incoming__number">{call.number}</p>}
        {call.company.trim() !== '' && <p className="wp-incoming__company">{call.company}</p>}
        {activeCallName && <p className="wp-incoming__note">Answering puts your call with {activeCallName} on hold.</p>}
      </div>
      {error && (
        <p className="wp-incoming__error" role="alert">
          {error}
        </p>
      )}
      <div className="wp-incoming__actions">
        <div className="wp-incoming__action">
          <button
            type="button"
            className="wp-round wp-round--danger"
            onClick={onReject}
            aria-keyshortcuts={shortcuts ? 'D Escape' : undefined}
            aria-label="Decline"
          >
            <HangUpIcon />
          </button>
          <span className="wp-round__label" aria-hidden>
            Decline
          </span>
        </div>
        <div className="wp-incoming__action">
          <button
            // React focuses it as the dialog mounts.
            autoFocus={autoFocus}
            type="button"
            className="wp-round wp-round--success"
            onClick={onAnswer}
            aria-keyshortcuts={shortcuts ? 'A' : undefined}
            aria-label="Answer"
          >
            <PhoneIcon />
          </button>
          <span className="wp-round__label" aria-hidden>
            Answer
          </span>
        </div>
      </div>
      {call.isVideo && onAnswerAudioOnly && (
        <button type="button" className="wp-button wp-incoming__audio-only" onClick={onAnswerAudioOnly}>
          {audioOnlyLabel}
        </button>
      )}
      {shortcuts && (
        <p className="wp-incoming__shortcuts" aria-hidden>
          <kbd>A</kbd> answer · <kbd>D</kbd> decline
        </p>
      )}
    </div>
  );
}
