'use client';
import { CallAudio, isSuccess, usePhone } from '@webphone/react';
import { forwardRef, useId, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { activeCallIdOf } from '../connected/call-selection.js';
import { ConnectedActiveCall } from '../connected/ConnectedActiveCall.js';
import { ConnectedCallSwitcher } from '../connected/ConnectedCallSwitcher.js';
import { ConnectedDialer } from '../connected/ConnectedDialer.js';
import { ConnectedDoNotDisturbToggle } from '../connected/ConnectedDoNotDisturbToggle.js';
import { ConnectedIncomingCall } from '../connected/ConnectedIncomingCall.js';
import { ConnectedRegistrationStatus } from '../connected/ConnectedRegistrationStatus.js';
import { useRingback } from '../connected/useRingback.js';
import type { RingbackSound } from '../audio/ringback.js';
import { PhoneIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';
import { requestFocus } from '../internal/focus-request.js';
import { mergeRefs } from '../internal/merge-refs.js';
import type { MessagesOverride } from '../messages/messages.js';
import { localeAttributes, useMessages, WebphoneMessages } from '../messages/WebphoneMessages.js';

/** Props of {@link Softphone}; other HTML attributes go to the root `<section>`. */
export interface SoftphoneProps extends Omit<HTMLAttributes<HTMLElement>, 'children' | 'title'> {
  /** Heading of the phone. Default `messages.softphone.title`, "Phone". */
  title?: string;
  /** Show the do-not-disturb toggle in the header. Default `true`. */
  showDoNotDisturb?: boolean;
  /**
   * The tone played while an outgoing call rings at the far end without
   * early media: `'north-america'` (default), `'europe'`, `'uk'`, the app's
   * own sound `{ src: '/ringback.mp3' }` (looped), or `false` for none.
   */
  ringback?: RingbackSound;
  /**
   * Texts of this phone: a complete locale (`ar` from
   * `@webphone/ui/locales/ar`) or a few texts to change, over those of an
   * enclosing `<WebphoneMessages>` (English by default).
   */
  messages?: MessagesOverride;
  /**
   * Single-key shortcuts for a ringing call (`A` answer, `D` decline),
   * anywhere on the page except in text fields. Default `false`: a user
   * typing in the host app must not answer a call by accident.
   */
  shortcuts?: boolean;
  /** Move focus to Answer when a call rings. Default `false` (focus stays where the user is). */
  focusIncomingCall?: boolean;
  /** Replaces the contents of the header (title, do-not-disturb toggle, registration badge). */
  header?: ReactNode;
  /** Extra controls of the app on the in-call screen, after the built-in ones. */
  callActions?: ReactNode;
  /**
   * Shows video calls: `(callId) => <ConnectedCallVideo callId={callId} />`,
   * with the Camera toggle and the question when the far end asks for video
   * (see `ConnectedActiveCall`). Without it the phone is audio-only and ships
   * no video widget.
   */
  renderVideo?: (callId: string) => ReactNode;
  /**
   * Ring while a call comes in (the built-in synthesised ring). Default `true`;
   * `false` when the app plays its own sounds, e.g. with `<CallSounds>`.
   */
  ringtone?: boolean;
  className?: string;
}

/** Where focus goes after an action, best first (see `requestFocus`). */
const CALL_CONTROLS = ['.wp-call__controls button:not(:disabled)', '[data-wp-action="hang-up"]'];
const DIALER = ['.wp-dialer__input'];

/**
 * A complete phone: put it under `<PhoneProvider config={...}>` and it works.
 *
 * @remarks
 * Composes the connected widgets: the registration badge and the
 * do-not-disturb toggle, the incoming-call
 * dialog (with a ringtone), the ringback tone of an outgoing call (see
 * `ringback`; a far end's early media plays instead), the call switcher for two calls, the in-call
 * screen (or the reason a call ended), and the dialer, shown when no call is
 * up and behind "Add call" during one. `<CallAudio />` plays the calls'
 * sound; when the browser blocks autoplay, a "Click to enable sound" button
 * appears until the user presses it.
 *
 * Focus: a ringing call takes it only with `focusIncomingCall`. After Answer,
 * Call and Switch it lands on the call's first control (Mute), after Close of
 * an ended call on the number field, after Decline back where it was.
 *
 * @example
 * ```tsx
 * <PhoneProvider config={{ server: 'wss://pbx.example.com/ws', extension: '1001', password: 's3cret' }}>
 *   <Softphone />
 * </PhoneProvider>
 * ```
 */
export const Softphone = forwardRef<HTMLElement, SoftphoneProps>(function Softphone({ messages, ...props }, ref) {
  const body = <SoftphoneBody {...props} ref={ref} />;
  return messages === undefined ? body : <WebphoneMessages messages={messages}>{body}</WebphoneMessages>;
});

const SoftphoneBody = forwardRef<HTMLElement, Omit<SoftphoneProps, 'messages'>>(function SoftphoneBody(
  {
    title,
    showDoNotDisturb = true,
    ringback = 'north-america',
    ringtone = true,
    shortcuts = false,
    focusIncomingCall = false,
    header,
    callActions,
    renderVideo,
    className,
    ...rest
  },
  forwardedRef,
) {
  const m = useMessages();
  const id = useId();
  const rootRef = useRef<HTMLElement>(null);
  useRingback(ringback);
  const { inCall, atCallLimit } = usePhone((s) => ({ inCall: activeCallIdOf(s) !== null, atCallLimit: s.isMaxCall }));
  const [adding, setAdding] = useState(false);
  const showAddCall = inCall && !atCallLimit;
  const focusCall = () => requestFocus(rootRef.current, CALL_CONTROLS);

  return (
    <section
      {...localeAttributes(m)}
      {...rest}
      ref={mergeRefs(rootRef, forwardedRef)}
      className={cx('wp-softphone', className)}
      aria-labelledby={header === undefined ? `${id}-title` : undefined}
      aria-label={header === undefined ? undefined : (title ?? m.softphone.title)}
    >
      <header className="wp-softphone__header">
        {header !== undefined ? (
          header
        ) : (
          <>
            <h2 id={`${id}-title`} className="wp-softphone__title">
              {title ?? m.softphone.title}
            </h2>
            <div className="wp-softphone__header-end">
              {showDoNotDisturb && <ConnectedDoNotDisturbToggle />}
              <ConnectedRegistrationStatus showAddress={false} />
            </div>
          </>
        )}
      </header>
      <CallAudio>
        {({ blocked, resume }) =>
          blocked && (
            <button type="button" className="wp-button wp-button--primary wp-softphone__sound" onClick={() => void resume()}>
              {m.softphone.enableSound}
            </button>
          )
        }
      </CallAudio>
      <ConnectedIncomingCall
        ringtone={ringtone}
        autoFocus={focusIncomingCall}
        shortcuts={shortcuts}
        onUserAnswer={focusCall}
        onUserDecline={() => requestFocus(rootRef.current, [...CALL_CONTROLS, ...DIALER], { onlyWhenLost: true, timeoutMs: 1000 })}
      />
      <ConnectedCallSwitcher onUserSwitch={focusCall} />
      <ConnectedActiveCall actions={callActions} renderVideo={renderVideo} onUserDismiss={() => requestFocus(rootRef.current, [...DIALER, ...CALL_CONTROLS])} />
      {showAddCall && (
        <button type="button" className="wp-button wp-softphone__add" aria-expanded={adding} aria-controls={`${id}-dialer`} onClick={() => setAdding(!adding)}>
          <PhoneIcon />
          {adding ? m.softphone.closeDialer : m.softphone.addCall}
        </button>
      )}
      {(!inCall || (adding && showAddCall)) && (
        <div id={`${id}-dialer`} className="wp-softphone__dialer">
          <ConnectedDialer
            onCallResult={(_number, result) => {
              if (!isSuccess(result)) return;
              setAdding(false);
              focusCall();
            }}
          />
        </div>
      )}
    </section>
  );
});
