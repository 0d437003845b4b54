/** A region whose call-progress tones can be synthesised. */
export type SoundRegion = 'us' | 'uk' | 'eu';

/** The four sounds of a call: the ring of an incoming call, the ringback of an outgoing one, the call-waiting beep, the hang-up tone. */
export type CallSoundName = 'ringtone' | 'ringback' | 'callWaiting' | 'hangup';

/** A synthesised tone: summed sine frequencies and an on/off cadence. */
export interface ToneCadence {
  readonly frequencies: readonly number[];
  /** On, off, on, off… seconds; one repetition. */
  readonly pattern: readonly number[];
  /** `true` to repeat until stopped (ringing); `false` to play the pattern once (the hang-up tone). */
  readonly repeat: boolean;
}

/**
 * The synthesised call sounds per region.
 *
 * @remarks
 * Ringtone and ringback use each region's ringing tone: US 440 + 480 Hz, 2 s
 * on, 4 s off (ANSI T1.401); UK 400 + 450 Hz, 0.4 on, 0.2 off, 0.4 on, 2 off
 * (BT SIN 350); EU 425 Hz, 1 s on, 4 s off (the CEPT tone, ETSI TR 101 041).
 * The call-waiting beep is a short burst of the region's dial-tone frequency
 * every few seconds, the hang-up tone three beeps of its busy tone, played once.
 * These are the usual values of each network, not a certified reproduction.
 */
export const CALL_SOUND_CADENCES: Readonly<Record<SoundRegion, Readonly<Record<CallSoundName, ToneCadence>>>> = {
  us: {
    ringtone: { frequencies: [440, 480], pattern: [2, 4], repeat: true },
    ringback: { frequencies: [440, 480], pattern: [2, 4], repeat: true },
    callWaiting: { frequencies: [440], pattern: [0.3, 9.7], repeat: true },
    hangup: { frequencies: [480, 620], pattern: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], repeat: false },
  },
  uk: {
    ringtone: { frequencies: [400, 450], pattern: [0.4, 0.2, 0.4, 2], repeat: true },
    ringback: { frequencies: [400, 450], pattern: [0.4, 0.2, 0.4, 2], repeat: true },
    callWaiting: { frequencies: [400], pattern: [0.1, 2.9], repeat: true },
    hangup: { frequencies: [400], pattern: [0.375, 0.375, 0.375, 0.375, 0.375, 0.375], repeat: false },
  },
  eu: {
    ringtone: { frequencies: [425], pattern: [1, 4], repeat: true },
    ringback: { frequencies: [425], pattern: [1, 4], repeat: true },
    callWaiting: { frequencies: [425], pattern: [0.2, 0.2, 0.2, 4.4], repeat: true },
    hangup: { frequencies: [425], pattern: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], repeat: false },
  },
};
