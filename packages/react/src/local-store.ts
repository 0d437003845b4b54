import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeviceIds, Result } from '@webphone/core';

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
  /** Why the last enumeration failed: `GET_LOCAL_MEDIA_INFO_ERROR` (-206) with the browser's message. */
  readonly deviceError: Result | null;
  /** Devices picked through `useMediaDevices().select`; they override `phone.deviceIds`. */
  readonly chosen: Partial<DeviceIds>;
  /** True while the browser refuses to play a call's audio until the user interacts. */
  readonly autoplayBlocked: boolean;
}

/** The provider-local store and the autoplay bookkeeping that does not belong in state. */
export interface LocalStore {
  readonly store: StoreApi<LocalState>;
  /** A call's `<audio>` could not start: remember it for `resumeAudio()`. */
  markBlocked(element: HTMLMediaElement): void;
  /** Forgets an `<audio>` that played or went away. */
  unmarkBlocked(element: HTMLMediaElement): void;
  /** Plays every blocked `<audio>` again; call it from a click handler. */
  resumeAudio(): Promise<void>;
}

/**
 * Creates the provider's local store. Touches no browser API: device
 * enumeration (`media-devices.ts`) starts when `useMediaDevices` asks for it.
 */
export function createLocalStore(): LocalStore {
  const store = createStore<LocalState>()(() => ({
    deviceStatus: 'idle',
    devices: [],
    deviceError: null,
    chosen: {},
    autoplayBlocked: false,
  }));
  const blocked = new Set<HTMLMediaElement>();

  const syncBlocked = (): void => {
    const value = blocked.size > 0;
    if (store.getState().autoplayBlocked !== value) store.setState({ autoplayBlocked: value });
  };

  return {
    store,
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
