import type { PhoneApi } from '@webphone/core';

// Providers holding each phone.
const mounts = new WeakMap<PhoneApi, number>();

/**
 * Counts the providers mounting `phone`; returns the release, to call once
 * (an effect cleanup). `autoStart`: start the phone when the first provider
 * mounts it. `owned`: the provider created the phone, so it is destroyed
 * when the last provider lets go.
 *
 * @remarks
 * React StrictMode runs mount effects twice (mount, unmount, mount) in one
 * synchronous pass. The phone is started only when it is idle, and a
 * destroy is deferred to a microtask and cancelled if a mount came back in
 * the meantime, so the double effects send one REGISTER and destroy nothing.
 */
export function mountPhone(phone: PhoneApi, autoStart: boolean, owned: boolean): () => void {
  const count = (mounts.get(phone) ?? 0) + 1;
  mounts.set(phone, count);
  const state = phone.store.getState();
  if (autoStart && count === 1 && !state.destroyed && state.transport === 'idle') phone.start();
  return () => {
    const left = mounts.get(phone)! - 1;
    mounts.set(phone, left);
    if (left > 0 || !owned) return;
    queueMicrotask(() => {
      if (mounts.get(phone) === 0) phone.destroy();
    });
  };
}
