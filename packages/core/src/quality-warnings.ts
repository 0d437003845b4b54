import type { CallReport } from './call-status.js';
import { lossRatio } from './call-quality.js';
import { QUALITY_WARNING_NAMES, type QualityWarningName, type ResolvedQualityThresholds } from './quality-thresholds.js';

/**
 * A quality warning raised or cleared on a call (the payload of the session
 * events `qualityWarning` and `qualityWarningCleared`).
 */
export interface QualityWarning {
  readonly callId: string;
  readonly name: QualityWarningName;
  /** The metric in the sample that raised or cleared the warning, in the threshold's unit. */
  readonly value: number;
  /** The threshold in force (see `QualityThresholds` for the units). */
  readonly threshold: number;
}

/** Which audio directions should carry packets now (false while held, muted, recovering, or the far end's SDP says so). */
export interface AudioExpectation {
  readonly inbound: boolean;
  readonly outbound: boolean;
}

/** What one report changed: warnings raised and cleared, and the names active afterwards. */
export interface QualityWarningChange {
  readonly raised: readonly QualityWarning[];
  readonly cleared: readonly QualityWarning[];
  readonly active: readonly QualityWarningName[];
}

type MetricName = 'high-rtt' | 'high-jitter' | 'high-packet-loss' | 'low-mos';
const METRICS: readonly MetricName[] = ['high-rtt', 'high-jitter', 'high-packet-loss', 'low-mos'];

/** Per audio direction: the counter last seen and when it last grew (epoch ms). */
interface FlowState {
  packets: number;
  lastGrowthAt: number;
}

/**
 * Turns a call's successive quality reports into warnings that are raised
 * and cleared.
 *
 * @remarks
 * A metric warning is raised when at least 2 of the last 3 reports crossed
 * its threshold (6 s at the 3 s report interval; one bad sample is not a
 * warning) and cleared once 2 reports in a row are back within it. Jitter is
 * the latest sample's, packet loss the loss since the previous report (the
 * report's `lossRatio` when no packet moved), MOS the report's. Metrics of
 * incoming audio (jitter, loss, MOS) are not judged while no incoming audio
 * is expected. One-way audio: a direction whose packet counter has not grown
 * for the threshold's seconds while audio is expected in it is warned at
 * once, and cleared by the first report in which it grows or in which
 * audio is no longer expected (hold, mute, recovery). Pure: no timers, the
 * report timestamps are the clock.
 */
export class QualityWarningDetector {
  readonly #callId: string;
  readonly #thresholds: ResolvedQualityThresholds;
  readonly #history = new Map<MetricName, boolean[]>();
  readonly #active = new Set<QualityWarningName>();
  readonly #flows: { inbound: FlowState; outbound: FlowState };
  #previous: CallReport | null = null;

  /** @param since - when audio started to be expected (the call began talking), epoch ms. */
  constructor(callId: string, thresholds: ResolvedQualityThresholds, since: number) {
    this.#callId = callId;
    this.#thresholds = thresholds;
    this.#flows = { inbound: { packets: 0, lastGrowthAt: since }, outbound: { packets: 0, lastGrowthAt: since } };
  }

  /** The active warning names, in {@link QUALITY_WARNING_NAMES} order. */
  get active(): QualityWarningName[] {
    return QUALITY_WARNING_NAMES.filter((name) => this.#active.has(name));
  }

  /** Reads one report; returns what changed, or `null` when nothing did. */
  observe(report: CallReport, expect: AudioExpectation): QualityWarningChange | null {
    const raised: QualityWarning[] = [];
    const cleared: QualityWarning[] = [];
    const warn = (name: QualityWarningName, value: number, on: boolean): void => {
      const threshold = this.#thresholds[name];
      if (threshold === null || on === this.#active.has(name)) return;
      if (on) this.#active.add(name);
      else this.#active.delete(name);
      (on ? raised : cleared).push({ callId: this.#callId, name, value, threshold });
    };

    const values = this.#metrics(report);
    for (const name of METRICS) {
      const threshold = this.#thresholds[name];
      const value = values[name];
      const history = this.#history.get(name) ?? [];
      this.#history.set(name, history);
      if (threshold === null || value === null) continue;
      if (name !== 'high-rtt' && !expect.inbound) {
        // No incoming audio to judge: forget the samples, keep the warning as it was.
        history.length = 0;
        continue;
      }
      history.push(name === 'low-mos' ? value < threshold : value > threshold);
      if (history.length > 3) history.shift();
      if (history.filter(Boolean).length >= 2) warn(name, value, true);
      else if (history.length >= 2 && !history[history.length - 1] && !history[history.length - 2]) warn(name, value, false);
    }

    this.#flow('no-inbound-audio', this.#flows.inbound, report.audio.packetsReceived, report.timestamp, expect.inbound, warn);
    this.#flow('no-outbound-audio', this.#flows.outbound, report.audio.packetsSent, report.timestamp, expect.outbound, warn);
    this.#previous = report;
    return raised.length > 0 || cleared.length > 0 ? { raised, cleared, active: this.active } : null;
  }

  #metrics(report: CallReport): Record<MetricName, number | null> {
    const { audio } = report;
    const before = this.#previous?.audio;
    const received = before ? audio.packetsReceived - before.packetsReceived : 0;
    const lost = before ? audio.packetsLost - before.packetsLost : 0;
    return {
      'high-rtt': audio.rtt,
      'high-jitter': audio.jitter,
      'high-packet-loss': received > 0 && lost >= 0 ? lossRatio(lost, received) : audio.lossRatio,
      'low-mos': report.mos,
    };
  }

  #flow(
    name: 'no-inbound-audio' | 'no-outbound-audio',
    flow: FlowState,
    packets: number,
    now: number,
    expected: boolean,
    warn: (name: QualityWarningName, value: number, on: boolean) => void,
  ): void {
    const grew = packets > flow.packets;
    flow.packets = packets;
    if (!expected || grew) {
      // Silence while held or muted is wanted; the count starts again when audio is expected.
      flow.lastGrowthAt = now;
      warn(name, 0, false);
      return;
    }
    const silentFor = Math.max(0, Math.round((now - flow.lastGrowthAt) / 100) / 10);
    const threshold = this.#thresholds[name];
    if (threshold !== null && silentFor >= threshold) warn(name, silentFor, true);
  }
}
