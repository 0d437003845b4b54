import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PhoneProvider } from '@webphone/react';
import type { ScriptedPhone } from '@webphone/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { ADA, forgetCommands, scriptedSetup, talkingCall, userCommands } from '../test-support/scripted.js';
import { Softphone } from './Softphone.js';

function renderSoftphone(phone: ScriptedPhone) {
  return render(
    <PhoneProvider phone={phone}>
      <Softphone title="Desk phone" />
    </PhoneProvider>,
  );
}

/** A call arrives (inside `act`, since it changes the store outside React). */
function ring(phone: ScriptedPhone, caller: Parameters<ScriptedPhone['simulateIncoming']>[0]): string {
  let callId = '';
  act(() => {
    callId = phone.simulateIncoming(caller);
  });
  return callId;
}

const numberField = () => screen.queryByRole('textbox', { name: 'Number or SIP address' });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Softphone', () => {
  it('lives a whole call: dial, calling, answered, hold, resume, DTMF, hang up', async () => {
    const user = userEvent.setup();
    const { phone } = scriptedSetup();
    const { container } = renderSoftphone(phone);
    const softphone = screen.getByRole('region', { name: 'Desk phone' });
    expect(within(softphone).getByText('Online')).toBeInTheDocument();
    await expectNoAxeViolations(container);

    await user.type(numberField()!, '1002');
    await user.click(screen.getByRole('button', { name: 'Call' }));
    const callId = phone.lastCallId!;
    expect(userCommands(phone)).toEqual([{ name: 'call', args: ['1002'] }]);
    expect(screen.getByText('Calling…')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '1002' })).toBeInTheDocument();
    expect(numberField()).toBeNull();
    // The dialer is gone: focus moves on to the call's first control, never the page.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Mute' })).toHaveFocus());

    act(() => void phone.remoteAnswer(callId));
    expect(screen.getByText('Connected')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toBeInTheDocument();
    await expectNoAxeViolations(container);

    // Held once the far end accepts the re-INVITE (a caller first lets its ACK settle, as the real phone does).
    await user.click(screen.getByRole('button', { name: 'Hold' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true'));
    expect(screen.getAllByText('On hold').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Hold' })).toHaveAttribute('aria-pressed', 'false'));

    await user.click(screen.getByRole('button', { name: 'Keypad' }));
    await user.click(within(screen.getByRole('group', { name: 'Send tones' })).getByRole('button', { name: '5' }));
    await user.keyboard('#');
    expect(screen.getByLabelText('Digits sent')).toHaveTextContent('5#');

    await user.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(userCommands(phone)).toEqual([
      { name: 'call', args: ['1002'] },
      { name: 'hold', args: [callId] },
      { name: 'unhold', args: [callId] },
      { name: 'dtmf', args: [callId, '5'] },
      { name: 'dtmf', args: [callId, '#'] },
      { name: 'hangup', args: [callId] },
    ]);
    expect(phone.store.getState().callIds).toEqual([]);
    // Hung up here: straight back to the dialer, no "call ended" card.
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(numberField()).toHaveValue('');
  });

  it('answers an incoming call', async () => {
    const { phone } = scriptedSetup();
    renderSoftphone(phone);
    const callId = ring(phone, { number: '+14155550132', ...ADA, name: 'Ada Lovelace' });
    const dialog = screen.getByRole('alertdialog', { name: 'Incoming call from Ada Lovelace' });
    // No focus steal: the dialog takes focus only when the app asks (focusIncomingCall).
    expect(within(dialog).getByRole('button', { name: 'Answer' })).not.toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Answer' })).not.toHaveAttribute('aria-keyshortcuts');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Answer' }));
    expect(userCommands(phone)).toEqual([{ name: 'answer', args: [callId] }]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('region', { name: 'Ada Lovelace' })).toHaveTextContent('Connected');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Mute' })).toHaveFocus());
  });

  it('with focusIncomingCall and shortcuts, rings into focus, and A answers except while typing', async () => {
    const user = userEvent.setup();
    const { phone } = scriptedSetup();
    render(
      <PhoneProvider phone={phone}>
        <input aria-label="Host search" />
        <Softphone focusIncomingCall shortcuts />
      </PhoneProvider>,
    );
    const search = screen.getByRole('textbox', { name: 'Host search' });
    await user.click(search);
    const callId = ring(phone, { number: '1003', name: 'Grace Hopper' });
    const answer = screen.getByRole('button', { name: 'Answer' });
    expect(answer).toHaveFocus();
    expect(answer).toHaveAttribute('aria-keyshortcuts', 'A');
    // Back in the host's field, typing "a" is typing.
    await user.click(search);
    await user.keyboard('a');
    expect(search).toHaveValue('a');
    expect(userCommands(phone)).toEqual([]);
    search.blur();
    await user.keyboard('a');
    expect(userCommands(phone)).toEqual([{ name: 'answer', args: [callId] }]);
  });

  it('rejects an incoming call and stays on the dialer', async () => {
    const { phone } = scriptedSetup();
    renderSoftphone(phone);
    const callId = ring(phone, { number: '1003' });
    // Reached by keyboard from the number field: declining brings focus back there.
    numberField()!.focus();
    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Decline' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(userCommands(phone)).toEqual([{ name: 'reject', args: [callId] }]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(numberField()).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(numberField()).toBeInTheDocument();
  });

  it('shows why a call failed and calls again', async () => {
    const { phone, clock } = scriptedSetup();
    renderSoftphone(phone);
    clock.offset = -5_000;
    await userEvent.type(numberField()!, '1002{Enter}');
    clock.offset = 0;
    const first = phone.lastCallId!;
    act(() => void phone.remoteReject(first, 486));
    const card = screen.getByRole('region', { name: '1002' });
    expect(within(card).getByText('Call failed')).toBeInTheDocument();
    expect(within(card).getByText('The line is busy (SIP 486)')).toBeInTheDocument();
    forgetCommands(phone);
    await userEvent.click(within(card).getByRole('button', { name: 'Call again' }));
    expect(userCommands(phone)).toEqual([{ name: 'call', args: ['1002'] }]);
    expect(screen.getByText('Calling…')).toBeInTheDocument();
    expect(screen.queryByText('The line is busy (SIP 486)')).toBeNull();
  });

  it('keeps the reason when the far end hangs up, until closed', async () => {
    const setup = scriptedSetup();
    const { phone } = setup;
    const callId = await talkingCall(setup);
    const { container } = renderSoftphone(phone);
    act(() => void phone.remoteHangup(callId));
    expect(screen.getByText('Call ended')).toBeInTheDocument();
    expect(screen.getByText('The other side hung up')).toBeInTheDocument();
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByText('Call ended')).toBeNull();
    await waitFor(() => expect(numberField()).toHaveFocus());
  });

  it('explains a refused call under the number', async () => {
    const setup = scriptedSetup();
    const { phone } = setup;
    renderSoftphone(phone);
    // The phone refuses a second outgoing call within a second of the first.
    await userEvent.type(numberField()!, '1002{Enter}');
    act(() => void phone.hangup(phone.lastCallId!));
    await userEvent.type(numberField()!, '1003{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Wait a moment before calling again.');
    await userEvent.type(numberField()!, '4');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('holds the first call to answer a second, and switches between them', async () => {
    const setup = scriptedSetup();
    const { phone } = setup;
    const first = await talkingCall(setup);
    renderSoftphone(phone);
    const second = ring(phone, { number: '1003', name: 'Grace Hopper' });
    // Call waiting: a compact bar, not a second full-size incoming card.
    const dialog = screen.getByRole('alertdialog', { name: 'Call waiting: Grace Hopper' });
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    forgetCommands(phone);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Hold and answer' }));
    expect(userCommands(phone)).toEqual([
      { name: 'hold', args: [first] },
      { name: 'answer', args: [second] },
    ]);
    const switcher = screen.getByRole('region', { name: '2 calls' });
    expect(within(switcher).getByText('Current')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Grace Hopper' })).toHaveTextContent('Connected');

    forgetCommands(phone);
    await userEvent.click(within(switcher).getByRole('button', { name: 'Switch to Ada Lovelace' }));
    expect(userCommands(phone)).toEqual([
      { name: 'hold', args: [second] },
      { name: 'unhold', args: [first] },
      { name: 'setCurrentSession', args: [first] },
    ]);
    expect(screen.getByRole('region', { name: 'Ada Lovelace' })).toHaveTextContent('Connected');
    expect(within(switcher).getByRole('button', { name: 'Switch to Grace Hopper' })).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Ada Lovelace' })).getByRole('button', { name: 'Mute' })).toHaveFocus());
  });

  it('ends the first call to answer a second from the call-waiting bar', async () => {
    const setup = scriptedSetup();
    const { phone } = setup;
    const first = await talkingCall(setup);
    renderSoftphone(phone);
    const second = ring(phone, { number: '1003', name: 'Grace Hopper' });
    forgetCommands(phone);
    await userEvent.click(within(screen.getByRole('alertdialog', { name: 'Call waiting: Grace Hopper' })).getByRole('button', { name: 'End and answer' }));
    expect(userCommands(phone)).toEqual([
      { name: 'answer', args: [second] },
      { name: 'hangup', args: [first] },
    ]);
    expect(screen.queryByRole('region', { name: 'Calls' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Grace Hopper' })).toHaveTextContent('Connected');
  });

  it('places a second call from Add call, holding the first', async () => {
    const setup = scriptedSetup();
    const { phone } = setup;
    const first = await talkingCall(setup);
    renderSoftphone(phone);
    expect(numberField()).toBeNull();
    const add = screen.getByRole('button', { name: 'Add call' });
    expect(add).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(add);
    forgetCommands(phone);
    await userEvent.type(numberField()!, '1003{Enter}');
    expect(userCommands(phone)).toEqual([
      { name: 'call', args: ['1003'] },
      { name: 'hold', args: [first] },
    ]);
    expect(numberField()).toBeNull();
    expect(screen.getByRole('region', { name: '2 calls' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add call' })).toBeNull(); // at the two-call limit
  });

  it('offers to enable sound when the browser blocks autoplay', async () => {
    const setup = scriptedSetup();
    const { phone } = setup;
    const callId = await talkingCall(setup);
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValue(new DOMException('no gesture', 'NotAllowedError'));
    renderSoftphone(phone);
    await act(async () => void phone.setRemoteStream(callId, new MediaStream()));
    const enable = await screen.findByRole('button', { name: 'Click to enable sound' });
    play.mockResolvedValue(undefined);
    await userEvent.click(enable);
    expect(screen.queryByRole('button', { name: 'Click to enable sound' })).toBeNull();
  });
});
