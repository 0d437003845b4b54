import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { FIXED_NOW, fixedNow, makeCall } from '../test-support/fixtures.js';
import { CallSwitcher } from './CallSwitcher.js';

const ada = makeCall({ callId: 'a', callStartTime: FIXED_NOW - 65_000 });
const grace = makeCall({ callId: 'g', name: 'Grace Hopper', number: '1003', isHold: true, callStartTime: FIXED_NOW - 200_000 });

describe('CallSwitcher', () => {
  it('lists both calls, marks the current one, and passes axe', async () => {
    const { container } = render(<CallSwitcher calls={[ada, grace]} currentCallId="a" onSwitch={() => undefined} now={fixedNow} />);
    const list = screen.getByRole('region', { name: '2 calls' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveAttribute('aria-current', 'true');
    expect(items[0]).toHaveTextContent(/Ada Lovelace.*Connected.*1:05.*Current/);
    expect(items[1]).toHaveTextContent(/Grace Hopper.*On hold.*3:20/);
    expect(within(items[0]!).queryByRole('button')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('switches to the other call', async () => {
    const onSwitch = vi.fn();
    render(<CallSwitcher calls={[ada, grace]} currentCallId="a" onSwitch={onSwitch} now={fixedNow} />);
    await userEvent.click(screen.getByRole('button', { name: 'Switch to Grace Hopper' }));
    expect(onSwitch).toHaveBeenCalledExactlyOnceWith('g');
  });

  it('renders nothing for a single call', () => {
    const { container } = render(<CallSwitcher calls={[ada]} currentCallId="a" onSwitch={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});
