'use client';

/** `AudioContext` with `setSinkId` (Chromium 110+), which TypeScript's DOM types may not list yet. */
interface SinkableAudioContext extends AudioContext {
  setSinkId(sinkId: string): Promise<void>;
}

/** True when this browser can route Web Audio to a chosen output device (`AudioContext.setSinkId`). */
export function canRouteAudioContext(): boolean {
  const Ctor: typeof AudioContext | undefined = globalThis.AudioContext;
  return Ctor !== undefined && typeof (Ctor.prototype as Partial<SinkableAudioContext>).setSinkId === 'function';
}

/**
 * A new `AudioContext` playing on the output device `sinkId`, or `null` where
 * the browser cannot route Web Audio (then the caller plays on the default).
 *
 * @remarks
 * A context of its own, not the page's shared one: `setSinkId` moves a whole
 * context, and the call's other tones must stay on the call's speaker. The
 * caller closes it when done. A sink the browser refuses (device gone, no
 * permission) leaves the context on the default output: a ring must never
 * fail because of its device.
 */
export function openSinkContext(sinkId: string): AudioContext | null {
  if (!canRouteAudioContext()) return null;
  let ctx: SinkableAudioContext;
  try {
    ctx = new globalThis.AudioContext() as SinkableAudioContext;
  } catch {
    return null;
  }
  ctx.setSinkId(sinkId).catch(() => undefined);
  return ctx;
}
