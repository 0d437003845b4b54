import { useFarEndSignals } from '../phone/useFarEndSignals';

/** Props of {@link FarEndActivity}. */
export interface FarEndActivityProps {
  callId: string;
  /** Who is on the other end, for the recording notice. */
  name: string;
}

/**
 * What the other phone signalled on this call: DTMF digits it sent by SIP
 * INFO, and whether it says it is recording (`Record: on` INFO).
 */
export function FarEndActivity({ callId, name }: FarEndActivityProps) {
  const signals = useFarEndSignals(callId);
  if (!signals) return null;
  return (
    <div className="demo-farend" role="status" aria-label="From the other side">
      {signals.record === 'on' && <p className="wp-badge wp-badge--rec">{name} is recording this call</p>}
      {signals.record === 'off' && <p className="wp-badge wp-badge--neutral">{name} paused recording</p>}
      {signals.digits !== '' && (
        <p>
          Tones received: <output className="demo-digits">{signals.digits}</output>
        </p>
      )}
    </div>
  );
}
