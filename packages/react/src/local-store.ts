import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeviceIds } from '@webphone/core';

/** One media device, as plain data. */
export interface MediaDeviceOption {
  readonly deviceId: string;
  readonly groupId: string;
  /** Empty until the user has granted microphone (or camera) access once. */
  readonly label: string;
  readonly kind: 'audioinput' | 'audiooutput' | 'videoinput';
}

/** Where device enumeration stands. */
export type DeviceListStatus = 'idle' | 'loading' | 'ready' | 'unsupported' | 'error';

/** State the provider keeps beside the phone's store: the browser's devices, the user's picks, autoplay. */
export interface LocalState {
  readonly deviceStatus: DeviceListStatus;
  readonly devices: readonly MediaDeviceOption[];
  readonly deviceError: string | null;
  /** Devices picked through `useMediaDevices().select`; they override `phone.deviceIds`. */
  readonly chosen: Partial<DeviceIds>;
  /** True while the browser refuses to play a call's audio until the user interacts. */
  readonly autoplayBlocked: boolean;
}

/** The provider-local store and the imperative parts that do not belong in state. */
export interface LocalStore {
  readonly store: StoreApi<LocalState>;
  /** Starts following `devicechange` (reference counted); returns the release. */
  watchDevices(): () => void;
  /** Enumerates devices again. */
  refreshDevices(): Promise<void>;
  /** A call's `<audio>` could not start: remember it for `resumeAudio()`. */
  markBlocked(element: HTMLMediaElement): void;
  /** Forgets an `<audio>` that played or went away. */
  unmarkBlocked(element: HTMLMediaElement): void;
  /** Plays every blocked `<audio>` again; call it from a click handler. */
  resumeAudio(): Promise<void>;
}

function mediaDevices(): MediaDevices | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
}

function isDeviceKind(kind: string): kind is MediaDeviceOption['kind'] {
  return kind === 'audioinput' || kind === 'audiooutput' || kind === 'videoinput';
}

/** Creates the provider's local store. Touches no browser API until a hook asks for devices. */
export function createLocalStore(): LocalStore {
  const store = createStore<LocalState>()(() => ({
    deviceStatus: 'idle',
    devices: [],
    deviceError: null,
    chosen: {},
    autoplayBlocked: false,
  }));
  let watchers = 0;
  let generation = 0;
  const blocked = new Set<HTMLMediaElement>();

  const refreshDevices = async (): Promise<void> => {
    const media = mediaDevices();
    if (!media?.enumerateDevices) {
      store.setState({ deviceStatus: 'unsupported' });
      return;
    }
    const mine = ++generation;
    if (store.getState().deviceStatus !== 'ready') store.setState({ deviceStatus: 'loading' });
    try {
      const list = await media.enumerateDevices();
      if (mine !== generation) return; // a newer enumeration owns the result
      const devices = list.flatMap(({ deviceId, groupId, label, kind }) => (isDeviceKind(kind) ? [{ deviceId, groupId, label, kind }] : []));
      store.setState({ deviceStatus: 'ready', devices, deviceError: null });
    } catch (error) {
      if (mine === generation) store.setState({ deviceStatus: 'error', deviceError: error instanceof Error ? error.message : String(error) });
    }
  };
  const onDeviceChange = (): void => void refreshDevices();

  const syncBlocked = (): void => {
    const value = blocked.size > 0;
    if (store.getState().autoplayBlocked !== value) store.setState({ autoplayBlocked: value });
  };

  return {
    store,
    refreshDevices,
    watchDevices() {
      watchers += 1;
      if (watchers === 1) {
        mediaDevices()?.addEventListener?.('devicechange', onDeviceChange);
        void refreshDevices();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        watchers -= 1;
        if (watchers === 0) mediaDevices()?.removeEventListener?.('devicechange', onDeviceChange);
      };
    },
    markBlocked(element) {
      blocked.add(element);
      syncBlocked();
    },
    unmarkBlocked(element) {
      blocked.delete(element);
      syncBlocked();
    },
    async resumeAudio() {
      await Promise.all(
        [...blocked].map(async (element) => {
          try {
            await element.play();
            blocked.delete(element);
          } catch {
            // still blocked: it stays listed, and the flag stays up
          }
        }),
      );
      syncBlocked();
    },
  };
}
