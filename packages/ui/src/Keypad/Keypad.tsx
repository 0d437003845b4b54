'use client';
import { forwardRef, useEffect, useRef, useState, type HTMLAttributes, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { cx } from '../internal/cx.js';
import { isEditable } from '../internal/is-editable.js';
import { useMessages } from '../messages/WebphoneMessages.js';
import { playDtmfTone } from './dtmf-tones.js';
import { KEYPAD_LAYOUT, keypadKeyFor, type KeypadKey } from './keypad-keys.js';

/** Props of {@link Keypad}; other HTML attributes go to the root `<div>`. */
export interface KeypadProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Called for each key pressed, by pointer or keyboard. */
  onKey: (key: KeypadKey) => void;
  /** Play the local DTMF tone of each key with Web Audio. Default `false`. */
  tones?: boolean;
  /**
   * Where typed digits, `*` and `#` press keys:
   * - `'focus'` (default): while focus is inside the keypad;
   * - `'window'`: anywhere on the page, except in text fields and other editable elements;
   * - `'off'`: pointer only.
   */
  keyboard?: 'focus' | 'window' | 'off';
  /** Disables every key. */
  disabled?: boolean;
  /** Accessible name of the key group. Default `messages.keypad.label`, "Keypad". */
  label?: string;
  /** `compact` keys suit the in-call keypad. Default `regular`. */
  size?: 'regular' | 'compact';
  className?: string;
}

/**
 * The 12-key telephone keypad.
 *
 * @remarks
 * Keys are native buttons named by their digit (the letters are decorative).
 * Keyboard input goes through a key map table ({@link KEYBOARD_TO_KEYPAD}) and
 * never fires with Ctrl, Alt or Meta held, so browser and OS shortcuts keep working.
 */
export const Keypad = forwardRef<HTMLDivElement, KeypadProps>(function Keypad(
  { onKey, tones, keyboard = 'focus', disabled, label, size, className, ...rest },
  ref,
) {
  const m = useMessages();
  const [active, setActive] = useState<KeypadKey | null>(null);
  const press = useRef<(key: KeypadKey) => void>(() => undefined);
  // The latest props, for handlers that outlive a render (the window listener below).
  useEffect(() => {
    press.current = (key) => {
      if (disabled) return;
      if (tones) playDtmfTone(key);
      onKey(key);
    };
  });

  // Uses only the ref and the state setter, so the window listener may keep the first render's copy.
  const pressTyped = (event: KeyboardEvent | ReactKeyboardEvent) => {
    const key = keypadKeyFor(event);
    if (key === null) return;
    event.preventDefault();
    if (!event.repeat) press.current(key);
    setActive(key);
  };

  useEffect(() => {
    if (keyboard !== 'window' || disabled) return;
    const down = (event: KeyboardEvent) => {
      if (!event.defaultPrevented && !isEditable(event.target)) pressTyped(event);
    };
    const up = () => setActive(null);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, [keyboard, disabled]);

  return (
    <div
      {...rest}
      ref={ref}
      role="group"
      aria-label={label ?? m.keypad.label}
      // Keys stay in telephone order in right-to-left layouts too.
      dir="ltr"
      className={cx('wp-keypad', size === 'compact' && 'wp-keypad--compact', className)}
      onKeyDown={keyboard === 'focus' ? pressTyped : undefined}
      onKeyUp={() => setActive(null)}
      onBlur={() => setActive(null)}
    >
      {KEYPAD_LAYOUT.map(({ key, letters }) => (
        <button
          key={key}
          type="button"
          className="wp-keypad__key"
          data-active={active === key ? '' : undefined}
          disabled={disabled}
          onClick={() => press.current(key)}
        >
          <span className="wp-keypad__digit">{key}</span>
          <span className="wp-keypad__letters" aria-hidden>
            {letters}
          </span>
        </button>
      ))}
    </div>
  );
});
