import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PhoneProvider } from '@webphone/react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectedDoNotDisturbToggle } from '../connected/ConnectedDoNotDisturbToggle.js';
import { Softphone } from '../Softphone/Softphone.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { scriptedSetup, userCommands } from '../test-support/scripted.js';
import { DoNotDisturbToggle } from './DoNotDisturbToggle.js';

describe('DoNotDisturbToggle', () => {
  it('is a native toggle button: uncontrolled, it flips and reports', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { container } = render(<DoNotDisturbToggle onValueChange={onValueChange} />);
    const toggle = screen.getByRole('button', { name: 'Do not disturb' });
    expect(toggle).toHaveAttribute('type', 'button');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(onValueChange).toHaveBeenLastCalledWith(true);
    await expectNoAxeViolations(container);
  });

  it('controlled, it shows `value` and only reports', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<DoNotDisturbToggle value={false} onValueChange={onValueChange} label="DND" />);
    await user.click(screen.getByRole('button', { name: 'DND' }));
    expect(onValueChange).toHaveBeenCalledWith(true);
    expect(screen.getByRole('button', { name: 'DND' })).toHaveAttribute('aria-pressed', 'false');
  });
});

describe('ConnectedDoNotDisturbToggle and the Softphone', () => {
  it('turns do-not-disturb on in the phone, which then refuses calls without ringing', async () => {
    const user = userEvent.setup();
    const { phone } = scriptedSetup();
    render(
      <PhoneProvider phone={phone}>
        <Softphone />
      </PhoneProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Do not disturb' }));
    expect(phone.store.getState().doNotDisturb).toBe(true);
    expect(userCommands(phone)).toEqual([{ name: 'setDoNotDisturb', args: [true] }]);
    act(() => void phone.simulateIncoming({ number: '1002', name: 'Ada' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(phone.refusedIncoming).toHaveLength(1);
    // The store drives the toggle: turned off elsewhere, it shows off.
    act(() => void phone.setDoNotDisturb(false));
    expect(screen.getByRole('button', { name: 'Do not disturb' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('the Softphone can leave it out', () => {
    const { phone } = scriptedSetup();
    render(
      <PhoneProvider phone={phone}>
        <Softphone showDoNotDisturb={false} />
        <ConnectedDoNotDisturbToggle label="Quiet" />
      </PhoneProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Do not disturb' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Quiet' })).toBeInTheDocument();
  });
});
