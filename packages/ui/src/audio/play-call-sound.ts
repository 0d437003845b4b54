'use client';
import { getAudioContext, resumeQuietly, scheduleTones } from './audio-context.js';
import { CALL_SOUND_CADENCES, type CallSoundName, type SoundRegion } from './call-sound-cadences.js';
import { openSinkContext } from './sink-context.js';

/** The app's own audio for a sound: a URL, or an `<audio>` element it made (preloaded, styled, shared). */
export type CallSoundSource = string | HTMLAudioElement;

/** Options of {@link playCallSound}. */
export interface CallSoundOptions {
  /** Whose tones to synthesise. Default `'us'`. */
  region?: SoundRegion;
  /** Linear volume 0–1. Default 0.5 (synthesised tones are scaled down to a comfortable level). */
  volume?: number;
  /** Replaces the synthesised tone with the app's own audio, looped while a repeating sound lasts. */
  source?: CallSoundSource;
  /**
   * Output device (`MediaDeviceInfo.deviceId`, e.g. the phone's
   * `deviceIds.ringerDeviceId`). Needs `setSinkId` (Chromium, Firefox for
   * `<audio>`); elsewhere the sound plays on the default output.
   */
  sinkId?: string;
  /** Context for synthesised tones; defaults to the shared page context (or one on `sinkId`). */
  context?: AudioContext | null;
  /** Called once if the browser refuses to play (autoplay policy, no interaction yet). */
  onBlocked?: () => void;
}

/** A sound being played: stop it, or ask whether it was refused. */
export interface PlayingSound {
  stop(): void;
  /** `true` when nothing plays because the page has not been interacted with (or the browser refused). */
  readonly blocked: boolean;
}

// Synthesised sine tones at full gain are harsh; volume 1 maps to this gain.
const MAX_TONE_GAIN = 0.25;

/**
 * True once the user has interacted with the page (a click, a key press), the
 * point from which browsers let a page play sound. Browsers without the User
 * Activation API report `true` and the play attempt decides.
 */
export function hasUserInteracted(): boolean {
  const activation = (globalThis.navigator as (Navigator & { userActivation?: { hasBeenActive: boolean } }) | undefined)?.userActivation;
  return activation === undefined ? true : activation.hasBeenActive;
}

/**
 * Plays one of the call sounds and returns a handle to stop it.
 *
 * @remarks
 * Nothing plays before the user has interacted with the page
 * ({@link hasUserInteracted}): the handle is `blocked` and `onBlocked` is
 * called, so the widget can say so. A refused `play()` reports the same way.
 * The app's own `source` plays through an `<audio>` element (volume and
 * `sinkId` applied, looped for ringing sounds); otherwise the region's tone is
 * synthesised with Web Audio, on a context of its own when `sinkId` is given.
 */
export function playCallSound(name: CallSoundName, options: CallSoundOptions = {}): PlayingSound {
  const volume = Math.min(1, Math.max(0, options.volume ?? 0.5));
  const cadence = CALL_SOUND_CADENCES[options.region ?? 'us'][name];
  let blocked = false;
  const block = () => {
    if (blocked) return;
    blocked = true;
    options.onBlocked?.();
  };
  const handle = (stop: () => void): PlayingSound => ({
    stop,
    get blocked() {
      return blocked;
    },
  });
  if (!hasUserInteracted() || volume === 0) {
    if (volume > 0) block();
    return handle(() => undefined);
  }
  if (options.source !== undefined) return handle(playMedia(options.source, cadence.repeat, volume, options.sinkId, block));

  const own = options.context === undefined && options.sinkId ? openSinkContext(options.sinkId) : null;
  const ctx = own ?? (options.context === undefined ? getAudioContext() : options.context);
  if (!ctx) return handle(() => undefined);
  resumeQuietly(ctx);
  const gain = volume * MAX_TONE_GAIN;
  const period = cadence.pattern.reduce((sum, seconds) => sum + seconds, 0);
  let silences: (() => void)[] = [];
  const cycle = () => {
    silences = [];
    let at = ctx.currentTime + 0.02;
    cadence.pattern.forEach((seconds, index) => {
      if (index % 2 === 0) silences.push(scheduleTones(ctx, cadence.frequencies, at, seconds, gain));
      at += seconds;
    });
  };
  cycle();
  const interval = cadence.repeat ? setInterval(cycle, period * 1000) : undefined;
  const closeOwn = own ? setTimeout(() => void own.close().catch(() => undefined), (period + 0.2) * 1000) : undefined;
  return handle(() => {
    clearInterval(interval);
    for (const silence of silences) silence();
    if (own && cadence.repeat) {
      clearTimeout(closeOwn);
      own.close().catch(() => undefined);
    }
  });
}

function playMedia(source: CallSoundSource, loop: boolean, volume: number, sinkId: string | undefined, block: () => void): () => void {
  const ownElement = typeof source === 'string';
  if (ownElement && typeof Audio === 'undefined') return () => undefined;
  const audio: HTMLAudioElement = ownElement ? new Audio(source) : source;
  audio.loop = loop;
  audio.volume = volume;
  // setSinkId is missing in Safari before 18.4: the sound then plays on the default output.
  if (sinkId && typeof (audio as Partial<Pick<HTMLAudioElement, 'setSinkId'>>).setSinkId === 'function') audio.setSinkId(sinkId).catch(() => undefined);
  if (!ownElement) audio.currentTime = 0;
  try {
    // Autoplay refusals reject; a test DOM without media playback may return nothing or throw.
    void audio.play()?.catch((error: unknown) => {
      if (error instanceof Error && error.name === 'NotAllowedError') block();
    });
  } catch {
    // Nothing to play.
  }
  return () => {
    audio.pause();
    if (ownElement) {
      audio.removeAttribute('src');
      audio.load();
    }
  };
}
