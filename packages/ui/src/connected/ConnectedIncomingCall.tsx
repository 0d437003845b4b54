'use client';
import { isSuccess, useIncomingCalls, usePhone, usePhoneCommands } from '@webphone/react';
import { forwardRef, useState } from 'react';
import { CallWaitingBar } from '../IncomingCall/CallWaitingBar.js';
import { IncomingCall, type IncomingCallProps } from '../IncomingCall/IncomingCall.js';
import { useMessages } from '../messages/WebphoneMessages.js';
import { activeCallIdOf, callsToHold } from './call-selection.js';
import { callErrorText } from './result-text.js';

/** Props of {@link ConnectedIncomingCall}: the {@link IncomingCall}'s look and HTML attributes, without what the phone decides. */
export interface ConnectedIncomingCallProps extends Omit<IncomingCallProps, 'call' | 'onAnswer' | 'onReject' | 'activeCallName' | 'ringerDeviceId' | 'error'> {
  /** Told when the user answers (before the phone has), e.g. to move focus to the call. */
  onUserAnswer?: (callId: string) => void;
  /** Told when the user declines. */
  onUserDecline?: (callId: string) => void;
}

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
export const ConnectedIncomingCall = forwardRef<HTMLDivElement, ConnectedIncomingCallProps>(function ConnectedIncomingCall(
  { onUserAnswer, onUserDecline, ...props },
  ref,
) {
  const m = useMessages();
  const [ringing] = useIncomingCalls();
  const phone = usePhoneCommands();
  // The name of the call on screen, for the call-waiting note.
  const activeCallName = usePhone((s) => {
    const id = activeCallIdOf(s);
    return id === null ? undefined : s.calls[id].status.name.trim() || s.calls[id].status.number;
  });
  const ringerDeviceId = usePhone((s) => s.deviceIds.ringerDeviceId);
  const [error, setError] = useState<{ callId: string; result: Parameters<typeof callErrorText>[0] } | null>(null);
  if (!ringing) return null;

  const callId = ringing.callId;

  // Answer holds the calls that are up; "end and answer" ends them once the answer succeeded, so a
  // refused answer (no microphone…) leaves the user's call as it was. `video: false` answers a video call audio-only.
  const answer = async ({ endOthers = false, video }: { endOthers?: boolean; video?: false } = {}): Promise<void> => {
    onUserAnswer?.(callId);
    const state = phone.phone.store.getState();
    const others = endOthers ? state.callIds.filter((id) => id !== callId && state.calls[id].status.callStatus !== 'ringing') : [];
    const held = endOthers ? [] : callsToHold(state, callId);
    for (const id of held) phone.hold(id);
    const result = await phone.answer(callId, video === false ? { video } : undefined);
    if (isSuccess(result)) {
      for (const id of others) phone.hangup(id);
      setError(null);
      return;
    }
    for (const id of held) phone.unhold(id);
    setError({ callId, result });
  };

  if (activeCallName !== undefined)
    return (
      <CallWaitingBar
        key={callId}
        className={props.className}
        call={ringing}
        error={error?.callId === callId ? callErrorText(error.result, m) : null}
        onHoldAndAnswer={() => void answer()}
        onEndAndAnswer={() => void answer({ endOthers: true })}
        onReject={() => {
          onUserDecline?.(callId);
          phone.reject(callId);
        }}
      />
    );

  return (
    <IncomingCall
      // A new caller gets a fresh dialog.
      key={callId}
      {...props}
      ref={ref}
      call={ringing}
      activeCallName={activeCallName && m.displayNumber(activeCallName)}
      ringerDeviceId={ringerDeviceId}
      error={error?.callId === callId ? callErrorText(error.result, m) : null}
      onAnswer={() => void answer()}
      onAnswerAudioOnly={() => void answer({ video: false })}
      onReject={() => {
        onUserDecline?.(callId);
        phone.reject(callId);
      }}
    />
  );
});
