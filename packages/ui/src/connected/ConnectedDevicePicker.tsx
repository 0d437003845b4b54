'use client';
import { useMediaDevices, usePhoneEvent, type DeviceKind } from '@webphone/react';
import { useState } from 'react';
import { DevicePicker, type DevicePickerProps } from '../DevicePicker/DevicePicker.js';

/** Props of {@link ConnectedDevicePicker}. */
export type ConnectedDevicePickerProps = Pick<DevicePickerProps, 'kinds' | 'labels' | 'className'> & {
  /** The alert when a chosen device was unplugged and the phone moved to the default. Default `"A chosen device was unplugged; using the system default."` */
  unpluggedText?: string;
};

/**
 * The device picker of the phone under `<PhoneProvider>`, over the public
 * `useMediaDevices()` hook.
 *
 * @remarks
 * Every choice goes through `phone.setDeviceIds`: a new microphone switches
 * into calls in progress, the speaker applies at once, the ringer to the next
 * ring. A choice the phone refuses shows its reason; an unplugged device
 * (`deviceFallback`) says the default is used.
 */
export function ConnectedDevicePicker({ unpluggedText = 'A chosen device was unplugged; using the system default.', ...props }: ConnectedDevicePickerProps) {
  const { status, error, microphones, speakers, cameras, selected, select, requestPermission, canSelectSpeaker } = useMediaDevices();
  const [problem, setProblem] = useState<string | null>(null);
  usePhoneEvent('deviceFallback', () => setProblem(unpluggedText));
  const choose = (kind: DeviceKind, deviceId: string | undefined): void => {
    void select(kind, deviceId).then((outcome) => setProblem(outcome.code === 200 ? null : outcome.message));
  };
  return (
    <DevicePicker
      {...props}
      devices={{ microphones, speakers, cameras, selected }}
      status={status}
      canSelectSpeaker={canSelectSpeaker}
      onSelect={choose}
      onRequestPermission={() => void requestPermission()}
      error={problem ?? (error ? error.message : null)}
    />
  );
}
