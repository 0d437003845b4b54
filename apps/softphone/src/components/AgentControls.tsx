import { usePhone, usePhoneCommands, type AutoAnswerMode } from '@webphone/react';
import { ConnectedDoNotDisturbToggle } from '@webphone/ui';
import { useId } from 'react';

const MODES: ReadonlyArray<{ value: AutoAnswerMode; label: string }> = [
  { value: 'never', label: 'Never' },
  { value: 'when-requested', label: 'When the caller asks (intercom)' },
  { value: 'always', label: 'Always' },
];

/** Props of {@link AgentControls}. */
export interface AgentControlsProps {
  /** Calls from this phone ask the callee to answer by itself. */
  intercom: boolean;
  onIntercomChange: (intercom: boolean) => void;
}

/**
 * What an agent's desk phone needs besides calls: do not disturb, when to
 * answer by itself, and intercom calls (a `Call-Info ;answer-after=0`
 * header that a callee with auto-answer "when the caller asks" honours).
 */
export function AgentControls({ intercom, onIntercomChange }: AgentControlsProps) {
  const id = useId();
  const autoAnswer = usePhone((s) => s.autoAnswer);
  const { setAutoAnswer } = usePhoneCommands();
  return (
    <div className="demo-agent" role="group" aria-label="Availability">
      <ConnectedDoNotDisturbToggle />
      <label className="demo-field demo-agent__mode" htmlFor={`${id}-auto`}>
        Auto-answer
        <select id={`${id}-auto`} value={autoAnswer} onChange={(event) => void setAutoAnswer(event.target.value as AutoAnswerMode)}>
          {MODES.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="demo-check">
        <input type="checkbox" checked={intercom} onChange={(event) => onIntercomChange(event.target.checked)} />
        Intercom calls (ask to be answered at once)
      </label>
    </div>
  );
}
