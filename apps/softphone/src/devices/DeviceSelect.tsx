import type { MediaDeviceOption } from '@webphone/react';
import { useId } from 'react';

/** Props of {@link DeviceSelect}. */
export interface DeviceSelectProps {
  /** Visible label, also the fallback name of unnamed devices ("Microphone 2"). */
  label: string;
  devices: readonly MediaDeviceOption[];
  /** The chosen device id; `undefined` is the system default. */
  value: string | undefined;
  disabled?: boolean;
  onChange: (deviceId: string | undefined) => void;
}

/** A labelled `<select>` of devices with "System default" first. */
export function DeviceSelect({ label, devices, value, disabled, onChange }: DeviceSelectProps) {
  const id = useId();
  return (
    <div className="demo-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} disabled={disabled} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">System default</option>
        {devices
          .filter((device) => device.deviceId !== 'default' && device.deviceId !== '')
          .map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || `${label} ${index + 1}`}
            </option>
          ))}
      </select>
    </div>
  );
}
