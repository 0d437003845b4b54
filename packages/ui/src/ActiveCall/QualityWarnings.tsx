'use client';
import type { QualityWarningName } from '@webphone/core';
import { QUALITY_WARNING_TEXT } from './quality-text.js';

/** Props of {@link QualityWarnings}. */
export interface QualityWarningsProps {
  /** The active warnings (the store's `calls[id].qualityWarnings`). */
  warnings: readonly QualityWarningName[];
}

/** The call's active quality warnings as a row of badges (announced by the card's live region). */
export function QualityWarnings({ warnings }: QualityWarningsProps) {
  if (warnings.length === 0) return null;
  return (
    <ul className="wp-call__badges wp-call__quality" aria-label="Call quality warnings">
      {warnings.map((name) => (
        <li key={name} className="wp-badge wp-badge--warning" data-warning={name}>
          {QUALITY_WARNING_TEXT[name]}
        </li>
      ))}
    </ul>
  );
}
