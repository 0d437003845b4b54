import type { QualityWarningName } from '@webphone/core';
import { en } from '../messages/en.js';
import type { Messages } from '../messages/messages.js';

/** What each quality warning tells the user in English (short: it is shown in a badge); other languages: `messages.quality.warnings`. */
export const QUALITY_WARNING_TEXT: { readonly [name in QualityWarningName]: string } = en.quality.warnings;

/**
 * The sentence announced when the active warnings change from `prev` to
 * `next`: the ones that appeared, or that the quality recovered when the
 * last one went; `null` when nothing worth saying changed.
 */
export function describeQualityChange(prev: readonly QualityWarningName[], next: readonly QualityWarningName[], messages: Messages = en): string | null {
  const added = next.filter((name) => !prev.includes(name));
  if (added.length > 0) return messages.announce.qualityWarnings(added.map((name) => messages.quality.warnings[name]));
  return prev.length > 0 && next.length === 0 ? messages.announce.qualityRecovered : null;
}
