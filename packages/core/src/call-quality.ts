import type { CallReport, MediaQuality, VideoQuality } from './call-status.js';
import { estimateMos } from './mos.js';

/** One entry of an `RTCStatsReport`, loosely typed: browsers differ. */
export type StatsEntry = Record<string, unknown> & { id: string; type: string };

/** Anything shaped like an `RTCStatsReport` (a Map of stats entries). */
export interface StatsReportLike {
  forEach(callback: (entry: StatsEntry) => void): void;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const round2 = (value: number): number => Math.round(value * 100) / 100;

/** lost / (lost + received), 6 decimals; 0 when nothing was received or lost. */
export function lossRatio(lost: number, received: number): number {
  const total = lost + received;
  return total > 0 ? Math.round((Math.max(0, lost) / total) * 1e6) / 1e6 : 0;
}

/**
 * Turns successive `getStats()` samples of one call into {@link CallReport}s.
 *
 * @remarks
 * Jitter average and maximum cover every sample since the call started,
 * which is why one instance lives as long as its call.
 */
export class CallQualitySampler {
  /** Running jitter figures (ms) per media kind. */
  readonly #jitter = { audio: { sum: 0, count: 0, max: 0 }, video: { sum: 0, count: 0, max: 0 } };
  /** Audio counters of the previous sample, for the loss of the last interval. */
  #audioBefore = { lost: 0, received: 0 };
  readonly #callId: string;

  constructor(callId: string) {
    this.#callId = callId;
  }

  /** Builds the report for one stats sample taken at `now` (epoch ms). */
  sample(stats: StatsReportLike, now: number): CallReport {
    const byId = new Map<string, StatsEntry>();
    stats.forEach((entry) => byId.set(entry.id, entry));
    const entries = [...byId.values()];
    const transport = entries.find((e) => e.type === 'transport' && typeof e.selectedCandidatePairId === 'string');
    const pair = transport
      ? byId.get(String(transport.selectedCandidatePairId))
      : // Firefox has no transport stats: it flags the pair itself.
        entries.find((e) => e.type === 'candidate-pair' && (e.selected === true || (e.nominated === true && e.state === 'succeeded')));
    const candidateType = pair && byId.get(String(pair.localCandidateId))?.candidateType;
    const audio = this.#media(entries, byId, 'audio');
    audio.rtt ??= pair && typeof pair.currentRoundTripTime === 'number' ? round2(pair.currentRoundTripTime * 1000) : null;
    return {
      callId: this.#callId,
      timestamp: now,
      date: new Date(now).toISOString(),
      candidateType: ['host', 'srflx', 'prflx', 'relay'].includes(candidateType as string) ? (candidateType as CallReport['candidateType']) : 'unknown',
      audio,
      video: this.#video(entries, byId),
      mos: estimateMos(audio.rtt ?? 0, audio.jitter, this.#intervalLoss(audio)),
    };
  }

  /** Audio loss since the previous sample; the call's ratio when no packet moved. */
  #intervalLoss(audio: MediaQuality): number {
    const lost = audio.packetsLost - this.#audioBefore.lost;
    const received = audio.packetsReceived - this.#audioBefore.received;
    this.#audioBefore = { lost: audio.packetsLost, received: audio.packetsReceived };
    return received > 0 && lost >= 0 ? lossRatio(lost, received) : audio.lossRatio;
  }

  /** The video figures, or `null` when no video packet moved either way (no video negotiated, or declined). */
  #video(entries: StatsEntry[], byId: Map<string, StatsEntry>): VideoQuality | null {
    const rtp = (type: string): StatsEntry[] => entries.filter((e) => e.type === type && (e.kind ?? e.mediaType) === 'video');
    const inbound = rtp('inbound-rtp');
    const outbound = rtp('outbound-rtp');
    const moved = (list: StatsEntry[], field: string): StatsEntry | undefined => list.find((e) => num(e[field]) > 0);
    if (!moved(inbound, 'packetsReceived') && !moved(outbound, 'packetsSent')) return null;
    // The picture shown is the far end's; a call that only sends video reports what it sends.
    const picture = moved(inbound, 'framesDecoded') ?? moved(inbound, 'packetsReceived') ?? moved(outbound, 'packetsSent');
    return {
      ...this.#media(entries, byId, 'video'),
      frameRate: round2(num(picture?.framesPerSecond)),
      frameWidth: num(picture?.frameWidth),
      frameHeight: num(picture?.frameHeight),
    };
  }

  #media(entries: StatsEntry[], byId: Map<string, StatsEntry>, kind: 'audio' | 'video'): MediaQuality {
    const ofKind = (type: string): StatsEntry[] => entries.filter((e) => e.type === type && (e.kind ?? e.mediaType) === kind);
    const total = (list: StatsEntry[], field: string): number => list.reduce((sum, e) => sum + num(e[field]), 0);
    const inbound = ofKind('inbound-rtp');
    const outbound = ofKind('outbound-rtp');
    const received = total(inbound, 'packetsReceived');
    const lost = total(inbound, 'packetsLost');
    const mimeType = byId.get(String((inbound[0] ?? outbound[0])?.codecId))?.mimeType;
    const track = this.#jitter[kind];
    let jitterMs = 0;
    if (inbound.length > 0) {
      jitterMs = Math.max(...inbound.map((e) => num(e.jitter) * 1000));
      track.sum += jitterMs;
      track.count += 1;
      track.max = Math.max(track.max, jitterMs);
    }
    const rttEntry = entries.find((e) => e.type === 'remote-inbound-rtp' && e.kind === kind && typeof e.roundTripTime === 'number');
    return {
      codec: typeof mimeType === 'string' ? mimeType.replace(/^(audio|video)\//i, '').toLowerCase() : '',
      packetsReceived: received,
      packetsSent: total(outbound, 'packetsSent'),
      packetsLost: lost,
      lossRatio: lossRatio(lost, received),
      jitter: round2(jitterMs),
      jitterAvg: track.count > 0 ? round2(track.sum / track.count) : 0,
      jitterMax: round2(track.max),
      rtt: rttEntry ? round2(num(rttEntry.roundTripTime) * 1000) : null,
    };
  }
}

/** Default interval between quality reports, in ms. */
const CALL_REPORT_INTERVAL_MS = 3000;

/**
 * Samples a call's statistics every {@link CALL_REPORT_INTERVAL_MS} while it
 * is talking and hands each report to `onReport`.
 *
 * @remarks
 * One timer per talking call, cleared by `stop()` (called when the call
 * ends); a failing `getStats()` skips one sample and is logged by the caller.
 */
export class CallQualityMonitor extends CallQualitySampler {
  readonly #startTimer: () => ReturnType<typeof setInterval>;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    callId: string,
    getStats: () => Promise<StatsReportLike> | null,
    onReport: (report: CallReport) => void,
    onError: (error: unknown) => void,
    intervalMs = CALL_REPORT_INTERVAL_MS,
  ) {
    super(callId);
    let busy = false;
    this.#startTimer = () =>
      setInterval(async () => {
        // A slow getStats() must not pile up samples.
        if (busy) return;
        busy = true;
        try {
          const stats = await getStats();
          if (stats && this.#timer) onReport(this.sample(stats, Date.now()));
        } catch (error) {
          onError(error);
        } finally {
          busy = false;
        }
      }, intervalMs);
  }

  /** Starts sampling; idempotent. */
  start(): void {
    this.#timer ??= this.#startTimer();
  }

  /** Stops sampling; idempotent. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
