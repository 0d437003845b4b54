import type { PhoneApi } from '@webphone/core';

interface MountEntry {
  count: number;
}

const mounts = new WeakMap<PhoneApi, MountEntry>();

/** How a provider holds its phone. */
export interface MountOptions {
  /** Start the phone when the first provider mounts it. */
  readonly autoStart: boolean;
  /** The provider created the phone: destroy it when the last provider lets go. */
  readonly owned: boolean;
}

/**
 * Counts the providers mounting `phone`; returns the release.
 *
 * @remarks
 * React StrictMode runs mount effects twice (mount, unmount, mount) in one
 * synchronous pass. The phone is started only when it is idle, and a
 * destroy is deferred to a microtask and cancelled if a mount came back in
 * the meantime, so the double effects send one REGISTER and destroy nothing.
 */
export function mountPhone(phone: PhoneApi, options: MountOptions): () => void {
  let entry = mounts.get(phone);
  if (!entry) {
    entry = { count: 0 };
    mounts.set(phone, entry);
  }
  entry.count += 1;
  const state = phone.store.getState();
  if (options.autoStart && entry.count === 1 && !state.destroyed && state.transport === 'idle') phone.start();

  const held = entry;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.count -= 1;
    if (held.count > 0 || !options.owned) return;
    queueMicrotask(() => {
      if (held.count === 0) phone.destroy();
    });
  };
}
