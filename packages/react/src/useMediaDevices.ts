'use client';
import { useEffect, useMemo } from 'react';
import type { DeviceIds, Result } from '@webphone/core';
import { useStore } from 'zustand';
import { usePhoneContext } from './context.js';
import type { DeviceListStatus, MediaDeviceOption } from './local-store.js';
import { deviceWatcherOf } from './media-devices.js';
import { useShallowSelect } from './select.js';

/** A kind of device the user can pick. */
export type DeviceKind = 'microphone' | 'speaker' | 'camera' | 'ringer';

const FIELD: Record<DeviceKind, keyof DeviceIds> = { microphone: 'microphoneId', speaker: 'speakerId', camera: 'cameraId', ringer: 'ringerDeviceId' };

/** What `useMediaDevices` returns. */
export interface MediaDevicesView {
  /** `'loading'` until the first enumeration; `'unsupported'` without `navigator.mediaDevices`. */
  readonly status: DeviceListStatus;
  /** Why the device list could not be read: a `GET_LOCAL_MEDIA_INFO_ERROR` (-206) result; `null` otherwise. */
  readonly error: Result | null;
  readonly microphones: readonly MediaDeviceOption[];
  readonly speakers: readonly MediaDeviceOption[];
  readonly cameras: readonly MediaDeviceOption[];
  /** The devices in use: picks made here, else the phone's `deviceIds`; absent means the browser default. */
  readonly selected: DeviceIds;
  /**
   * Picks a device (`undefined`: the browser default) through
   * `phone.setDeviceIds`. The pick shows in `selected` at once; a new
   * microphone is switched into calls in progress, the speaker applies at
   * once to `<CallAudio />`, the ringer to the ringtone, and everything to
   * later calls. When the phone refuses (`-290`/`-291` for a missing
   * device), the pick is undone and the result says why.
   */
  select(kind: DeviceKind, deviceId: string | undefined): Promise<Result>;
  /** Enumerates again (also done on every `devicechange`). */
  refresh(): Promise<void>;
  /**
   * Asks for microphone access once so that devices get their labels;
   * resolves `false` when refused.
   */
  requestPermission(): Promise<boolean>;
  /** True when the browser can play audio on a chosen speaker (`HTMLMediaElement.setSinkId`). */
  readonly canSelectSpeaker: boolean;
}

function supportsSinkId(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/**
 * Microphones, speakers and cameras, the selection, and changes as devices
 * come and go (`devicechange`).
 *
 * @remarks
 * Enumeration starts when the first component using this hook mounts, and
 * the `devicechange` listener is removed when the last one unmounts. Labels
 * are empty until the user granted microphone access (`requestPermission`).
 */
export function useMediaDevices(): MediaDevicesView {
  const { phone, local } = usePhoneContext('useMediaDevices');
  const { deviceStatus, devices, deviceError, chosen } = useShallowSelect(local.store, (s) => ({
    deviceStatus: s.deviceStatus,
    devices: s.devices,
    deviceError: s.deviceError,
    chosen: s.chosen,
  }));
  const phoneDevices = useStore(phone.store, (s) => s.deviceIds);

  const watcher = deviceWatcherOf(local);
  useEffect(() => watcher.watch(), [watcher]);

  return useMemo<MediaDevicesView>(
    () => ({
      status: deviceStatus === 'idle' ? 'loading' : deviceStatus,
      error: deviceError,
      microphones: devices.filter((d) => d.kind === 'audioinput'),
      speakers: devices.filter((d) => d.kind === 'audiooutput'),
      cameras: devices.filter((d) => d.kind === 'videoinput'),
      selected: { ...phoneDevices, ...Object.fromEntries(Object.entries(chosen).filter(([, id]) => id !== undefined)) },
      select: async (kind, deviceId) => {
        const field = FIELD[kind];
        const pick = (id: string | undefined, only?: string | undefined): void => {
          const next = { ...local.store.getState().chosen };
          // A later pick of the same device wins over this one's cleanup.
          if (only !== undefined && next[field] !== only) return;
          if (id === undefined) delete next[field];
          else next[field] = id;
          local.store.setState({ chosen: next });
        };
        const previous = local.store.getState().chosen[field];
        if (deviceId !== undefined) pick(deviceId);
        const outcome = await phone.setDeviceIds({ [field]: deviceId });
        // Applied: the phone's deviceIds hold it now. Refused: back to what was shown before.
        if (deviceId !== undefined) pick(outcome.code === 200 ? undefined : previous, deviceId);
        else if (outcome.code === 200) pick(undefined);
        return outcome;
      },
      refresh: watcher.refresh,
      requestPermission: async () => {
        const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
        if (!media?.getUserMedia) return false;
        try {
          const stream = await media.getUserMedia({ audio: true });
          for (const track of stream.getTracks()) track.stop();
          await watcher.refresh();
          return true;
        } catch {
          return false;
        }
      },
      canSelectSpeaker: supportsSinkId(),
    }),
    [deviceStatus, deviceError, devices, chosen, phoneDevices, phone, local, watcher],
  );
}
