import { usePhone } from '@webphone/react';
import { activeCallIdOf, ConnectedActiveCall, ConnectedCallSwitcher, ConnectedDialer, ConnectedIncomingCall } from '@webphone/ui';
import { useId, useState } from 'react';
import { FarEndActivity } from './FarEndActivity';
import { SoundGate } from './SoundGate';

/**
 * The phone itself, composed from `@webphone/ui`'s connected widgets: the
 * "click to enable sound" banner, the ringing-call dialog, the list of calls,
 * the in-call screen with what the far end signalled, and the dialer — with
 * its keypad while idle, behind "Add call" during a call.
 */
export function PhonePanel() {
  const id = useId();
  // Primitives only: the selector's result is compared member by member.
  const { shownId, shownName, atCallLimit } = usePhone((s) => {
    const callId = activeCallIdOf(s);
    const call = callId === null ? undefined : s.calls[callId]?.status;
    return { shownId: call?.callId ?? null, shownName: call ? call.name.trim() || call.number : '', atCallLimit: s.isMaxCall };
  });
  const inCall = shownId !== null;
  // The add-call dialer belongs to the call it was opened in, and closes at the call limit.
  const [addingTo, setAddingTo] = useState<string | null>(null);
  const adding = inCall && !atCallLimit && addingTo === shownId;
  const setAdding = (open: boolean) => setAddingTo(open ? shownId : null);

  return (
    <div className="demo-phone">
      <SoundGate />
      <ConnectedIncomingCall ringtone />
      <ConnectedCallSwitcher />
      <ConnectedActiveCall tones />
      {shownId !== null && <FarEndActivity callId={shownId} name={shownName} />}
      {inCall && atCallLimit && <p className="demo-limit">Two calls are up, the most this phone takes. Hang up one to place another.</p>}
      {inCall && !atCallLimit && (
        <button type="button" className="wp-button demo-add-call" aria-expanded={adding} aria-controls={`${id}-dialer`} onClick={() => setAdding(!adding)}>
          {adding ? 'Close dialer' : 'Add call'}
        </button>
      )}
      {(!inCall || adding) && (
        <div id={`${id}-dialer`}>
          <ConnectedDialer tones showKeypad={!inCall} onCallResult={(_number, result) => result.code === 200 && setAdding(false)} />
        </div>
      )}
    </div>
  );
}
