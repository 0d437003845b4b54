import type { CallReport, MediaQuality } from './call-status.js';
import { estimateMos } from './mos.js';

/** One entry of an `RTCStatsReport`, loosely typed: browsers differ. */
export type StatsEntry = Record<string, unknown> & { id: string; type: string };

/** Anything shaped like an `RTCStatsReport` (a Map of stats entries). */
export interface StatsReportLike {
  forEach(callback: (entry: StatsEntry) => void): void;
}

/** Running jitter figures of one media kind across samples. */
interface JitterTrack {
  sum: number;
  count: number;
  max: number;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
const round2 = (value: number): number => Math.round(value * 100) / 100;

/** lost / (lost + received), 6 decimals; 0 when nothing was received or lost. */
export function lossRatio(lost: number, received: number): number {
  const total = lost + received;
  return total > 0 ? round6(Math.max(0, lost) / total) : 0;
}

/**
 * Turns successive `getStats()` samples of one call into {@link CallReport}s.
 *
 * @remarks
 * Jitter average and maximum cover every sample since the call started,
 * which is why one instance lives as long as its call.
 */
export class CallQualitySampler {
  private readonly jitter: Record<'audio' | 'video', JitterTrack> = {
    audio: { sum: 0, count: 0, max: 0 },
    video: { sum: 0, count: 0, max: 0 },
  };

  constructor(private readonly callId: string) {}

  /** Builds the report for one stats sample taken at `now` (epoch ms). */
  sample(stats: StatsReportLike, now: number): CallReport {
    const byId = new Map<string, StatsEntry>();
    stats.forEach((entry) => byId.set(entry.id, entry));
    const entries = [...byId.values()];

    const audio = this.media(entries, byId, 'audio');
    const video = entries.some((e) => e.kind === 'video' && (e.type === 'inbound-rtp' || e.type === 'outbound-rtp')) ? this.media(entries, byId, 'video') : null;
    const pair = this.selectedPair(entries, byId);
    const local = pair ? byId.get(String(pair.localCandidateId)) : undefined;
    const candidateType = ['host', 'srflx', 'prflx', 'relay'].includes(String(local?.candidateType)) ? (local!.candidateType as CallReport['candidateType']) : 'unknown';
    const rtt = audio.rtt ?? (pair && typeof pair.currentRoundTripTime === 'number' ? round2(pair.currentRoundTripTime * 1000) : null);
    if (audio.rtt === null && rtt !== null) audio.rtt = rtt;
    return {
      callId: this.callId,
      timestamp: now,
      date: new Date(now).toISOString(),
      candidateType,
      audio,
      video,
      mos: estimateMos(rtt ?? 0, audio.jitterAvg, audio.lossRatio),
    };
  }

  private selectedPair(entries: StatsEntry[], byId: Map<string, StatsEntry>): StatsEntry | undefined {
    const transport = entries.find((e) => e.type === 'transport' && typeof e.selectedCandidatePairId === 'string');
    if (transport) return byId.get(String(transport.selectedCandidatePairId));
    // Firefox has no transport stats: it flags the pair itself.
    return entries.find((e) => e.type === 'candidate-pair' && (e.selected === true || (e.nominated === true && e.state === 'succeeded')));
  }

  private media(entries: StatsEntry[], byId: Map<string, StatsEntry>, kind: 'audio' | 'video'): MediaQuality {
    const inbound = entries.filter((e) => e.type === 'inbound-rtp' && (e.kind ?? e.mediaType) === kind);
    const outbound = entries.filter((e) => e.type === 'outbound-rtp' && (e.kind ?? e.mediaType) === kind);
    const remoteInbound = entries.filter((e) => e.type === 'remote-inbound-rtp' && e.kind === kind);
    const received = inbound.reduce((sum, e) => sum + num(e.packetsReceived), 0);
    const lost = inbound.reduce((sum, e) => sum + num(e.packetsLost), 0);
    const sent = outbound.reduce((sum, e) => sum + num(e.packetsSent), 0);
    const codecEntry = byId.get(String((inbound[0] ?? outbound[0])?.codecId));
    const codec = typeof codecEntry?.mimeType === 'string' ? codecEntry.mimeType.replace(/^(audio|video)\//i, '').toLowerCase() : '';

    const jitterMs = inbound.length > 0 ? Math.max(...inbound.map((e) => num(e.jitter) * 1000)) : 0;
    const track = this.jitter[kind];
    if (inbound.length > 0) {
      track.sum += jitterMs;
      track.count += 1;
      track.max = Math.max(track.max, jitterMs);
    }
    const rttEntry = remoteInbound.find((e) => typeof e.roundTripTime === 'number');
    return {
      codec,
      packetsReceived: received,
      packetsSent: sent,
      packetsLost: lost,
      lossRatio: lossRatio(lost, received),
      jitterAvg: track.count > 0 ? round2(track.sum / track.count) : 0,
      jitterMax: round2(track.max),
      rtt: rttEntry ? round2(num(rttEntry.roundTripTime) * 1000) : null,
    };
  }
}

/** Default interval between quality reports, in ms. */
export const CALL_REPORT_INTERVAL_MS = 3000;

/**
 * Samples a call's statistics every {@link CALL_REPORT_INTERVAL_MS} while it
 * is talking and hands each report to `onReport`.
 *
 * @remarks
 * One timer per talking call, cleared by `stop()` (called when the call
 * ends); a failing `getStats()` skips one sample and is logged by the caller.
 */
export class CallQualityMonitor {
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly sampler: CallQualitySampler;
  private busy = false;

  constructor(
    callId: string,
    private readonly getStats: () => Promise<StatsReportLike> | null,
    private readonly onReport: (report: CallReport) => void,
    private readonly onError: (error: unknown) => void,
    private readonly intervalMs = CALL_REPORT_INTERVAL_MS,
  ) {
    this.sampler = new CallQualitySampler(callId);
  }

  /** Starts sampling; idempotent. */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  /** Stops sampling; idempotent. */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    // A slow getStats() must not pile up samples.
    if (this.busy) return;
    this.busy = true;
    try {
      const pending = this.getStats();
      if (!pending) return;
      const stats = await pending;
      if (this.timer === null) return;
      this.onReport(this.sampler.sample(stats, Date.now()));
    } catch (error) {
      this.onError(error);
    } finally {
      this.busy = false;
    }
  }
}
