'use client';
let shared: AudioContext | null = null;

/**
 * The page's shared `AudioContext` for local feedback tones, created on first use.
 *
 * @remarks
 * Returns `null` where Web Audio is missing (server rendering, test DOMs). A
 * context created outside a user gesture starts suspended under browser
 * autoplay policies; `resume()` is attempted and failures are ignored, because a
 * missing beep must never break the phone.
 */
export function getAudioContext(): AudioContext | null {
  if (shared && shared.state !== 'closed') return shared;
  // Unprefixed since Safari 14.1; older Safari (`webkitAudioContext`) plays no local tones.
  const Ctor: typeof AudioContext | undefined = globalThis.AudioContext;
  if (!Ctor) return null;
  try {
    shared = new Ctor();
  } catch {
    return null;
  }
  return shared;
}

/** Resumes a suspended context, ignoring autoplay-policy refusals. */
export function resumeQuietly(ctx: AudioContext): void {
  if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
}

/**
 * Schedules a sum of sine tones from `start` for `duration` seconds on `ctx`,
 * with short ramps so the tone starts and stops without clicks. Returns a
 * function that silences it early.
 */
export function scheduleTones(ctx: AudioContext, frequencies: readonly number[], start: number, duration: number, volume: number): () => void {
  const gain = ctx.createGain();
  const ramp = Math.min(0.01, duration / 4);
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(volume, start + ramp);
  gain.gain.setValueAtTime(volume, start + duration - ramp);
  gain.gain.linearRampToValueAtTime(0, start + duration);
  gain.connect(ctx.destination);
  for (const frequency of frequencies) {
    const osc = ctx.createOscillator();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    osc.connect(gain);
    osc.start(start);
    osc.stop(start + duration);
    osc.onended = () => {
      osc.disconnect();
    };
  }
  const silence = () => gain.disconnect();
  setTimeout(silence, (start - ctx.currentTime + duration) * 1000 + 50);
  return silence;
}
