import { usePhone } from '@webphone/react';
import {
  activeCallIdOf,
  ConnectedActiveCall,
  ConnectedCallSwitcher,
  ConnectedCallVideo,
  ConnectedDialer,
  ConnectedIncomingCall,
  useRingback,
} from '@webphone/ui';
import { useId, useMemo, useState } from 'react';
import { AgentControls } from './AgentControls';
import { FarEndActivity } from './FarEndActivity';
import { SoundGate } from './SoundGate';

/**
 * The phone itself, composed from `@webphone/ui`'s connected widgets: the
 * "click to enable sound" banner, the ringing-call dialog, the list of calls,
 * the in-call screen with what the far end signalled and, for video calls,
 * the video (Camera toggle, the far end's requests for video), the ringback of an
 * outgoing call (North American; the far end's early media plays instead), and the dialer — with
 * its keypad while idle, behind "Add call" during a call, and a "Video call" switch.
 */
const renderVideo = (callId: string) => <ConnectedCallVideo callId={callId} />;

export function PhonePanel() {
  const id = useId();
  useRingback('north-america');
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
  const [intercom, setIntercom] = useState(false);
  const [video, setVideo] = useState(false);
  const domain = usePhone((s) => s.identity.domain);
  // An intercom call asks to be answered at once, as PBX paging does (`Call-Info: <sip:domain>;answer-after=0`).
  const callOptions = useMemo(
    () => (intercom || video ? { video, ...(intercom && { headers: { 'Call-Info': `<sip:${domain}>;answer-after=0` } }) } : undefined),
    [domain, intercom, video],
  );

  return (
    <div className="demo-phone">
      <SoundGate />
      <AgentControls intercom={intercom} onIntercomChange={setIntercom} />
      <ConnectedIncomingCall ringtone />
      <ConnectedCallSwitcher />
      <ConnectedActiveCall tones renderVideo={renderVideo} />
      {shownId !== null && <FarEndActivity callId={shownId} name={shownName} />}
      {inCall && atCallLimit && <p className="demo-limit">Two calls are up, the most this phone takes. Hang up one to place another.</p>}
      {inCall && !atCallLimit && (
        <button type="button" className="wp-button demo-add-call" aria-expanded={adding} aria-controls={`${id}-dialer`} onClick={() => setAdding(!adding)}>
          {adding ? 'Close dialer' : 'Add call'}
        </button>
      )}
      {(!inCall || adding) && (
        <div id={`${id}-dialer`}>
          <label className="demo-video-switch">
            <input type="checkbox" checked={video} onChange={(event) => setVideo(event.target.checked)} />
            Video call (camera on)
          </label>
          <ConnectedDialer tones showKeypad={!inCall} callOptions={callOptions} onCallResult={(_number, result) => result.code === 200 && setAdding(false)} />
        </div>
      )}
    </div>
  );
}
