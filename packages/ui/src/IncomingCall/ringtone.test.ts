import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRingtone } from './ringtone.js';

/** Just enough of an AudioContext for `scheduleTones`, recording sinks and closes. */
class FakeAudioContext {
  static made: FakeAudioContext[] = [];
  state = 'running';
  currentTime = 0;
  readonly destination = {};
  sinkId = '';
  closed = false;
  constructor() {
    FakeAudioContext.made.push(this);
  }
  close = vi.fn(async () => {
    this.closed = true;
  });
  resume = vi.fn(async () => undefined);
  createGain() {
    const param = { setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() };
    return { gain: param, connect: vi.fn(), disconnect: vi.fn() };
  }
  createOscillator() {
    return { type: '', frequency: { value: 0 }, connect: vi.fn(), start: vi.fn(), stop: vi.fn(), disconnect: vi.fn(), onended: null };
  }
}

/** A context that can be routed (`setSinkId` on the prototype, as in Chromium). */
class SinkAudioContext extends FakeAudioContext {
  setSinkId(id: string): Promise<void> {
    this.sinkId = id;
    return Promise.resolve();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeAudioContext.made = [];
});

describe('startRingtone on a ringer device', () => {
  it('rings on its own context routed to sinkId, closed when stopped', () => {
    vi.stubGlobal('AudioContext', SinkAudioContext);
    const stop = startRingtone({ sinkId: 'speaker-2' });
    const [ctx] = FakeAudioContext.made;
    expect(ctx?.sinkId).toBe('speaker-2');
    stop();
    expect(ctx?.closed).toBe(true);
  });

  it('without AudioContext.setSinkId rings on the shared context, which stays open', () => {
    vi.stubGlobal('AudioContext', FakeAudioContext);
    const stop = startRingtone({ sinkId: 'speaker-2' });
    stop();
    expect(FakeAudioContext.made.length).toBeLessThanOrEqual(1);
    expect(FakeAudioContext.made.every((c) => !c.closed && c.sinkId === '')).toBe(true);
  });
});
