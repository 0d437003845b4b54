'use client';
import type { ReactNode } from 'react';
import { cx } from './cx.js';

/** Props of the in-call control tile. */
export interface ControlButtonProps {
  label: string;
  icon: ReactNode;
  /** Set for toggles (mute, hold, record): rendered as `aria-pressed`. */
  pressed?: boolean;
  /** Set for disclosure buttons (keypad, transfer): rendered as `aria-expanded`. */
  expanded?: boolean;
  controls?: string;
  disabled?: boolean;
  /** Colours the pressed state red (recording). */
  danger?: boolean;
  /** Which control this is (`data-control`), so each state can be styled apart: `mute`, `hold`, `record`, `keypad`, `transfer`. */
  kind?: string;
  /** Extra state for styling (`data-substate`), e.g. `pause` for a paused recording that is not pressed. */
  substate?: string;
  onClick: () => void;
}

/** A round icon with its label under it, all one native button. */
export function ControlButton({ label, icon, pressed, expanded, controls, disabled, danger, kind, substate, onClick }: ControlButtonProps) {
  return (
    <button
      type="button"
      className={cx('wp-control', danger && 'wp-control--danger')}
      data-control={kind}
      data-substate={substate}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      disabled={disabled}
      onClick={onClick}
    >
      <span className="wp-control__icon">{icon}</span>
      <span className="wp-control__label">{label}</span>
    </button>
  );
}
