'use client';
import { usePhone, usePhoneCommands } from '@webphone/react';
import { forwardRef } from 'react';
import { AutoAnswerSelect, type AutoAnswerSelectProps } from '../AutoAnswerSelect/AutoAnswerSelect.js';

/** Props of {@link ConnectedAutoAnswerSelect}: those of {@link AutoAnswerSelect} but the mode and its handler. */
export type ConnectedAutoAnswerSelectProps = Omit<AutoAnswerSelectProps, 'value' | 'defaultValue' | 'onValueChange'>;

/**
 * The {@link AutoAnswerSelect} of the phone under `<PhoneProvider>`: shows
 * the store's `autoAnswer` and calls `setAutoAnswer`.
 *
 * @remarks
 * Selects `autoAnswer` only, so it re-renders for its changes alone. Not part
 * of `<Softphone>`: an app that offers auto-answer places it (agent desks
 * often keep it in a settings panel), and one that does not pays nothing for it.
 */
export const ConnectedAutoAnswerSelect = forwardRef<HTMLDivElement, ConnectedAutoAnswerSelectProps>(function ConnectedAutoAnswerSelect(props, ref) {
  const mode = usePhone((s) => s.autoAnswer);
  const { setAutoAnswer } = usePhoneCommands();
  return <AutoAnswerSelect ref={ref} {...props} value={mode} onValueChange={(next) => void setAutoAnswer(next)} />;
});
