import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_SOUND_CADENCES } from './call-sound-cadences.js';
import { hasUserInteracted, playCallSound } from './play-call-sound.js';

/** A Web Audio context recording [frequency, start ms, stop ms] of each tone and the gains used. */
function fakeAudioContext() {
  const tones: number[][] = [];
  const gains: number[] = [];
  const param = (record?: number[]) => ({ value: 0, setValueAtTime: (v: number) => record?.push(v), linearRampToValueAtTime: vi.fn() });
  const context = {
    currentTime: 0,
    state: 'running',
    destination: {},
    createGain: () => ({ gain: param(gains), connect: vi.fn(), disconnect: vi.fn() }),
    createOscillator: () => {
      const osc = {
        type: '',
        frequency: { value: 0 },
        connect: vi.fn(),
        disconnect: vi.fn(),
        start: (t: number) => tones.push([osc.frequency.value, Math.round(t * 1000)]),
        stop: (t: number) => tones.at(-1)!.push(Math.round(t * 1000)),
        onended: null,
      };
      return osc;
    },
  };
  return { context, tones, gains };
}

function stubPage({ interacted }: { interacted: boolean }) {
  const audio = fakeAudioContext();
  vi.stubGlobal('navigator', { userActivation: { hasBeenActive: interacted } });
  return { ...audio, ctx: audio.context as unknown as AudioContext };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('playCallSound', () => {
  it('plays nothing before the user has interacted with the page, and says so', () => {
    const { tones, ctx } = stubPage({ interacted: false });
    const onBlocked = vi.fn();
    const sound = playCallSound('ringtone', { onBlocked, context: ctx });
    expect(hasUserInteracted()).toBe(false);
    expect(sound.blocked).toBe(true);
    expect(onBlocked).toHaveBeenCalledOnce();
    expect(tones).toEqual([]);
  });

  it.each([
    ['us', [440, 480], 2000],
    ['eu', [425], 1000],
  ] as const)('rings with the %s cadence, repeating', (region, frequencies, onMs) => {
    vi.useFakeTimers();
    const { tones, ctx } = stubPage({ interacted: true });
    const sound = playCallSound('ringtone', { region, context: ctx });
    expect(sound.blocked).toBe(false);
    expect(tones).toEqual(frequencies.map((f) => [f, 20, 20 + onMs]));
    const period = CALL_SOUND_CADENCES[region].ringtone.pattern.reduce((a, b) => a + b) * 1000;
    vi.advanceTimersByTime(period);
    expect(tones).toHaveLength(frequencies.length * 2);
    sound.stop();
    vi.advanceTimersByTime(period * 3);
    expect(tones).toHaveLength(frequencies.length * 2);
  });

  it('plays the UK double ring and a three-beep hang-up tone once', () => {
    vi.useFakeTimers();
    const { tones, ctx } = stubPage({ interacted: true });
    playCallSound('ringtone', { region: 'uk', context: ctx }).stop();
    expect(tones).toEqual([
      [400, 20, 420],
      [450, 20, 420],
      [400, 620, 1020],
      [450, 620, 1020],
    ]);
    tones.length = 0;
    playCallSound('hangup', { region: 'uk', context: ctx });
    vi.advanceTimersByTime(30_000);
    expect(tones.map(([f, start]) => [f, start])).toEqual([
      [400, 20],
      [400, 770],
      [400, 1520],
    ]);
  });

  it('scales the volume and is silent at 0', () => {
    const { tones, gains, ctx } = stubPage({ interacted: true });
    playCallSound('callWaiting', { volume: 1, context: ctx }).stop();
    playCallSound('callWaiting', { volume: 0.2, context: ctx }).stop();
    expect(gains.filter((g) => g > 0)).toEqual([0.25, 0.05]);
    tones.length = 0;
    const silent = playCallSound('callWaiting', { volume: 0, context: ctx });
    expect(tones).toEqual([]);
    expect(silent.blocked).toBe(false);
  });

  it("plays the app's own audio element on the chosen output, looped while ringing, and reports a refusal", async () => {
    stubPage({ interacted: true });
    const element = {
      loop: false,
      volume: 1,
      currentTime: 12,
      setSinkId: vi.fn(() => Promise.resolve()),
      play: vi.fn(() => Promise.reject(Object.assign(new Error('blocked'), { name: 'NotAllowedError' }))),
      pause: vi.fn(),
    };
    const onBlocked = vi.fn();
    const sound = playCallSound('ringtone', { source: element as unknown as HTMLAudioElement, sinkId: 'ringer-1', volume: 0.3, onBlocked });
    expect(element).toMatchObject({ loop: true, volume: 0.3, currentTime: 0 });
    expect(element.setSinkId).toHaveBeenCalledWith('ringer-1');
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalledOnce());
    expect(sound.blocked).toBe(true);
    sound.stop();
    expect(element.pause).toHaveBeenCalled();
  });

  it('plays a URL once for the hang-up tone', () => {
    stubPage({ interacted: true });
    const made: { src: string; loop: boolean }[] = [];
    vi.stubGlobal(
      'Audio',
      class {
        loop = false;
        volume = 1;
        constructor(public src: string) {
          made.push(this);
        }
        play() {
          return Promise.resolve();
        }
        pause() {}
        removeAttribute() {}
        load() {}
      },
    );
    playCallSound('hangup', { source: '/sounds/hangup.mp3' });
    expect(made).toEqual([expect.objectContaining({ src: '/sounds/hangup.mp3', loop: false })]);
  });
});
