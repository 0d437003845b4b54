import type { CallReport } from '@webphone/react';
import { describe, expect, test } from 'vitest';
import { nextPoint } from '../quality/quality-series';

function report(at: number, received: number, lost: number, jitterAvg: number): CallReport {
  const audio = {
    codec: 'opus',
    packetsReceived: received,
    packetsSent: received,
    packetsLost: lost,
    lossRatio: 0,
    jitter: jitterAvg,
    jitterAvg,
    jitterMax: jitterAvg,
    rtt: null,
  };
  return { callId: 'c', timestamp: at, date: new Date(at).toISOString(), candidateType: 'host', audio, video: null, mos: 4.4 };
}

describe('quality chart points', () => {
  test('turn cumulative counters and running means into per-interval values', () => {
    const first = report(1_000, 150, 0, 2);
    const second = report(4_000, 290, 10, 3); // mean of 2 samples is 3: this sample was 4 ms
    expect(nextPoint(undefined, first, first, 1)).toEqual({ t: 0, jitterMs: 2, lossPercent: 0 });
    expect(nextPoint(first, second, first, 2)).toEqual({ t: 3, jitterMs: 4, lossPercent: (10 / 150) * 100 });
  });

  test('never plots negative jitter from rounded means', () => {
    const first = report(0, 100, 0, 1.01);
    const second = report(3_000, 200, 0, 0.5);
    expect(nextPoint(first, second, first, 2).jitterMs).toBe(0);
  });
});
