'use client';
import type { AutoAnswerMode } from '@webphone/react';
import { forwardRef, useId, type HTMLAttributes } from 'react';
import { cx } from '../internal/cx.js';
import { useControllableState } from '../internal/use-controllable-state.js';
import { en } from '../messages/en.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';

/** The text of each auto-answer mode in {@link AutoAnswerSelect}. */
export type AutoAnswerOptionLabels = Readonly<Record<AutoAnswerMode, string>>;

/** English texts of the modes (other languages: `messages.autoAnswer.modes`). */
export const AUTO_ANSWER_OPTION_LABELS: AutoAnswerOptionLabels = en.autoAnswer.modes;

const MODES: readonly AutoAnswerMode[] = ['never', 'when-requested', 'always'];

/** Props of {@link AutoAnswerSelect}; other HTML attributes go to its root `<div>`. */
export interface AutoAnswerSelectProps extends Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue' | 'onChange'> {
  /** The mode shown (controlled). */
  value?: AutoAnswerMode;
  /** Initial mode when uncontrolled. Default `'never'`. */
  defaultValue?: AutoAnswerMode;
  /** Called with the mode the user picked. */
  onValueChange?: (mode: AutoAnswerMode) => void;
  /** Label of the picker. Default `messages.autoAnswer.label`, "Auto-answer". */
  label?: string;
  /** Texts of the modes. Default `messages.autoAnswer.modes` ({@link AUTO_ANSWER_OPTION_LABELS} in English). */
  optionLabels?: AutoAnswerOptionLabels;
  disabled?: boolean;
}

/**
 * A labelled native `<select>` of the phone's auto-answer modes: off, when
 * the caller asks (intercom and paging calls whose INVITE requests it) and
 * always.
 *
 * @remarks
 * Presentational: it only reports picks. `ConnectedAutoAnswerSelect` wires it
 * to `phone.setAutoAnswer` and the store's `autoAnswer`. A native select keeps
 * keyboard, screen-reader and touch behaviour of the platform. The ref goes to
 * the root `<div>`.
 *
 * @example
 * ```tsx
 * <AutoAnswerSelect value={mode} onValueChange={setMode} />
 * ```
 */
export const AutoAnswerSelect = forwardRef<HTMLDivElement, AutoAnswerSelectProps>(function AutoAnswerSelect(
  { value, defaultValue = 'never', onValueChange, label, optionLabels, disabled, className, ...rest },
  ref,
) {
  const m = useMessages();
  const texts = optionLabels ?? m.autoAnswer.modes;
  const id = useId();
  const [mode, setMode] = useControllableState(value, defaultValue, onValueChange);
  return (
    <div {...localeAttributes(m)} ref={ref} {...rest} className={cx('wp-auto-answer', className)}>
      <label htmlFor={`${id}-select`} className="wp-field-label">
        {label ?? m.autoAnswer.label}
      </label>
      <select
        id={`${id}-select`}
        className="wp-text-input"
        value={mode}
        disabled={disabled}
        onChange={(event) => setMode(event.currentTarget.value as AutoAnswerMode)}
      >
        {MODES.map((option) => (
          <option key={option} value={option}>
            {texts[option]}
          </option>
        ))}
      </select>
    </div>
  );
});
