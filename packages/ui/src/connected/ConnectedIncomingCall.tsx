'use client';
import { isSuccess, useIncomingCalls, usePhone, usePhoneCommands } from '@webphone/react';
import { useState } from 'react';
import { CallWaitingBar } from '../IncomingCall/CallWaitingBar.js';
import { IncomingCall, type IncomingCallProps } from '../IncomingCall/IncomingCall.js';
import { activeCallIdOf, callsToHold } from './call-selection.js';
import { callErrorText } from './result-text.js';

/** Props of {@link ConnectedIncomingCall}. */
export type ConnectedIncomingCallProps = Pick<IncomingCallProps, 'ringtone' | 'autoFocus' | 'shortcuts' | 'className'>;

/**
 * The ringing-call prompt of the phone under `<PhoneProvider>`: shows the
 * oldest inbound call still ringing, or nothing.
 *
 * @remarks
 * Answer holds the call the user is talking on (call waiting) and answers
 * (`answer`); if the phone refuses (no microphone…), the held call is resumed
 * and the reason shown in the dialog. Decline sends 486 (`reject`). The
 * ringtone plays on the phone's `deviceIds.ringerDeviceId`. While another call
 * is up, the call rings as a compact {@link CallWaitingBar} (hold and answer,
 * end and answer, decline) instead of a second full card.
 */
export function ConnectedIncomingCall(props: ConnectedIncomingCallProps) {
  const [ringing] = useIncomingCalls();
  const phone = usePhoneCommands();
  // The name of the call on screen, for the call-waiting note.
  const activeCallName = usePhone((s) => {
    const id = activeCallIdOf(s);
    return id === null ? undefined : s.calls[id].status.name.trim() || s.calls[id].status.number;
  });
  const ringerDeviceId = usePhone((s) => s.deviceIds.ringerDeviceId);
  const [error, setError] = useState<{ callId: string; text: string } | null>(null);
  if (!ringing) return null;

  const callId = ringing.callId;

  // Answer holds the calls that are up; "end and answer" ends them once the answer succeeded, so a
  // refused answer (no microphone…) leaves the user's call as it was.
  const answer = async (endOthers = false): Promise<void> => {
    const state = phone.phone.store.getState();
    const others = endOthers ? state.callIds.filter((id) => id !== callId && state.calls[id].status.callStatus !== 'ringing') : [];
    const held = endOthers ? [] : callsToHold(state, callId);
    for (const id of held) phone.hold(id);
    const result = await phone.answer(callId);
    if (isSuccess(result)) {
      for (const id of others) phone.hangup(id);
      setError(null);
      return;
    }
    for (const id of held) phone.unhold(id);
    setError({ callId, text: callErrorText(result) });
  };

  if (activeCallName !== undefined)
    return (
      <CallWaitingBar
        key={callId}
        className={props.className}
        call={ringing}
        error={error?.callId === callId ? error.text : null}
        onHoldAndAnswer={() => void answer()}
        onEndAndAnswer={() => void answer(true)}
        onReject={() => phone.reject(callId)}
      />
    );

  return (
    <IncomingCall
      // A new caller gets a fresh dialog (focus on Answer again).
      key={callId}
      {...props}
      call={ringing}
      activeCallName={activeCallName}
      ringerDeviceId={ringerDeviceId}
      error={error?.callId === callId ? error.text : null}
      onAnswer={() => void answer()}
      onReject={() => phone.reject(callId)}
    />
  );
}
