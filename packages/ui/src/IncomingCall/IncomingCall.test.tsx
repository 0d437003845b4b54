import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { makeCall } from '../test-support/fixtures.js';
import { IncomingCall } from './IncomingCall.js';

const ringing = makeCall({ callStatus: 'ringing', communicationType: 'inbound' });

describe('IncomingCall', () => {
  it('is a labelled alertdialog describing the caller, and passes axe', async () => {
    const { container } = render(<IncomingCall call={ringing} onAnswer={() => undefined} onReject={() => undefined} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Incoming call from Ada Lovelace' });
    expect(dialog).toHaveAccessibleDescription(/\+1 415 555 0132.*Analytical Engines Ltd/);
    expect(screen.getByText('+1 415 555 0132')).toHaveAttribute('title', '+14155550132');
    await expectNoAxeViolations(container);
  });

  it('leaves focus where it is unless asked, and gives it back when it closes', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <>
        <input aria-label="Notes" />
        <IncomingCall call={ringing} onAnswer={() => undefined} onReject={() => undefined} />
      </>,
    );
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    await user.click(notes);
    expect(screen.getByRole('button', { name: 'Answer' })).not.toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Decline' })).toHaveFocus();
    rerender(<input aria-label="Notes" />);
    expect(notes).toHaveFocus();
  });

  it('moves focus to Answer with autoFocus and back where it was after the call stops ringing', () => {
    const { rerender } = render(
      <>
        <button type="button">Elsewhere</button>
        <IncomingCall call={ringing} onAnswer={() => undefined} onReject={() => undefined} />
      </>,
    );
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    elsewhere.focus();
    rerender(
      <>
        <button type="button">Elsewhere</button>
        <IncomingCall key="second" call={ringing} onAnswer={() => undefined} onReject={() => undefined} autoFocus />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Answer' })).toHaveFocus();
    rerender(<button type="button">Elsewhere</button>);
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
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
    const { container } = render(<IncomingCall call={ringing} onAnswer={onAnswer} onReject={onReject} shortcuts autoFocus />);
    await user.keyboard('{Control>}a{/Control}{Meta>}d{/Meta}');
    expect(onAnswer).not.toHaveBeenCalled();
    expect(onReject).not.toHaveBeenCalled();
    await user.keyboard('a');
    expect(onAnswer).toHaveBeenCalledOnce();
    await user.keyboard('{Escape}');
    await user.keyboard('d');
    expect(onReject).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Answer' })).toHaveAttribute('aria-keyshortcuts', 'A');
    expect(screen.getByRole('button', { name: 'Decline' })).toHaveAttribute('aria-keyshortcuts', 'D Escape');
    expect(container.querySelector('.wp-incoming__shortcuts')).toHaveTextContent('A answer · D decline');
  });

  it('has no single-key shortcuts by default, and never fires them while the user types in a field', async () => {
    const user = userEvent.setup();
    const onAnswer = vi.fn();
    const onReject = vi.fn();
    const { rerender } = render(
      <>
        <textarea aria-label="Notes" />
        <IncomingCall call={ringing} onAnswer={onAnswer} onReject={onReject} />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Answer' })).not.toHaveAttribute('aria-keyshortcuts');
    expect(document.querySelector('.wp-incoming__shortcuts')).toBeNull();
    await user.keyboard('ad');
    expect(onAnswer).not.toHaveBeenCalled();
    rerender(
      <>
        <textarea aria-label="Notes" />
        <IncomingCall call={ringing} onAnswer={onAnswer} onReject={onReject} shortcuts />
      </>,
    );
    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.keyboard('a dad');
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveValue('a dad');
    expect(onAnswer).not.toHaveBeenCalled();
    expect(onReject).not.toHaveBeenCalled();
    // Outside any field the shortcuts work anywhere on the page.
    await user.click(document.body);
    await user.keyboard('a');
    expect(onAnswer).toHaveBeenCalledOnce();
  });

  it('can leave shortcuts and focus alone', async () => {
    const onAnswer = vi.fn();
    const onReject = vi.fn();
    render(<IncomingCall call={ringing} onAnswer={onAnswer} onReject={onReject} shortcuts={false} autoFocus={false} />);
    expect(screen.getByRole('button', { name: 'Answer' })).not.toHaveFocus();
    screen.getByRole('button', { name: 'Decline' }).focus();
    await userEvent.keyboard('a');
    expect(onAnswer).not.toHaveBeenCalled();
    // Escape still declines from inside the dialog.
    await userEvent.keyboard('{Escape}');
    expect(onReject).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Decline' })).toHaveAttribute('aria-keyshortcuts', 'Escape');
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

  it('names an unknown caller by number, shows a person instead of digits, and warns about the call it holds', () => {
    const { container } = render(
      <IncomingCall call={{ ...ringing, name: '', company: '' }} activeCallName="Grace Hopper" onAnswer={() => undefined} onReject={() => undefined} />,
    );
    expect(screen.getByRole('alertdialog', { name: 'Incoming call from +1 415 555 0132' })).toHaveAccessibleDescription(
      'Answering puts your call with Grace Hopper on hold.',
    );
    expect(screen.getByRole('heading', { name: '+1 415 555 0132' })).toBeVisible();
    expect(container.querySelector('.wp-avatar')).toHaveTextContent('');
    expect(container.querySelector('.wp-avatar svg')).not.toBeNull();
  });
});
