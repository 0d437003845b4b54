import type { ReactNode } from 'react';

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
  /** `danger` colours the pressed state red (recording). */
  tone?: 'default' | 'danger';
  onClick: () => void;
}

/** A round icon with its label under it, all one native button. */
export function ControlButton({ label, icon, pressed, expanded, controls, disabled, tone = 'default', onClick }: ControlButtonProps) {
  return (
    <button
      type="button"
      className={tone === 'danger' ? 'wp-control wp-control--danger' : 'wp-control'}
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
