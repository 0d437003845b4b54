'use client';
import type { PhoneEventMap } from '@webphone/core';
import { useIncomingCalls, usePhone, usePhoneCommands } from '@webphone/react';
import { useEffect, useState } from 'react';
import type { CallSoundName, SoundRegion } from '../audio/call-sound-cadences.js';
import { hasUserInteracted, playCallSound, type CallSoundSource } from '../audio/play-call-sound.js';
import { cx } from '../internal/cx.js';
import { useMessages } from '../messages/WebphoneMessages.js';
import { activeCallIdOf } from './call-selection.js';

/** Props of {@link CallSounds}. */
export interface CallSoundsProps {
  /** Off switch for every sound. Default `true`. */
  enabled?: boolean;
  /** Whose tones to synthesise: `'us'` (default), `'uk'` or `'eu'`. */
  region?: SoundRegion;
  /** Linear volume 0–1 of every sound. Default 0.5. */
  volume?: number;
  /** The app's own audio per sound (a URL or an `<audio>` element); the others stay synthesised. */
  sources?: Partial<Record<CallSoundName, CallSoundSource>>;
  /** Turns single sounds off, e.g. `{ hangup: false }`. All on by default. */
  sounds?: Partial<Record<CallSoundName, boolean>>;
  /**
   * Output device of the ringtone and the call-waiting beep. Default the
   * phone's `deviceIds.ringerDeviceId`; ringback and hang-up tone play on its `speakerId`.
   */
  ringerDeviceId?: string;
  /** The notice while the browser keeps sound off. Default the messages' `sounds.blocked`. */
  blockedText?: string;
  className?: string;
}

/** Which ringing sound the phone's state calls for, if any. */
function useRingingSound(): 'ringtone' | 'callWaiting' | 'ringback' | null {
  const [incoming] = useIncomingCalls();
  const { up, ringback } = usePhone((s) => {
    const id = activeCallIdOf(s);
    const call = id === null ? undefined : s.calls[id]?.status;
    return {
      up: id !== null,
      ringback: call !== undefined && call.communicationType === 'outbound' && call.callStatus === 'calling' && call.isRing && !call.isEarlyMedia,
    };
  });
  if (incoming) return up ? 'callWaiting' : 'ringtone';
  return ringback ? 'ringback' : null;
}

/**
 * The phone's sounds: ringtone, ringback, call-waiting beep and hang-up tone,
 * with regional cadences, the app's own audio, a chosen output device, a
 * volume and an off switch. Renders a notice while the browser blocks sound.
 *
 * @remarks
 * Put it once under `<PhoneProvider>`; with `<Softphone>`, turn the
 * Softphone's own ringtone and ringback off (`ringtone={false}
 * ringback={false}`) so nothing plays twice. Nothing plays before the user has
 * interacted with the page (browsers' autoplay rules): the notice says so, and
 * the sound starts with the first click or key press. Not imported by
 * `<Softphone>`, so an app that does not render it does not ship it.
 */
export function CallSounds({ enabled = true, region = 'us', volume = 0.5, sources, sounds, ringerDeviceId, blockedText, className }: CallSoundsProps) {
  const m = useMessages();
  const phone = usePhoneCommands().phone;
  const ringing = useRingingSound();
  const devices = usePhone((s) => s.deviceIds);
  const [blocked, setBlocked] = useState(false);
  const [interactions, setInteractions] = useState(0);

  const on = (name: CallSoundName) => enabled && sounds?.[name] !== false;
  const sinkOf = (name: CallSoundName) => (name === 'ringtone' || name === 'callWaiting' ? (ringerDeviceId ?? devices.ringerDeviceId) : devices.speakerId);
  const playing = ringing !== null && on(ringing) ? ringing : null;
  const source = playing === null ? undefined : sources?.[playing];
  const sinkId = playing === null ? undefined : sinkOf(playing);

  useEffect(() => {
    if (playing === null) return undefined;
    const sound = playCallSound(playing, { region, volume, source, sinkId, onBlocked: () => setBlocked(true) });
    return () => {
      sound.stop();
      setBlocked(false);
    };
    // `interactions` retries a blocked sound after the user's first click or key press.
  }, [playing, region, volume, source, sinkId, interactions]);

  // Waits for the interaction that lets the page play sound.
  useEffect(() => {
    if (!blocked) return undefined;
    const retry = () => {
      if (hasUserInteracted()) setInteractions((n) => n + 1);
    };
    window.addEventListener('pointerdown', retry, true);
    window.addEventListener('keydown', retry, true);
    return () => {
      window.removeEventListener('pointerdown', retry, true);
      window.removeEventListener('keydown', retry, true);
    };
  }, [blocked]);

  // The hang-up tone: once, when a call that was talking ends.
  const hangupOn = on('hangup');
  const hangupSource = sources?.hangup;
  const speakerId = devices.speakerId;
  useEffect(() => {
    if (!hangupOn) return undefined;
    const onDelete = ({ record }: PhoneEventMap['deleteSession'][0]) => {
      if (record.status.callStatus === 'talking') playCallSound('hangup', { region, volume, source: hangupSource, sinkId: speakerId });
    };
    phone.on('deleteSession', onDelete);
    return () => void phone.off('deleteSession', onDelete);
  }, [phone, hangupOn, region, volume, hangupSource, speakerId]);

  if (!blocked || playing === null) return null;
  return (
    <p className={cx('wp-sound-blocked', className)} role="status">
      {blockedText ?? m.sounds.blocked}
    </p>
  );
}
