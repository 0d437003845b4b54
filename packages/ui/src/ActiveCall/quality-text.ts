import type { QualityWarningName } from '@webphone/core';

/** What each quality warning tells the user (short: it is shown in a badge). */
export const QUALITY_WARNING_TEXT: { readonly [name in QualityWarningName]: string } = {
  'high-rtt': 'High delay',
  'high-jitter': 'Choppy audio',
  'high-packet-loss': 'Audio dropping out',
  'low-mos': 'Poor call quality',
  'no-inbound-audio': 'No audio from the other side',
  'no-outbound-audio': 'Your audio is not getting through',
};

/**
 * The sentence announced when the active warnings change from `prev` to
 * `next`: the ones that appeared, or that the quality recovered when the
 * last one went; `null` when nothing worth saying changed.
 */
export function describeQualityChange(prev: readonly QualityWarningName[], next: readonly QualityWarningName[]): string | null {
  const added = next.filter((name) => !prev.includes(name));
  if (added.length > 0) return `Call quality: ${added.map((name) => QUALITY_WARNING_TEXT[name]).join(', ')}`;
  return prev.length > 0 && next.length === 0 ? 'Call quality recovered' : null;
}
