import { useMediaDevices, usePhoneEvent, type DeviceKind } from '@webphone/react';
import { useState } from 'react';
import { DeviceSelect } from './DeviceSelect';

/**
 * Microphone, speaker and ringer selection.
 *
 * @remarks
 * Every choice goes through `phone.setDeviceIds`: a new microphone is
 * switched into calls in progress at once (no renegotiation), the speaker
 * applies at once (`setSinkId`), the ringer to the next ring. A device the
 * phone cannot find is refused and the reason shown; an unplugged device
 * falls back to the default. Device names stay hidden until the user
 * allowed the microphone once, hence the button.
 */
export function DevicePicker() {
  const { status, error, microphones, speakers, selected, select, requestPermission, canSelectSpeaker } = useMediaDevices();
  const unlabelled = microphones.length > 0 && microphones.every((device) => device.label === '');
  const [refusal, setRefusal] = useState<string | null>(null);
  // An unplugged device: the phone moved to the default one; say so.
  usePhoneEvent('deviceFallback', ({ field }) => setRefusal(`the ${field.replace(/(Device)?Id$/, '')} was unplugged; using the system default`));
  const choose = (kind: DeviceKind, id: string | undefined): void => {
    void select(kind, id).then((outcome) => setRefusal(outcome.code === 200 ? null : outcome.message));
  };
  return (
    <section className="demo-card" aria-labelledby="devices-title">
      <h2 id="devices-title" className="demo-card__title">
        Audio devices
      </h2>
      {status === 'unsupported' && <p className="demo-muted">This browser cannot list media devices.</p>}
      {error && <p className="demo-error">The device list could not be read ({error.message}).</p>}
      <DeviceSelect label="Microphone" devices={microphones} value={selected.microphoneId} onChange={(id) => choose('microphone', id)} />
      <DeviceSelect label="Speaker" devices={speakers} value={selected.speakerId} disabled={!canSelectSpeaker} onChange={(id) => choose('speaker', id)} />
      <DeviceSelect label="Ringer" devices={speakers} value={selected.ringerDeviceId} disabled={!canSelectSpeaker} onChange={(id) => choose('ringer', id)} />
      {!canSelectSpeaker && <p className="demo-help">This browser plays calls on its default output only.</p>}
      {unlabelled && (
        <button type="button" className="wp-button wp-button--small" onClick={() => void requestPermission()}>
          Show device names
        </button>
      )}
      {refusal && (
        <p className="demo-error" role="alert">
          Device: {refusal}.
        </p>
      )}
      <p className="demo-help">A new microphone applies at once, also to the call in progress.</p>
    </section>
  );
}
