'use client';
import { forwardRef, useId, useRef, useState, type ClipboardEvent, type HTMLAttributes, type KeyboardEvent } from 'react';
import { BackspaceIcon, PhoneIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';
import { useControllableState } from '../internal/use-controllable-state.js';
import { Keypad } from '../Keypad/Keypad.js';
import type { KeypadKey } from '../Keypad/keypad-keys.js';
import { isImmediateProblem, numberProblemMessage, validateNumber } from '../number/phone-number.js';
import { pasteCleanNumber } from '../number/paste-number.js';

/** Props of {@link Dialer}; other HTML attributes go to the root `<div>`. */
export interface DialerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'defaultValue' | 'placeholder'> {
  /** The number in the field, when the parent controls it. */
  value?: string;
  /** The initial number when uncontrolled. Default `''`. */
  defaultValue?: string;
  /** Called with the field's new text on every edit (typing, paste, keypad, delete). */
  onValueChange?: (value: string) => void;
  /** Called with the cleaned, valid number when the user presses Call or Enter. */
  onCall: (number: string) => void;
  /** False while the phone is not registered: calling is disabled and the reason shown. Default `true`. */
  registered?: boolean;
  /** True when the concurrent-call limit is reached (`PhoneState.isMaxCall`). Default `false`. */
  atCallLimit?: boolean;
  /** Show the keypad under the field. Default `true`. */
  showKeypad?: boolean;
  /** Play local DTMF tones for keypad presses. Default `false`. */
  tones?: boolean;
  /** Label of the number field (visually hidden). Default `messages.dialer.fieldLabel`, "Number or SIP address". */
  label?: string;
  /** Placeholder of the number field. Default `messages.dialer.placeholder`, "Enter a number". */
  placeholder?: string;
  /**
   * A message from the phone about the last attempt (e.g. "Microphone access
   * was denied"), shown in the alert slot when the number itself is fine.
   */
  error?: string | null;
  className?: string;
}

/**
 * A number field with paste clean-up, inline validation, keypad and Call button.
 *
 * @remarks
 * Pasting `+1 (555) 123-4567` puts `+15551234567` in the field. Character and
 * length problems show while typing; an incomplete SIP address (`alice@`) is
 * only flagged once the user tries to call or leaves the field. The Call button
 * is disabled while the field is empty, while unregistered and at the call
 * limit, with the reason shown beside it; Enter in the field calls too.
 */
export const Dialer = forwardRef<HTMLDivElement, DialerProps>(function Dialer(
  {
    value,
    defaultValue = '',
    onValueChange,
    onCall,
    registered = true,
    atCallLimit = false,
    showKeypad = true,
    tones,
    label,
    placeholder,
    error,
    className,
    ...rest
  },
  ref,
) {
  const m = useMessages();
  const [text, setText] = useControllableState(value, defaultValue, onValueChange);
  const [touched, setTouched] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  const validation = validateNumber(text);
  const problem = validation.ok ? null : validation.problem;
  const showProblem = problem !== null && problem !== 'empty' && (touched || isImmediateProblem(problem));
  const blockedReason = !registered ? m.dialer.notRegistered : atCallLimit ? m.dialer.atCallLimit : null;
  const canPress = text.trim() !== '' && blockedReason === null;

  const edit = (next: string) => {
    setTouched(false);
    setText(next);
  };

  const call = () => {
    if (!validation.ok) {
      setTouched(true);
      inputRef.current?.focus();
      return;
    }
    if (blockedReason === null) onCall(validation.number);
  };

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    call();
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const next = pasteCleanNumber(event, text);
    if (next !== null) edit(next);
  };

  const onKey = (key: KeypadKey) => edit(text + key);
  const backspace = () => {
    edit(text.slice(0, -1));
    inputRef.current?.focus();
  };

  return (
    <div {...localeAttributes(m)} {...rest} ref={ref} className={cx('wp-card', 'wp-dialer', className)} role="group" aria-label={m.dialer.groupLabel}>
      {/* Above the field: the first thing read, before the number is typed. */}
      {blockedReason && (
        <p id={hintId} className="wp-dialer__hint">
          {blockedReason}
        </p>
      )}
      <div className={cx('wp-dialer__field', showProblem && 'wp-dialer__field--invalid')}>
        <label htmlFor={`${id}-input`} className="wp-sr-only">
          {label ?? m.dialer.fieldLabel}
        </label>
        <input
          ref={inputRef}
          id={`${id}-input`}
          className={cx('wp-dialer__input', text.length > 14 && 'wp-dialer__input--long')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="go"
          placeholder={placeholder ?? m.dialer.placeholder}
          dir="ltr"
          value={text}
          aria-invalid={showProblem || undefined}
          aria-describedby={showProblem ? errorId : undefined}
          onChange={(event) => edit(event.target.value)}
          onBlur={() => setTouched(text !== '')}
          onPaste={onPaste}
          onKeyDown={onInputKeyDown}
        />
        {text !== '' && (
          <button type="button" className="wp-icon-button wp-dialer__backspace" aria-label={m.dialer.deleteLast} onClick={backspace}>
            <BackspaceIcon />
          </button>
        )}
      </div>
      <p id={errorId} className="wp-dialer__error" role="alert">
        {showProblem ? numberProblemMessage(problem, m) : (error ?? '')}
      </p>
      {showKeypad && <Keypad onKey={onKey} tones={tones} />}
      <div className="wp-dialer__actions">
        <button
          type="button"
          className="wp-action wp-action--call"
          data-invalid={showProblem || undefined}
          disabled={!canPress}
          aria-describedby={blockedReason ? hintId : undefined}
          onClick={call}
        >
          <PhoneIcon className="wp-action__icon" />
          <span>{m.dialer.call}</span>
        </button>
      </div>
    </div>
  );
});
