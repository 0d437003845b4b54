import { afterEach, describe, expect, it, vi } from 'vitest';
import { RINGBACK_CADENCES, startRingback } from './ringback.js';

interface FakeOscillator {
  frequency: { value: number };
  start: (t: number) => void;
  stop: (t: number) => void;
}

/** A Web Audio context that records the tones scheduled on it, with a settable clock. */
function fakeContext() {
  const oscillators: FakeOscillator[] = [];
  const gains: { disconnect: () => void }[] = [];
  const param = () => ({ value: 0, setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() });
  const context = {
    currentTime: 0,
    state: 'running',
    destination: {},
    createGain: () => {
      const gain = { gain: param(), connect: vi.fn(), disconnect: vi.fn() };
      gains.push(gain);
      return gain;
    },
    createOscillator: () => {
      const osc = { type: '', frequency: param(), connect: vi.fn(), disconnect: vi.fn(), start: vi.fn(), stop: vi.fn(), onended: null };
      oscillators.push(osc);
      return osc;
    },
  };
  /** [frequency, start, stop] of every oscillator, times rounded to ms. */
  const tones = () =>
    oscillators.map((o) => [
      o.frequency.value,
      Math.round(vi.mocked(o.start).mock.calls[0]![0] * 1000),
      Math.round(vi.mocked(o.stop).mock.calls[0]![0] * 1000),
    ]);
  return { context, ctx: context as unknown as AudioContext, tones, gains };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startRingback', () => {
  it('plays the North American cadence: 440 + 480 Hz, 2 s on, 4 s off, repeated every 6 s', () => {
    vi.useFakeTimers();
    const { ctx, context, tones, gains } = fakeContext();
    const stop = startRingback('north-america', { context: ctx });
    expect(tones()).toEqual([
      [440, 20, 2020],
      [480, 20, 2020],
    ]);
    context.currentTime = 6;
    vi.advanceTimersByTime(6000);
    expect(tones().slice(2)).toEqual([
      [440, 6020, 8020],
      [480, 6020, 8020],
    ]);
    stop();
    vi.advanceTimersByTime(12_000);
    expect(tones()).toHaveLength(4);
    expect(gains.at(-1)!.disconnect).toHaveBeenCalled();
  });

  it('plays the European (CEPT) cadence: 425 Hz, 1 s on, 4 s off', () => {
    vi.useFakeTimers();
    const { ctx, context, tones } = fakeContext();
    const stop = startRingback('europe', { context: ctx });
    expect(tones()).toEqual([[425, 20, 1020]]);
    context.currentTime = 5;
    vi.advanceTimersByTime(5000);
    expect(tones()).toEqual([
      [425, 20, 1020],
      [425, 5020, 6020],
    ]);
    stop();
  });

  it('plays the UK double ring: 400 + 450 Hz, 0.4 on, 0.2 off, 0.4 on, 2 off', () => {
    vi.useFakeTimers();
    const { ctx, tones } = fakeContext();
    const stop = startRingback('uk', { context: ctx });
    expect(tones()).toEqual([
      [400, 20, 420],
      [450, 20, 420],
      [400, 620, 1020],
      [450, 620, 1020],
    ]);
    expect(RINGBACK_CADENCES.uk.pattern.reduce((a, b) => a + b)).toBeCloseTo(3);
    stop();
  });

  it('plays nothing for false or without Web Audio, and never throws', () => {
    const { ctx, tones } = fakeContext();
    startRingback(false, { context: ctx })();
    expect(tones()).toEqual([]);
    expect(() => startRingback('europe', { context: null })()).not.toThrow();
  });

  it("loops the app's own sound and stops it", () => {
    const played: { src: string; loop: boolean; paused: boolean }[] = [];
    class FakeAudio {
      loop = false;
      paused = true;
      constructor(public src: string) {
        played.push(this);
      }
      play() {
        this.paused = false;
        return Promise.reject(new Error('NotAllowedError'));
      }
      pause() {
        this.paused = true;
      }
      removeAttribute() {
        this.src = '';
      }
      load() {}
    }
    vi.stubGlobal('Audio', FakeAudio);
    const stop = startRingback({ src: '/sounds/ringback.mp3' });
    expect(played).toEqual([expect.objectContaining({ src: '/sounds/ringback.mp3', loop: true, paused: false })]);
    stop();
    expect(played[0]).toMatchObject({ src: '', paused: true });
  });
});
