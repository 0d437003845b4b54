'use client';
import { usePhone, usePhoneCommands } from '@webphone/react';
import { forwardRef } from 'react';
import { CallSwitcher, type CallSwitcherProps } from '../CallSwitcher/CallSwitcher.js';
import { activeCallIdOf, callsToHold, liveCallsOf } from './call-selection.js';

/** Props of {@link ConnectedCallSwitcher}: the {@link CallSwitcher}'s look and HTML attributes. */
export interface ConnectedCallSwitcherProps extends Omit<CallSwitcherProps, 'calls' | 'currentCallId' | 'onSwitch'> {
  /** Told when the user switches to a call, e.g. to move focus to it. */
  onUserSwitch?: (callId: string) => void;
}

/**
 * The {@link CallSwitcher} of the phone under `<PhoneProvider>`: the calls
 * that are up (not ringing), the current one marked. Renders nothing for
 * fewer than two.
 *
 * @remarks
 * Switch holds every other talking call, resumes the chosen one (`unhold`)
 * and makes it current (`setCurrentSession`), so only one call hears the
 * microphone at a time.
 */
export const ConnectedCallSwitcher = forwardRef<HTMLElement, ConnectedCallSwitcherProps>(function ConnectedCallSwitcher({ onUserSwitch, ...props }, ref) {
  const phone = usePhoneCommands();
  // Compared element by element: re-renders only when a shown call changes.
  const calls = usePhone(liveCallsOf);
  const currentCallId = usePhone(activeCallIdOf);
  return (
    <CallSwitcher
      {...props}
      ref={ref}
      calls={calls}
      currentCallId={currentCallId}
      onSwitch={(callId) => {
        for (const id of callsToHold(phone.phone.store.getState(), callId)) phone.hold(id);
        if (phone.phone.store.getState().calls[callId]?.status.isHold) phone.unhold(callId);
        phone.setCurrentSession(callId);
        onUserSwitch?.(callId);
      }}
    />
  );
});
