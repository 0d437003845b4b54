import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PhoneProvider } from '@webphone/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectedAutoAnswerSelect } from '../connected/ConnectedAutoAnswerSelect.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { scriptedSetup, userCommands } from '../test-support/scripted.js';
import { AutoAnswerSelect } from './AutoAnswerSelect.js';

describe('AutoAnswerSelect', () => {
  it('is a labelled native select: uncontrolled, it changes and reports', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { container } = render(<AutoAnswerSelect onValueChange={onValueChange} />);
    const select = screen.getByRole('combobox', { name: 'Auto-answer' });
    expect(select).toHaveValue('never');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Off', 'When the caller asks', 'Always']);
    await user.selectOptions(select, 'Always');
    expect(select).toHaveValue('always');
    expect(onValueChange).toHaveBeenLastCalledWith('always');
    await expectNoAxeViolations(container);
  });

  it('controlled, it shows `value` and only reports; texts, ref and attributes come from the app', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const ref = createRef<HTMLDivElement>();
    render(
      <AutoAnswerSelect
        ref={ref}
        data-testid="picker"
        value="when-requested"
        onValueChange={onValueChange}
        label="Automatisch annehmen"
        optionLabels={{ never: 'Aus', 'when-requested': 'Auf Anfrage', always: 'Immer' }}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Automatisch annehmen' });
    await user.selectOptions(select, 'Aus');
    expect(onValueChange).toHaveBeenCalledWith('never');
    expect(select).toHaveValue('when-requested');
    expect(ref.current).toBe(screen.getByTestId('picker'));
  });
});

describe('ConnectedAutoAnswerSelect', () => {
  it('sets the auto-answer mode of the phone and follows the store', async () => {
    const user = userEvent.setup();
    const { phone } = scriptedSetup();
    render(
      <PhoneProvider phone={phone}>
        <ConnectedAutoAnswerSelect />
      </PhoneProvider>,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Auto-answer' }), 'Always');
    expect(phone.store.getState().autoAnswer).toBe('always');
    expect(userCommands(phone)).toEqual([{ name: 'setAutoAnswer', args: ['always'] }]);
    // The store drives the picker: changed elsewhere, it follows.
    act(() => void phone.setAutoAnswer('when-requested'));
    expect(screen.getByRole('combobox', { name: 'Auto-answer' })).toHaveValue('when-requested');
  });
});
