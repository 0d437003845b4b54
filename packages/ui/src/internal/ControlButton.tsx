'use client';
import type { ReactNode } from 'react';
import { cx } from './cx.js';

/** Props of {@link ControlButton}. */
export interface ControlButtonProps {
  /** The visible label and accessible name: say what pressing does now ("Unmute" while muted). */
  label: string;
  /** The icon above the label (decorative). */
  icon: ReactNode;
  /** Set for toggles (mute, hold, record): rendered as `aria-pressed`. */
  pressed?: boolean;
  /** Set for disclosure buttons (keypad, transfer): rendered as `aria-expanded`. */
  expanded?: boolean;
  /** Id of the element a disclosure button shows (`aria-controls`). */
  controls?: string;
  disabled?: boolean;
  /** Colours the pressed state red (recording). */
  danger?: boolean;
  /** Marks the button (`data-wp-action`) so focus can be sent back to it. */
  action?: string;
  /** Which control this is (`data-control`), so each state can be styled apart: `mute`, `hold`, `record`, `keypad`, `transfer`. */
  kind?: string;
  /** Extra state for styling (`data-substate`), e.g. `pause` for a paused recording that is not pressed. */
  substate?: string;
  onClick: () => void;
}

/**
 * The in-call control tile: a round icon with its label under it, all one
 * native button; for an app's own controls in `ActiveCall`'s `actions` slot,
 * so they look like the built-in ones.
 */
export function ControlButton({ label, icon, pressed, expanded, controls, disabled, danger, action, kind, substate, onClick }: ControlButtonProps) {
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
      data-wp-action={action}
      onClick={onClick}
    >
      <span className="wp-control__icon">{icon}</span>
      <span className="wp-control__label">{label}</span>
    </button>
  );
}
