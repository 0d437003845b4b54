'use client';
import type { CallStatus } from '@webphone/core';
import { forwardRef, useEffect, useId, useLayoutEffect, useRef, type FocusEvent, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { Avatar } from '../Avatar/Avatar.js';
import { HangUpIcon, PhoneIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';
import { isEditable } from '../internal/is-editable.js';
import { mergeRefs } from '../internal/merge-refs.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';
import { PhoneNumber } from '../number/PhoneNumber.js';
import { startRingtone } from './ringtone.js';

/** The caller details {@link IncomingCall} shows: a subset of the core's `CallStatus`. */
export type IncomingCallInfo = Pick<CallStatus, 'name' | 'number' | 'avatar' | 'company'> & Partial<Pick<CallStatus, 'callId' | 'isVideo'>>;

/** Props of {@link IncomingCall}; other HTML attributes go to the root `<div role="alertdialog">`. */
export interface IncomingCallProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
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
  /**
   * Name of the call the user is on, if any: the dialog then says that answering
   * puts that call on hold (call waiting).
   */
  activeCallName?: string;
  /** Play a synthesised ringtone while shown. Default `false`. */
  ringtone?: boolean;
  /** Output device for the ringtone (`deviceIds.ringerDeviceId`); the default output when absent or unsupported. */
  ringerDeviceId?: string;
  /**
   * Move focus to the Answer button when shown. Default `false`: a call
   * arriving while the user types elsewhere in the app must not take their
   * keystrokes. When the dialog closes (declined, or the caller gave up)
   * with focus inside it, focus goes back where it was before.
   */
  autoFocus?: boolean;
  /**
   * Single-key shortcuts: `A` answers and `D` declines, anywhere on the page
   * except while the user types in a field (input, textarea, select,
   * contenteditable); keys with Ctrl, Alt or Meta never count. Listed in
   * `aria-keyshortcuts`; the visible hint shows except on touch-only screens.
   * Default `false`. `Escape` declines while focus is in the dialog either way.
   */
  shortcuts?: boolean;
  /** Why the last answer attempt failed (e.g. no microphone), shown as an alert. */
  error?: string | null;
  /** Replaces the caller's picture (`null` hides it). Default the {@link Avatar} of the call. */
  avatar?: ReactNode;
  className?: string;
}

/** Which shortcut a key is: by character, or by physical key on layouts without Latin letters. */
function shortcutOf(event: { key: string; code: string }): 'answer' | 'decline' | null {
  const key = event.key.toLowerCase();
  if (key === 'a' || event.code === 'KeyA') return 'answer';
  if (key === 'd' || event.code === 'KeyD') return 'decline';
  return null;
}

/**
 * The ringing-call prompt: a labelled `alertdialog` with the caller and Answer / Decline.
 *
 * @remarks
 * The dialog is named "Incoming call from …" and described by the caller
 * details, so a screen reader announces who is calling when focus moves into
 * it. It takes focus only with `autoFocus`, and gives it back when it closes.
 */
export const IncomingCall = forwardRef<HTMLDivElement, IncomingCallProps>(function IncomingCall(
  {
    call,
    onAnswer,
    onReject,
    onAnswerAudioOnly,
    activeCallName,
    ringtone,
    ringerDeviceId,
    autoFocus = false,
    shortcuts = false,
    error,
    avatar,
    className,
    onFocus,
    onKeyDown,
    ...rest
  },
  forwardedRef,
) {
  const m = useMessages();
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const answerRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const answered = useRef(false);
  // The latest callbacks, for the window listener of the shortcuts.
  const actions = useRef({ onAnswer, onReject });
  useEffect(() => {
    actions.current = { onAnswer, onReject };
  });
  const number = call.number;
  const kind = call.isVideo ? m.incoming.kind.video : m.incoming.kind.audio;
  const spokenName = call.name.trim() || (number ? m.displayNumber(number) : m.incoming.unknownCaller);

  useEffect(() => (ringtone ? startRingtone({ sinkId: ringerDeviceId }) : undefined), [ringtone, ringerDeviceId]);

  useLayoutEffect(() => {
    const root = rootRef.current;
    if (autoFocus) {
      const before = root?.ownerDocument.activeElement;
      if (before instanceof HTMLElement && before !== before.ownerDocument.body && !root?.contains(before)) returnTo.current = before;
      answerRef.current?.focus();
    }
    // Runs before React removes the dialog, while focus may still be inside it.
    return () => {
      const active = root?.ownerDocument.activeElement;
      const target = returnTo.current;
      if (!answered.current && root?.contains(active ?? null) && target?.isConnected) target.focus();
    };
  }, [autoFocus]);

  useEffect(() => {
    if (!shortcuts) return;
    const onWindowKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.repeat || isEditable(event.target)) return;
      const shortcut = shortcutOf(event);
      if (shortcut === null) return;
      event.preventDefault();
      if (shortcut === 'answer') answer();
      else actions.current.onReject();
    };
    window.addEventListener('keydown', onWindowKeyDown);
    return () => window.removeEventListener('keydown', onWindowKeyDown);
  }, [shortcuts]);

  function answer() {
    answered.current = true;
    actions.current.onAnswer();
  }

  const onDialogKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onReject();
    }
  };

  const onDialogFocus = (event: FocusEvent<HTMLDivElement>) => {
    onFocus?.(event);
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !event.currentTarget.contains(from)) returnTo.current = from;
  };

  return (
    <div
      {...localeAttributes(m)}
      {...rest}
      ref={mergeRefs(rootRef, forwardedRef)}
      role="alertdialog"
      aria-modal={false}
      aria-label={m.incoming.dialogLabel(kind, spokenName)}
      aria-describedby={`${id}-details`}
      className={cx('wp-card', 'wp-incoming', className)}
      onKeyDown={onDialogKeyDown}
      onFocus={onDialogFocus}
    >
      <p className="wp-incoming__kind">
        <span className="wp-incoming__dot" aria-hidden />
        {kind}
      </p>
      {avatar === undefined ? <Avatar name={call.name} number={call.number} src={call.avatar} size="lg" pulsing /> : avatar}
      <h2 className="wp-incoming__title">{call.name.trim() || (number ? <PhoneNumber number={number} /> : m.incoming.unknownCaller)}</h2>
      <div id={`${id}-details`} className="wp-incoming__details">
        {call.name.trim() !== '' && number !== '' && (
          <p className="wp-incoming__number">
            <PhoneNumber number={number} />
          </p>
        )}
        {call.company.trim() !== '' && <p className="wp-incoming__company">{call.company}</p>}
        {activeCallName && <p className="wp-incoming__note">{m.incoming.callWaiting(activeCallName)}</p>}
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
            aria-keyshortcuts={shortcuts ? 'D Escape' : 'Escape'}
            aria-label={m.incoming.decline}
          >
            <HangUpIcon />
          </button>
          <span className="wp-round__label" aria-hidden>
            {m.incoming.decline}
          </span>
        </div>
        <div className="wp-incoming__action">
          <button
            ref={answerRef}
            type="button"
            className="wp-round wp-round--success"
            onClick={answer}
            aria-keyshortcuts={shortcuts ? 'A' : undefined}
            aria-label={m.incoming.answer}
          >
            <PhoneIcon />
          </button>
          <span className="wp-round__label" aria-hidden>
            {m.incoming.answer}
          </span>
        </div>
      </div>
      {call.isVideo && onAnswerAudioOnly && (
        <button
          type="button"
          className="wp-button wp-incoming__audio-only"
          onClick={() => {
            answered.current = true;
            onAnswerAudioOnly();
          }}
        >
          {m.incoming.answerAudioOnly}
        </button>
      )}
      {shortcuts && (
        <p className="wp-incoming__shortcuts" aria-hidden>
          <kbd>A</kbd> {m.incoming.shortcutAnswer} · <kbd>D</kbd> {m.incoming.shortcutDecline}
        </p>
      )}
    </div>
  );
});
