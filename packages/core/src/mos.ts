/**
 * Estimated MOS from network figures with the simplified ITU-T G.107
 * E-model.
 *
 * @remarks
 * R = 93.2 − Id − Ie, where the delay impairment Id uses the effective
 * latency (one-way delay + 2 × jitter + 10 ms codec allowance) and the
 * equipment impairment grows by 2.5 per percent of packet loss (the
 * widely used Cole & Rosenbluth simplification). R is mapped to MOS with
 * G.107 Annex B: MOS = 1 + 0.035 R + 7·10⁻⁶ R (R − 60)(100 − R), clamped to
 * 1…4.5.
 *
 * @param rttMs round-trip time in ms (0 when unknown).
 * @param jitterMs jitter in ms.
 * @param lossRatio lost / (lost + received), 0…1.
 */
export function estimateMos(rttMs: number, jitterMs: number, lossRatio: number): number {
  const safe = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);
  const effectiveLatency = safe(rttMs) / 2 + safe(jitterMs) * 2 + 10;
  let r = effectiveLatency < 160 ? 93.2 - effectiveLatency / 40 : 93.2 - (effectiveLatency - 120) / 10;
  r -= Math.min(1, safe(lossRatio)) * 100 * 2.5;
  if (r <= 0) return 1;
  const mos = 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
  return Math.round(Math.min(4.5, Math.max(1, mos)) * 100) / 100;
}
