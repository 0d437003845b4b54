'use client';
import type { QualityWarningName } from '@webphone/core';
import { useMessages } from '../messages/WebphoneMessages.js';

/** Props of {@link QualityWarnings}. */
export interface QualityWarningsProps {
  /** The active warnings (the store's `calls[id].qualityWarnings`). */
  warnings: readonly QualityWarningName[];
}

/** The call's active quality warnings as a row of badges (announced by the card's live region). */
export function QualityWarnings({ warnings }: QualityWarningsProps) {
  const m = useMessages();
  if (warnings.length === 0) return null;
  return (
    <ul className="wp-call__badges wp-call__quality" aria-label={m.quality.label}>
      {warnings.map((name) => (
        <li key={name} className="wp-badge wp-badge--warning" data-warning={name}>
          {m.quality.warnings[name]}
        </li>
      ))}
    </ul>
  );
}
