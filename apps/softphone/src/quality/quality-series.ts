import type { CallReport, PhoneApi } from '@webphone/react';
import { createPerCallStore } from '../phone/per-call-store';

/** One point of a call's quality chart: the interval since the previous report. */
export interface QualityPoint {
  /** Seconds since the call's first report. */
  t: number;
  /** Jitter measured in this interval, ms. */
  jitterMs: number;
  /** Packets lost in this interval as a percentage of the packets expected. */
  lossPercent: number;
}

/** Quality points per call, fed by the phone's `callReport`s. */
export interface QualitySeries {
  get(callId: string): readonly QualityPoint[];
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

/** Points kept per call: 10 minutes at one report every 3 s. */
const MAX_POINTS = 200;
const EMPTY: readonly QualityPoint[] = [];

/**
 * Turns the cumulative figures of successive reports into per-interval ones.
 *
 * @remarks
 * A report carries the packets received and lost since the call began and
 * the mean of the jitter samples so far (one sample per report), so the
 * interval's loss is the difference of the counters, and its jitter is
 * `n·mean(n) − (n−1)·mean(n−1)` (the core rounds means to 0.01 ms, hence the
 * clamp at zero).
 */
export function nextPoint(previous: CallReport | undefined, report: CallReport, first: CallReport, samples: number): QualityPoint {
  const received = report.audio.packetsReceived - (previous?.audio.packetsReceived ?? 0);
  const lost = report.audio.packetsLost - (previous?.audio.packetsLost ?? 0);
  const expected = Math.max(0, received) + Math.max(0, lost);
  const jitter = previous ? samples * report.audio.jitterAvg - (samples - 1) * previous.audio.jitterAvg : report.audio.jitterAvg;
  return {
    t: Math.round((report.timestamp - first.timestamp) / 1000),
    jitterMs: Math.max(0, Math.round(jitter * 100) / 100),
    lossPercent: expected > 0 ? (Math.max(0, lost) / expected) * 100 : 0,
  };
}

/** Records a chart series for every call of `phone` from its `callReport` events. */
export function createQualitySeries(phone: PhoneApi): QualitySeries {
  const reports = new Map<string, { first: CallReport; last: CallReport; count: number }>();
  const store = createPerCallStore<readonly QualityPoint[]>(
    phone,
    (callId, session, update) => {
      session.on('callReport', ({ callReport: report }) => {
        const seen = reports.get(callId);
        const count = (seen?.count ?? 0) + 1;
        const first = seen?.first ?? report;
        const point = nextPoint(seen?.last, report, first, count);
        reports.set(callId, { first, last: report, count });
        update((points = EMPTY) => [...points, point].slice(-MAX_POINTS));
      });
    },
    (callId) => reports.delete(callId),
  );
  return { ...store, get: (callId) => store.get(callId) ?? EMPTY };
}
