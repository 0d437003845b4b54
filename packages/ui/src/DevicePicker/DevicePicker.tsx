'use client';
import type { DeviceKind, DeviceListStatus, MediaDeviceOption } from '@webphone/react';
import { useId } from 'react';
import { cx } from '../internal/cx.js';
import type { Messages } from '../messages/messages.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';

/** The texts of {@link DevicePicker}; by default the messages' `devicePicker`. */
export type DevicePickerLabels = Messages['devicePicker'];

/** The device lists and choices {@link DevicePicker} shows (a `useMediaDevices()` view fits as it is). */
export interface DevicePickerDevices {
  readonly microphones: readonly MediaDeviceOption[];
  readonly speakers: readonly MediaDeviceOption[];
  readonly cameras: readonly MediaDeviceOption[];
  /** The chosen device ids; absent means the browser default. */
  readonly selected: { readonly microphoneId?: string; readonly speakerId?: string; readonly ringerDeviceId?: string; readonly cameraId?: string };
}

/** Props of {@link DevicePicker}. */
export interface DevicePickerProps {
  /** Device lists and choices. */
  devices: DevicePickerDevices;
  /** Called with a kind and a device id (`undefined`: the system default). */
  onSelect: (kind: DeviceKind, deviceId: string | undefined) => void;
  /** Which lists to show, in this order. Default microphone, speaker, ringer, camera. */
  kinds?: readonly DeviceKind[];
  /** False where the browser cannot route audio (`setSinkId`): speaker and ringer are disabled, with a note. Default `true`. */
  canSelectSpeaker?: boolean;
  /** `'unsupported'` shows that devices cannot be listed. Default `'ready'`. */
  status?: DeviceListStatus;
  /** Asks for microphone access; shown as a button while devices have no names. */
  onRequestPermission?: () => void;
  /** Why the last choice was refused or changed (e.g. a device unplugged), shown as an alert. */
  error?: string | null;
  /** Texts to replace; the rest stay English. */
  labels?: Partial<DevicePickerLabels>;
  className?: string;
}

const ALL_KINDS: readonly DeviceKind[] = ['microphone', 'speaker', 'ringer', 'camera'];
const FIELD = { microphone: 'microphoneId', speaker: 'speakerId', ringer: 'ringerDeviceId', camera: 'cameraId' } as const;

/**
 * Microphone, speaker, ringer and camera choice: a labelled native `<select>`
 * per kind, "System default" first.
 *
 * @remarks
 * Presentational: `ConnectedDevicePicker` feeds it from `useMediaDevices()`.
 * Browsers give devices their names only after the user allowed the microphone
 * once; until then unnamed devices read "Microphone 1", "Microphone 2"… and the
 * "Show device names" button asks for access.
 */
export function DevicePicker({
  devices,
  onSelect,
  kinds = ALL_KINDS,
  canSelectSpeaker = true,
  status = 'ready',
  onRequestPermission,
  error,
  labels,
  className,
}: DevicePickerProps) {
  const id = useId();
  const m = useMessages();
  const text = { ...m.devicePicker, ...labels };
  const listOf = (kind: DeviceKind) => (kind === 'microphone' ? devices.microphones : kind === 'camera' ? devices.cameras : devices.speakers);
  const unnamed = devices.microphones.length > 0 && devices.microphones.every((device) => device.label === '');
  const outputs = kinds.some((kind) => kind === 'speaker' || kind === 'ringer');
  return (
    <section {...localeAttributes(m)} className={cx('wp-card', 'wp-devices', className)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="wp-devices__title">
        {text.title}
      </h2>
      {status === 'unsupported' && <p className="wp-field-help">{text.unsupported}</p>}
      {kinds.map((kind) => {
        const output = kind === 'speaker' || kind === 'ringer';
        const value = devices.selected[FIELD[kind]];
        return (
          <div key={kind} className="wp-devices__field">
            <label className="wp-field-label" htmlFor={`${id}-${kind}`}>
              {text[kind]}
            </label>
            <select
              id={`${id}-${kind}`}
              className="wp-select"
              value={value ?? ''}
              disabled={status === 'unsupported' || (output && !canSelectSpeaker)}
              onChange={(event) => onSelect(kind, event.target.value || undefined)}
            >
              <option value="">{text.systemDefault}</option>
              {listOf(kind)
                // "default" and "communications" are Chromium's aliases of real devices; "System default" stands for them.
                .filter((device) => device.deviceId !== '' && device.deviceId !== 'default' && device.deviceId !== 'communications')
                .map((device, index) => (
                  <option key={device.deviceId} value={device.deviceId}>
                    {device.label || `${text[kind]} ${index + 1}`}
                  </option>
                ))}
            </select>
          </div>
        );
      })}
      {outputs && !canSelectSpeaker && <p className="wp-field-help">{text.defaultOutputOnly}</p>}
      {unnamed && onRequestPermission && (
        <button type="button" className="wp-button" onClick={onRequestPermission}>
          {text.showNames}
        </button>
      )}
      {error && (
        <p className="wp-field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
