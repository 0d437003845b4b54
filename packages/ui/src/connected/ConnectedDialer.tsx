'use client';
import { isSuccess, usePhone, usePhoneCommands, type CallOptions, type Result } from '@webphone/react';
import { forwardRef, useRef, useState } from 'react';
import { Dialer, type DialerProps } from '../Dialer/Dialer.js';
import { useMessages } from '../messages/WebphoneMessages.js';
import { callsToHold } from './call-selection.js';
import { callErrorText } from './result-text.js';

/** Props of {@link ConnectedDialer}: the {@link Dialer}'s look and HTML attributes, without what the phone decides. */
export interface ConnectedDialerProps extends Omit<DialerProps, 'value' | 'onValueChange' | 'onCall' | 'registered' | 'atCallLimit' | 'error'> {
  /** Called after each attempt with the number and the phone's `Result` (e.g. for a call history). */
  onCallResult?: (number: string, result: Result) => void;
  /**
   * Options of each call placed, e.g. `{ headers: { 'X-Queue': 'sales' } }`
   * (headers the phone refuses make Call show why: `INVALID_HEADER`).
   */
  callOptions?: CallOptions;
}

/**
 * The {@link Dialer} of the phone under `<PhoneProvider>`: Call places the call.
 *
 * @remarks
 * Call is disabled while the phone is not registered or at its call limit
 * (`isRegistered`, `isMaxCall`). A refused call (microphone denied, dialling
 * too fast…) is explained under the field; a placed call clears the field and
 * holds any call the user was talking on, as a desk phone does.
 */
export const ConnectedDialer = forwardRef<HTMLDivElement, ConnectedDialerProps>(function ConnectedDialer(
  { defaultValue = '', onCallResult, callOptions, ...look },
  ref,
) {
  const m = useMessages();
  const phone = usePhoneCommands();
  const { isRegistered, isMaxCall } = usePhone((s) => ({ isRegistered: s.isRegistered, isMaxCall: s.isMaxCall }));
  const [number, setNumber] = useState(defaultValue);
  const [error, setError] = useState<Result | null>(null);
  const placing = useRef(false);

  const placeCall = async (target: string): Promise<void> => {
    // Enter and a click in the same tick must not place two calls.
    if (placing.current) return;
    placing.current = true;
    let result: Result;
    try {
      result = await phone.call(target, callOptions);
    } finally {
      placing.current = false;
    }
    if (isSuccess(result)) {
      for (const id of callsToHold(phone.phone.store.getState())) phone.hold(id);
      setNumber('');
      setError(null);
    } else {
      setError(result);
    }
    onCallResult?.(target, result);
  };

  return (
    <Dialer
      {...look}
      ref={ref}
      value={number}
      onValueChange={(next) => {
        setNumber(next);
        setError(null);
      }}
      onCall={(target) => void placeCall(target)}
      registered={isRegistered}
      atCallLimit={isMaxCall}
      error={error && callErrorText(error, m)}
    />
  );
});
