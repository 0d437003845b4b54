'use client';
import { getAudioContext, resumeQuietly, scheduleTones } from '../audio/audio-context.js';
import { KEYPAD_LAYOUT, type KeypadKey } from './keypad-keys.js';

const ROW_HZ = [697, 770, 852, 941];
const COLUMN_HZ = [1209, 1336, 1477];

/**
 * The two frequencies (Hz) of each DTMF key: a low "row" tone and a high
 * "column" tone (ITU-T Q.23), from the key's row and column on the keypad.
 */
export const DTMF_FREQUENCIES: Readonly<Record<KeypadKey, readonly [low: number, high: number]>> = Object.fromEntries(
  KEYPAD_LAYOUT.map(({ key }, i) => [key, [ROW_HZ[Math.floor(i / 3)]!, COLUMN_HZ[i % 3]!]]),
) as Record<KeypadKey, [number, number]>;

/** Options of {@link playDtmfTone}. */
export interface DtmfToneOptions {
  /** Tone length in ms; Q.24 asks for at least 40 ms. Default 120. */
  durationMs?: number;
  /** Linear gain 0–1. Default 0.08 (a quiet local click, not line level). */
  volume?: number;
  /** Context to play on; defaults to the shared page context. */
  context?: AudioContext | null;
}

/**
 * Plays the local feedback tone for a keypad key with Web Audio.
 *
 * @remarks
 * This is only what the user hears locally. The DTMF sent to the far end goes
 * through the phone (RFC 4733 events or SIP INFO), never through this tone.
 * Returns `false` when Web Audio is unavailable.
 */
export function playDtmfTone(key: KeypadKey, options: DtmfToneOptions = {}): boolean {
  const ctx = options.context === undefined ? getAudioContext() : options.context;
  if (!ctx) return false;
  resumeQuietly(ctx);
  const duration = Math.max(40, options.durationMs ?? 120) / 1000;
  scheduleTones(ctx, DTMF_FREQUENCIES[key], ctx.currentTime + 0.005, duration, options.volume ?? 0.08);
  return true;
}
