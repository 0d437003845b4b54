'use client';
import { getAudioContext, resumeQuietly, scheduleTones } from './audio-context.js';

/** A region whose ringback tone (the "ring ring" a caller hears) can be synthesised. */
export type RingbackRegion = 'north-america' | 'europe' | 'uk';

/**
 * Which ringback an outgoing call plays while the far end rings: a region's
 * tone, the app's own sound (`{ src }`, looped), or `false` for none.
 */
export type RingbackSound = RingbackRegion | false | { readonly src: string };

/** A ringback tone: the summed frequencies, and its cadence as alternating on/off seconds. */
export interface RingbackCadence {
  readonly frequencies: readonly number[];
  /** On, off, on, off… seconds; one repetition of the pattern. */
  readonly pattern: readonly number[];
}

/**
 * The synthesised ringback tones.
 *
 * @remarks
 * North America: 440 + 480 Hz, 2 s on, 4 s off (ANSI T1.401). Europe:
 * 425 Hz, 1 s on, 4 s off (ETSI TR 101 041, the CEPT tone). UK: 400 + 450 Hz,
 * 0.4 s on, 0.2 s off, 0.4 s on, 2 s off (BT SIN 350).
 */
export const RINGBACK_CADENCES: Readonly<Record<RingbackRegion, RingbackCadence>> = {
  'north-america': { frequencies: [440, 480], pattern: [2, 4] },
  europe: { frequencies: [425], pattern: [1, 4] },
  uk: { frequencies: [400, 450], pattern: [0.4, 0.2, 0.4, 2] },
};

/** Options of {@link startRingback}. */
export interface RingbackOptions {
  /** Linear gain 0–1 of a synthesised tone. Default 0.1. */
  volume?: number;
  /** Context to play a tone on; defaults to the shared page context. */
  context?: AudioContext | null;
}

/**
 * Starts a ringback and returns a function that stops it.
 *
 * @remarks
 * A region's tone is synthesised with Web Audio (no file); `{ src }` loops an
 * `<audio>` element. Where audio is missing, or the browser's autoplay policy
 * refuses it, nothing plays and nothing throws: the "Calling…" status carries
 * the call.
 */
export function startRingback(sound: RingbackSound, options: RingbackOptions = {}): () => void {
  if (sound === false) return () => undefined;
  if (typeof sound === 'object') return playLooped(sound.src);
  const ctx = options.context === undefined ? getAudioContext() : options.context;
  if (!ctx) return () => undefined;
  resumeQuietly(ctx);
  const { frequencies, pattern } = RINGBACK_CADENCES[sound];
  const volume = options.volume ?? 0.1;
  const periodSeconds = pattern.reduce((sum, seconds) => sum + seconds, 0);
  let silences: (() => void)[] = [];
  const cycle = () => {
    silences = [];
    let offset = ctx.currentTime + 0.02;
    pattern.forEach((seconds, index) => {
      if (index % 2 === 0) silences.push(scheduleTones(ctx, frequencies, offset, seconds, volume));
      offset += seconds;
    });
  };
  cycle();
  const interval = setInterval(cycle, periodSeconds * 1000);
  return () => {
    clearInterval(interval);
    for (const silence of silences) silence();
  };
}

function playLooped(src: string): () => void {
  if (typeof Audio === 'undefined') return () => undefined;
  const audio = new Audio(src);
  audio.loop = true;
  try {
    // Autoplay refusals reject; a test DOM without media playback may return nothing or throw.
    void audio.play()?.catch(() => undefined);
  } catch {
    // Nothing to play; the status text carries the call.
  }
  return () => {
    audio.pause();
    audio.removeAttribute('src');
    audio.load();
  };
}
