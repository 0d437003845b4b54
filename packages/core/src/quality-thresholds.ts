import { PhoneConfigError } from './errors.js';

/**
 * What a quality warning is about.
 *
 * @remarks
 * `high-rtt`, `high-jitter`, `high-packet-loss` and `low-mos` watch the
 * figures of each quality report; `no-inbound-audio` and `no-outbound-audio`
 * watch the audio packet counters (one-way audio).
 */
export type QualityWarningName = 'high-rtt' | 'high-jitter' | 'high-packet-loss' | 'low-mos' | 'no-inbound-audio' | 'no-outbound-audio';

/** Every {@link QualityWarningName}, in a fixed order. */
export const QUALITY_WARNING_NAMES: readonly QualityWarningName[] = [
  'high-rtt',
  'high-jitter',
  'high-packet-loss',
  'low-mos',
  'no-inbound-audio',
  'no-outbound-audio',
];

/**
 * Thresholds of the quality warnings, keyed by warning name, each in the
 * metric's unit; `null` turns a warning off.
 *
 * @remarks
 * Units: ms for `high-rtt` and `high-jitter`, a 0–1 fraction for
 * `high-packet-loss`, 1–5 for `low-mos` (warned below it, the others above
 * it), seconds without a packet for `no-inbound-audio` and
 * `no-outbound-audio`.
 */
export type QualityThresholds = { readonly [name in QualityWarningName]?: number | null };

/** Thresholds after validation: every name present, `null` when off. */
export type ResolvedQualityThresholds = { readonly [name in QualityWarningName]: number | null };

/**
 * The default thresholds: Twilio Voice SDK's (RTT 400 ms, jitter 30 ms,
 * loss 3 %, MOS 3.5) and 6 s without an audio packet (two report intervals).
 */
export const DEFAULT_QUALITY_THRESHOLDS: ResolvedQualityThresholds = Object.freeze({
  'high-rtt': 400,
  'high-jitter': 30,
  'high-packet-loss': 0.03,
  'low-mos': 3.5,
  'no-inbound-audio': 6,
  'no-outbound-audio': 6,
});

/** The allowed range of each threshold. */
const RANGES: { readonly [name in QualityWarningName]: readonly [number, number] } = {
  'high-rtt': [1, 60_000],
  'high-jitter': [1, 10_000],
  'high-packet-loss': [0.0001, 1],
  'low-mos': [1, 5],
  'no-inbound-audio': [1, 3600],
  'no-outbound-audio': [1, 3600],
};

/**
 * Checks the config's `qualityThresholds` and fills the defaults.
 *
 * @throws {@link PhoneConfigError} on `qualityThresholds` or
 * `qualityThresholds.<name>` for a value that is not an object, an unknown
 * name, or a number out of range.
 */
export function resolveQualityThresholds(input: unknown): ResolvedQualityThresholds {
  if (input === undefined) return DEFAULT_QUALITY_THRESHOLDS;
  if (typeof input !== 'object' || input === null) throw new PhoneConfigError('qualityThresholds', 'must be an object');
  const given = input as Record<string, unknown>;
  const resolved: Record<string, number | null> = { ...DEFAULT_QUALITY_THRESHOLDS };
  for (const key of Object.keys(given)) {
    const field = `qualityThresholds.${key}`;
    if (!(key in RANGES)) throw new PhoneConfigError(field, `is not a quality warning (${QUALITY_WARNING_NAMES.join(', ')})`);
    const value = given[key];
    if (value === undefined) continue;
    const [min, max] = RANGES[key as QualityWarningName];
    if (value !== null && (typeof value !== 'number' || !(value >= min && value <= max))) {
      throw new PhoneConfigError(field, `must be a number from ${min} to ${max}, or null (off)`);
    }
    resolved[key] = value;
  }
  return Object.freeze(resolved as ResolvedQualityThresholds);
}
