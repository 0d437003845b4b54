import { useMediaDevices } from '@webphone/react';
import { DeviceSelect } from './DeviceSelect';

/**
 * Microphone and speaker selection.
 *
 * @remarks
 * The speaker applies at once (`setSinkId`); the microphone to the next call
 * placed or answered. Device names stay hidden until the user allowed the
 * microphone once, hence the button.
 */
export function DevicePicker() {
  const { status, error, microphones, speakers, selected, select, requestPermission, canSelectSpeaker } = useMediaDevices();
  const unlabelled = microphones.length > 0 && microphones.every((device) => device.label === '');
  return (
    <section className="demo-card" aria-labelledby="devices-title">
      <h2 id="devices-title" className="demo-card__title">
        Audio devices
      </h2>
      {status === 'unsupported' && <p className="demo-muted">This browser cannot list media devices.</p>}
      {error && <p className="demo-error">The device list could not be read ({error.message}).</p>}
      <DeviceSelect label="Microphone" devices={microphones} value={selected.microphoneId} onChange={(id) => select('microphone', id)} />
      <DeviceSelect label="Speaker" devices={speakers} value={selected.speakerId} disabled={!canSelectSpeaker} onChange={(id) => select('speaker', id)} />
      {!canSelectSpeaker && <p className="demo-help">This browser plays calls on its default output only.</p>}
      {unlabelled && (
        <button type="button" className="wp-button wp-button--small" onClick={() => void requestPermission()}>
          Show device names
        </button>
      )}
      <p className="demo-help">A new microphone applies to the next call.</p>
    </section>
  );
}
