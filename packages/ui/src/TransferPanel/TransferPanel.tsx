'use client';
import { forwardRef, useId, useRef, useState, type ClipboardEvent, type HTMLAttributes, type KeyboardEvent } from 'react';
import { CloseIcon, PhoneIcon, TransferIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';
import { isImmediateProblem, numberProblemMessage, validateNumber } from '../number/phone-number.js';
import { pasteCleanNumber } from '../number/paste-number.js';

/** How a call is handed over: at once (REFER) or after talking to the target first. */
export type TransferMode = 'blind' | 'attended';

/** Props of {@link TransferPanel}; other HTML attributes go to the root `<div>`. */
export interface TransferPanelProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Called with the cleaned target and the chosen mode. */
  onTransfer: (target: string, mode: TransferMode) => void;
  /** Close the panel without transferring. */
  onClose: () => void;
  /** Modes offered, in button order. Default both. */
  modes?: readonly TransferMode[];
  /** Target to start with, e.g. after a failed attempt. */
  defaultTarget?: string;
  /** Move focus to the target field when shown. Default `true`. */
  autoFocus?: boolean;
  className?: string;
}

/**
 * Target entry for a call transfer, with "Transfer now" (blind) and "Consult first" (attended).
 *
 * @remarks
 * A blind transfer sends REFER and the call ends once the far end accepts
 * (RFC 3515). An attended transfer first places a consultation call (the
 * current call is held); the user then completes it with REFER/Replaces
 * (RFC 3891) or cancels.
 */
export const TransferPanel = forwardRef<HTMLDivElement, TransferPanelProps>(function TransferPanel(
  { onTransfer, onClose, modes = ['blind', 'attended'], defaultTarget = '', autoFocus = true, className, ...rest },
  ref,
) {
  const m = useMessages();
  const id = useId();
  const [target, setTarget] = useState(defaultTarget);
  const [touched, setTouched] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const validation = validateNumber(target);
  const problem = validation.ok ? null : validation.problem;
  const showProblem = problem !== null && problem !== 'empty' && (touched || isImmediateProblem(problem));

  const submit = (mode: TransferMode) => {
    if (!validation.ok) {
      setTouched(true);
      inputRef.current?.focus();
      return;
    }
    onTransfer(validation.number, mode);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit(modes[0] ?? 'blind');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const next = pasteCleanNumber(event, target);
    if (next !== null) setTarget(next);
  };

  return (
    <div {...localeAttributes(m)} {...rest} ref={ref} className={cx('wp-transfer', className)} role="group" aria-labelledby={`${id}-title`}>
      <div className="wp-transfer__header">
        <h3 id={`${id}-title`} className="wp-transfer__title">
          {m.transferPanel.title}
        </h3>
        <button type="button" className="wp-icon-button" aria-label={m.transferPanel.close} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <label htmlFor={`${id}-input`} className="wp-field-label">
        {m.transferPanel.targetLabel}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className={cx('wp-text-input', showProblem && 'wp-text-input--invalid')}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        spellCheck={false}
        placeholder={m.transferPanel.placeholder}
        dir="ltr"
        autoFocus={autoFocus}
        value={target}
        aria-invalid={showProblem || undefined}
        aria-describedby={showProblem ? `${id}-error` : `${id}-help`}
        onChange={(event) => {
          setTouched(false);
          setTarget(event.target.value);
        }}
        onBlur={() => setTouched(target !== '')}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      {showProblem ? (
        <p id={`${id}-error`} className="wp-field-error" role="alert">
          {numberProblemMessage(problem, m)}
        </p>
      ) : (
        <p id={`${id}-help`} className="wp-field-help">
          {modes.includes('attended') ? m.transferPanel.helpAttended : m.transferPanel.helpBlind}
        </p>
      )}
      <div className="wp-transfer__actions">
        {modes.map((mode) =>
          mode === 'blind' ? (
            <button key={mode} type="button" className="wp-button wp-button--primary" disabled={target.trim() === ''} onClick={() => submit('blind')}>
              <TransferIcon />
              {m.transferPanel.transferNow}
            </button>
          ) : (
            <button key={mode} type="button" className="wp-button" disabled={target.trim() === ''} onClick={() => submit('attended')}>
              <PhoneIcon />
              {m.transferPanel.consultFirst}
            </button>
          ),
        )}
      </div>
    </div>
  );
});
