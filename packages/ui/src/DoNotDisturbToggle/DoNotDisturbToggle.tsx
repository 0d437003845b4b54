'use client';
import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { DoNotDisturbIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';
import { useControllableState } from '../internal/use-controllable-state.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';

/** Props of {@link DoNotDisturbToggle}; other HTML attributes go to the `<button>`. */
export interface DoNotDisturbToggleProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'value' | 'defaultValue' | 'type'> {
  /** Do-not-disturb is on (controlled). */
  value?: boolean;
  /** Initial state when uncontrolled. Default `false`. */
  defaultValue?: boolean;
  /** Called with the new state when the user presses the toggle. */
  onValueChange?: (on: boolean) => void;
  /** Label of the button. Default `messages.doNotDisturb.label`, "Do not disturb". */
  label?: string;
  disabled?: boolean;
  className?: string;
}

/**
 * A do-not-disturb switch: one native button with `aria-pressed`.
 *
 * @remarks
 * Presentational: it only reports presses. `ConnectedDoNotDisturbToggle`
 * wires it to `phone.setDoNotDisturb` and the store's `doNotDisturb`.
 *
 * @example
 * ```tsx
 * <DoNotDisturbToggle value={dnd} onValueChange={setDnd} />
 * ```
 */
export const DoNotDisturbToggle = forwardRef<HTMLButtonElement, DoNotDisturbToggleProps>(function DoNotDisturbToggle(
  { value, defaultValue = false, onValueChange, label, disabled, className, ...rest },
  ref,
) {
  const m = useMessages();
  const [on, setOn] = useControllableState(value, defaultValue, onValueChange);
  return (
    <button
      {...localeAttributes(m)}
      {...rest}
      ref={ref}
      type="button"
      className={cx('wp-button', 'wp-button--small', 'wp-dnd', className)}
      aria-pressed={on}
      disabled={disabled}
      onClick={() => setOn(!on)}
    >
      <DoNotDisturbIcon />
      {label ?? m.doNotDisturb.label}
    </button>
  );
});
