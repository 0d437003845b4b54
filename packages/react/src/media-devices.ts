'use client';
import { result } from '@webphone/core';
import type { LocalStore } from './local-store.js';

/** Device enumeration for one provider's local store. */
export interface DeviceWatcher {
  /** Enumerates the devices again into the store. */
  refresh(): Promise<void>;
  /** Starts following `devicechange` (reference counted) and enumerates; returns the release. */
  watch(): () => void;
}

// Kept apart from `createLocalStore`, so an app that never lists devices does not carry this code.
const watchers = new WeakMap<LocalStore, DeviceWatcher>();

function mediaDevices(): MediaDevices | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
}

/** The device enumeration of `local`, made on first use (one per provider, so its functions keep their identity). */
export function deviceWatcherOf(local: LocalStore): DeviceWatcher {
  let watcher = watchers.get(local);
  if (!watcher) {
    watcher = createDeviceWatcher(local);
    watchers.set(local, watcher);
  }
  return watcher;
}

function createDeviceWatcher({ store }: LocalStore): DeviceWatcher {
  let watching = 0;
  let generation = 0;

  const refresh = async (): Promise<void> => {
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
      const devices = list.map(({ deviceId, groupId, label, kind }) => ({ deviceId, groupId, label, kind }));
      store.setState({ deviceStatus: 'ready', devices, deviceError: null });
    } catch (error) {
      // The contract's code for a device list that cannot be read.
      const detail = error instanceof Error ? error.message : String(error);
      if (mine === generation) store.setState({ deviceStatus: 'error', deviceError: result('GET_LOCAL_MEDIA_INFO_ERROR', detail) });
    }
  };
  const onDeviceChange = (): void => void refresh();

  return {
    refresh,
    watch() {
      watching += 1;
      if (watching === 1) {
        mediaDevices()?.addEventListener?.('devicechange', onDeviceChange);
        void refresh();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        watching -= 1;
        if (watching === 0) mediaDevices()?.removeEventListener?.('devicechange', onDeviceChange);
      };
    },
  };
}
