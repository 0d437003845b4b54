'use client';
import { CallAudio, isSuccess, usePhone } from '@webphone/react';
import { useId, useState } from 'react';
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

/** Props of {@link Softphone}. */
export interface SoftphoneProps {
  /** Heading of the phone. Default `"Phone"`. */
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
   * Ring while a call comes in (the built-in synthesised ring). Default `true`;
   * `false` when the app plays its own sounds, e.g. with `<CallSounds>`.
   */
  ringtone?: boolean;
  className?: string;
}

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
 * @example
 * ```tsx
 * <PhoneProvider config={{ server: 'wss://pbx.example.com/ws', extension: '1001', password: 's3cret' }}>
 *   <Softphone />
 * </PhoneProvider>
 * ```
 */
export function Softphone({ title = 'Phone', showDoNotDisturb = true, ringback = 'north-america', ringtone = true, className }: SoftphoneProps) {
  const id = useId();
  useRingback(ringback);
  const { inCall, atCallLimit } = usePhone((s) => ({ inCall: activeCallIdOf(s) !== null, atCallLimit: s.isMaxCall }));
  const [adding, setAdding] = useState(false);
  const showAddCall = inCall && !atCallLimit;

  return (
    <section className={cx('wp-softphone', className)} aria-labelledby={`${id}-title`}>
      <header className="wp-softphone__header">
        <h2 id={`${id}-title`} className="wp-softphone__title">
          {title}
        </h2>
        <div className="wp-softphone__header-end">
          {showDoNotDisturb && <ConnectedDoNotDisturbToggle />}
          <ConnectedRegistrationStatus showAddress={false} />
        </div>
      </header>
      <CallAudio>
        {({ blocked, resume }) =>
          blocked && (
            <button type="button" className="wp-button wp-button--primary wp-softphone__sound" onClick={() => void resume()}>
              Click to enable sound
            </button>
          )
        }
      </CallAudio>
      <ConnectedIncomingCall ringtone={ringtone} />
      <ConnectedCallSwitcher />
      <ConnectedActiveCall />
      {showAddCall && (
        <button type="button" className="wp-button wp-softphone__add" aria-expanded={adding} aria-controls={`${id}-dialer`} onClick={() => setAdding(!adding)}>
          <PhoneIcon />
          {adding ? 'Close dialer' : 'Add call'}
        </button>
      )}
      {(!inCall || (adding && showAddCall)) && (
        <div id={`${id}-dialer`} className="wp-softphone__dialer">
          <ConnectedDialer
            onCallResult={(_number, result) => {
              if (isSuccess(result)) setAdding(false);
            }}
          />
        </div>
      )}
    </section>
  );
}
