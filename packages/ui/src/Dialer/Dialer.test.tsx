import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { Dialer } from './Dialer.js';

const field = () => screen.getByRole('textbox', { name: 'Number or SIP address' });
const callButton = () => screen.getByRole('button', { name: 'Call' });

describe('Dialer', () => {
  it('dials a typed number with the Call button, and passes axe', async () => {
    const onCall = vi.fn();
    const { container } = render(<Dialer onCall={onCall} />);
    expect(callButton()).toBeDisabled();
    await userEvent.type(field(), '1002');
    expect(callButton()).toBeEnabled();
    await userEvent.click(callButton());
    expect(onCall).toHaveBeenCalledExactlyOnceWith('1002');
    await expectNoAxeViolations(container);
  });

  it('dials with Enter and through the keypad', async () => {
    const onCall = vi.fn();
    render(<Dialer onCall={onCall} />);
    await userEvent.click(screen.getByRole('button', { name: '1' }));
    await userEvent.click(screen.getByRole('button', { name: '0' }));
    await userEvent.click(screen.getByRole('button', { name: '#' }));
    expect(field()).toHaveValue('10#');
    await userEvent.type(field(), '{Enter}');
    expect(onCall).toHaveBeenCalledExactlyOnceWith('10#');
  });

  it('cleans a pasted formatted number', async () => {
    const onValueChange = vi.fn();
    render(<Dialer onCall={() => undefined} onValueChange={onValueChange} />);
    await userEvent.click(field());
    await userEvent.paste('+1 (555) 123-4567');
    expect(field()).toHaveValue('+15551234567');
    expect(onValueChange).toHaveBeenLastCalledWith('+15551234567');
  });

  it('dials the cleaned form of a typed formatted number', async () => {
    const onCall = vi.fn();
    render(<Dialer onCall={onCall} />);
    await userEvent.type(field(), '(555) 010-0199{Enter}');
    expect(onCall).toHaveBeenCalledExactlyOnceWith('5550100199');
  });

  it('flags characters the core refuses as soon as they are typed', async () => {
    const onCall = vi.fn();
    const { container } = render(<Dialer onCall={onCall} />);
    await userEvent.type(field(), '1002;x');
    expect(screen.getByRole('alert')).toHaveTextContent('Use digits, * # + or a SIP address');
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(field()).toHaveAccessibleDescription(/Use digits/);
    await userEvent.click(callButton());
    expect(onCall).not.toHaveBeenCalled();
    await expectNoAxeViolations(container);
  });

  it('flags an incomplete SIP address only when the user tries to call', async () => {
    const onCall = vi.fn();
    render(<Dialer onCall={onCall} />);
    await userEvent.type(field(), 'alice@');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    await userEvent.click(callButton());
    expect(screen.getByRole('alert')).toHaveTextContent('not a number or SIP address');
    expect(onCall).not.toHaveBeenCalled();
    expect(field()).toHaveFocus();
  });

  it('disables calling while unregistered and says why', async () => {
    const { container } = render(<Dialer onCall={() => undefined} registered={false} defaultValue="1002" />);
    expect(callButton()).toBeDisabled();
    expect(callButton()).toHaveAccessibleDescription(/Not connected/);
    await expectNoAxeViolations(container);
  });

  it('disables calling at the call limit', () => {
    render(<Dialer onCall={() => undefined} atCallLimit defaultValue="1002" />);
    expect(callButton()).toBeDisabled();
    expect(screen.getByText(/maximum number of calls/)).toBeInTheDocument();
  });

  it('deletes the last character', async () => {
    render(<Dialer onCall={() => undefined} defaultValue="1002" />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete last character' }));
    expect(field()).toHaveValue('100');
  });

  it('follows a controlled value', async () => {
    const onValueChange = vi.fn();
    const { rerender } = render(<Dialer onCall={() => undefined} value="1" onValueChange={onValueChange} />);
    await userEvent.click(screen.getByRole('button', { name: '2' }));
    expect(onValueChange).toHaveBeenCalledExactlyOnceWith('12');
    expect(field()).toHaveValue('1');
    rerender(<Dialer onCall={() => undefined} value="12" onValueChange={onValueChange} />);
    expect(field()).toHaveValue('12');
  });

  it('works with a parent holding the state', async () => {
    function Parent() {
      const [value, setValue] = useState('');
      return (
        <>
          <Dialer onCall={() => undefined} value={value} onValueChange={setValue} />
          <p>Typed: {value}</p>
        </>
      );
    }
    render(<Parent />);
    await userEvent.type(field(), '42');
    expect(screen.getByText('Typed: 42')).toBeInTheDocument();
  });
});
