import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe';
import { makeCall } from '../test-support/fixtures';
import { IncomingCall } from './IncomingCall';

const ringing = makeCall({ callStatus: 'ringing', communicationType: 'inbound' });

describe('IncomingCall', () => {
  it('is a labelled alertdialog describing the caller, and passes axe', async () => {
    const { container } = render(<IncomingCall call={ringing} onAnswer={() => undefined} onReject={() => undefined} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Incoming call from Ada Lovelace' });
    expect(dialog).toHaveAccessibleDescription(/\+14155550132.*Analytical Engines Ltd/);
    expect(screen.getByRole('button', { name: 'Answer' })).toHaveFocus();
    await expectNoAxeViolations(container);
  });

  it('answers and declines with the buttons', async () => {
    const onAnswer = vi.fn();
    const onReject = vi.fn();
    render(<IncomingCall call={ringing} onAnswer={onAnswer} onReject={onReject} />);
    await userEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(onReject).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: 'Answer' }));
    expect(onAnswer).toHaveBeenCalledOnce();
  });

  it('has keyboard shortcuts that ignore modified keys', async () => {
    const user = userEvent.setup();
    const onAnswer = vi.fn();
    const onReject = vi.fn();
    render(<IncomingCall call={ringing} onAnswer={onAnswer} onReject={onReject} />);
    await user.keyboard('{Control>}a{/Control}{Meta>}d{/Meta}');
    expect(onAnswer).not.toHaveBeenCalled();
    expect(onReject).not.toHaveBeenCalled();
    await user.keyboard('a');
    expect(onAnswer).toHaveBeenCalledOnce();
    await user.keyboard('{Escape}');
    await user.keyboard('d');
    expect(onReject).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Answer' })).toHaveAttribute('aria-keyshortcuts', 'A');
  });

  it('can leave shortcuts and focus alone', async () => {
    const onAnswer = vi.fn();
    render(<IncomingCall call={ringing} onAnswer={onAnswer} onReject={() => undefined} shortcuts={false} autoFocus={false} />);
    expect(screen.getByRole('button', { name: 'Answer' })).not.toHaveFocus();
    screen.getByRole('button', { name: 'Decline' }).focus();
    await userEvent.keyboard('a');
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('shows only safe avatar URLs', () => {
    const { container, rerender } = render(
      <IncomingCall call={{ ...ringing, avatar: 'javascript:alert(1)' }} onAnswer={() => undefined} onReject={() => undefined} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.wp-avatar')).toHaveTextContent('AL');
    rerender(<IncomingCall call={{ ...ringing, avatar: 'https://cdn.example.com/ada.png' }} onAnswer={() => undefined} onReject={() => undefined} />);
    expect(container.querySelector('img')).toHaveAttribute('src', 'https://cdn.example.com/ada.png');
  });

  it('names an unknown caller by number and warns about the call it holds', () => {
    render(<IncomingCall call={{ ...ringing, name: '', company: '' }} activeCallName="Grace Hopper" onAnswer={() => undefined} onReject={() => undefined} />);
    expect(screen.getByRole('alertdialog', { name: 'Incoming call from +14155550132' })).toHaveAccessibleDescription(
      'Answering puts your call with Grace Hopper on hold.',
    );
  });
});
