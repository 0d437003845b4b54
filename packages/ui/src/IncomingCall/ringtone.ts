'use client';
import { getAudioContext, resumeQuietly, scheduleTones } from '../audio/audio-context.js';
import { openSinkContext } from '../audio/sink-context.js';

/** Options of {@link startRingtone}. */
export interface RingtoneOptions {
  /** Linear gain 0–1. Default 0.12. */
  volume?: number;
  /** Context to play on; defaults to the shared page context. */
  context?: AudioContext | null;
  /**
   * Output device to ring on (the phone's `deviceIds.ringerDeviceId`), e.g.
   * loudspeakers while calls stay on a headset. Needs `AudioContext.setSinkId`
   * (Chromium); elsewhere the ring plays on the default output. Ignored when
   * `context` is given.
   */
  sinkId?: string;
}

// North American ring: 440 + 480 Hz, 2 s on, 4 s off (ANSI T1.401).
const RING_FREQUENCIES = [440, 480] as const;
const ON_SECONDS = 2;
const PERIOD_MS = 6000;

/**
 * Starts a synthesised ringtone (no audio file) and returns a function that stops it.
 *
 * @remarks
 * Browsers may keep the context suspended until the user has interacted with
 * the page; the ring then stays silent and the visual alert carries the call.
 */
export function startRingtone(options: RingtoneOptions = {}): () => void {
  const own = options.context === undefined && options.sinkId ? openSinkContext(options.sinkId) : null;
  const ctx = own ?? (options.context === undefined ? getAudioContext() : options.context);
  if (!ctx) return () => undefined;
  resumeQuietly(ctx);
  const volume = options.volume ?? 0.12;
  let silence: () => void = () => undefined;
  const ring = () => {
    silence = scheduleTones(ctx, RING_FREQUENCIES, ctx.currentTime + 0.02, ON_SECONDS, volume);
  };
  ring();
  const interval = setInterval(ring, PERIOD_MS);
  return () => {
    clearInterval(interval);
    silence();
    own?.close().catch(() => undefined);
  };
}
