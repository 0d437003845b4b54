import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { DTMF_FREQUENCIES, playDtmfTone } from './dtmf-tones.js';
import { Keypad } from './Keypad.js';
import { KEYPAD_LAYOUT } from './keypad-keys.js';

describe('Keypad', () => {
  it('shows twelve keys named by their digit, and passes axe', async () => {
    const { container } = render(<Keypad onKey={() => undefined} />);
    const group = screen.getByRole('group', { name: 'Keypad' });
    const keys = within(group).getAllByRole('button');
    expect(keys.map((k) => k.textContent?.[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']);
    expect(within(group).getByRole('button', { name: '5' })).toHaveAttribute('type', 'button');
    await expectNoAxeViolations(container);
  });

  it('presses a key on click', async () => {
    const onKey = vi.fn();
    render(<Keypad onKey={onKey} />);
    await userEvent.click(screen.getByRole('button', { name: '5' }));
    await userEvent.click(screen.getByRole('button', { name: '#' }));
    expect(onKey.mock.calls).toEqual([['5'], ['#']]);
  });

  it('maps typed keys while focus is inside, ignoring modified keys and other keys', async () => {
    const user = userEvent.setup();
    const onKey = vi.fn();
    render(<Keypad onKey={onKey} />);
    screen.getByRole('button', { name: '1' }).focus();
    await user.keyboard('7*#x');
    await user.keyboard('{Control>}5{/Control}{Alt>}6{/Alt}{Meta>}8{/Meta}');
    expect(onKey.mock.calls).toEqual([['7'], ['*'], ['#']]);
  });

  it('ignores typing when focus is elsewhere in focus mode', async () => {
    const user = userEvent.setup();
    const onKey = vi.fn();
    render(<Keypad onKey={onKey} />);
    await user.keyboard('123');
    expect(onKey).not.toHaveBeenCalled();
  });

  it('listens on the window in window mode, but not inside text fields', async () => {
    const user = userEvent.setup();
    const onKey = vi.fn();
    render(
      <>
        <label>
          Note <input />
        </label>
        <Keypad onKey={onKey} keyboard="window" />
      </>,
    );
    await user.keyboard('9');
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('12');
    expect(onKey.mock.calls).toEqual([['9']]);
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('12');
  });

  it('does nothing when disabled', async () => {
    const onKey = vi.fn();
    render(<Keypad onKey={onKey} disabled keyboard="window" />);
    await userEvent.click(screen.getByRole('button', { name: '3' }));
    await userEvent.keyboard('3');
    expect(onKey).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '3' })).toBeDisabled();
  });
});

describe('DTMF tones', () => {
  it('has the standard row and column frequency for every key', () => {
    expect(DTMF_FREQUENCIES['1']).toEqual([697, 1209]);
    expect(DTMF_FREQUENCIES['5']).toEqual([770, 1336]);
    expect(DTMF_FREQUENCIES['0']).toEqual([941, 1336]);
    expect(DTMF_FREQUENCIES['#']).toEqual([941, 1477]);
    const pairs = new Set(KEYPAD_LAYOUT.map(({ key }) => DTMF_FREQUENCIES[key].join('+')));
    expect(pairs.size).toBe(12);
  });

  it('plays both frequencies of the key on the given context', () => {
    const oscillators: Array<{ frequency: { value: number }; start: (t: number) => void }> = [];
    const param = () => ({ value: 0, setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() });
    const context = {
      currentTime: 0,
      state: 'running',
      destination: {},
      createGain: () => ({ gain: param(), connect: vi.fn(), disconnect: vi.fn() }),
      createOscillator: () => {
        const osc = { type: '', frequency: param(), connect: vi.fn(), disconnect: vi.fn(), start: vi.fn(), stop: vi.fn(), onended: null };
        oscillators.push(osc);
        return osc;
      },
    } as unknown as AudioContext;
    expect(playDtmfTone('9', { context })).toBe(true);
    expect(oscillators.map((o) => o.frequency.value)).toEqual([852, 1477]);
    for (const o of oscillators) expect(o.start).toHaveBeenCalledTimes(1);
  });

  it('reports false without Web Audio', () => {
    expect(playDtmfTone('1', { context: null })).toBe(false);
  });
});
