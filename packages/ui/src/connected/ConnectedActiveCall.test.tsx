import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PhoneProvider } from '@webphone/react';
import type { ScriptedPhone } from '@webphone/core/testing';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { forgetCommands, scriptedSetup, talkingCall, userCommands, type ScriptedSetup } from '../test-support/scripted.js';
import { ConnectedActiveCall } from './ConnectedActiveCall.js';

function renderCall(phone: ScriptedPhone) {
  return render(
    <PhoneProvider phone={phone}>
      <ConnectedActiveCall />
    </PhoneProvider>,
  );
}

async function talkingWithAda(): Promise<ScriptedSetup & { callId: string }> {
  const setup = scriptedSetup();
  const callId = await talkingCall(setup);
  forgetCommands(setup.phone);
  return { ...setup, callId };
}

async function startTransfer(target: string, mode: 'Transfer now' | 'Consult first') {
  await userEvent.click(screen.getByRole('button', { name: 'Transfer' }));
  await userEvent.type(screen.getByRole('textbox', { name: 'Transfer to' }), target);
  await userEvent.click(screen.getByRole('button', { name: mode }));
}

describe('ConnectedActiveCall', () => {
  it('renders nothing without a call', () => {
    const { container } = renderCall(scriptedSetup().phone);
    expect(container).toBeEmptyDOMElement();
  });

  it('mutes and records through the phone, within recordPermissions', async () => {
    const { phone, callId } = await talkingWithAda();
    const { container } = renderCall(phone);
    await userEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(screen.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    const badges = () => within(screen.getByRole('list', { name: 'Call state' }));
    expect(badges().getByText('Recording')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Stop recording' }));
    expect(badges().getByText('Recording paused')).toBeInTheDocument();
    expect(userCommands(phone)).toEqual([
      { name: 'mute', args: [callId] },
      { name: 'startRecord', args: [callId] },
      { name: 'pauseRecord', args: [callId] },
    ]);
    act(() => {
      phone.recordPermissions = 0;
    });
    expect(screen.queryByRole('button', { name: /record/i })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('blind-transfers, and shows the call transferred once the target accepts', async () => {
    const { phone, callId } = await talkingWithAda();
    renderCall(phone);
    await startTransfer('1003', 'Transfer now');
    expect(userCommands(phone)).toEqual([{ name: 'blindTransfer', args: [callId, '1003'] }]);
    expect(screen.getAllByText('Transferring to 1003…')).toHaveLength(2);
    act(() => void phone.acceptTransfer(callId));
    expect(screen.getByText('Call transferred')).toBeInTheDocument();
    expect(screen.getByText('The call was handed over')).toBeInTheDocument();
    // Ada was passed on to 1003: calling her again is not what the user wants next.
    expect(screen.queryByRole('button', { name: 'Call again' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
  });

  it('reports a refused blind transfer and tries again with the same target', async () => {
    const { phone, callId } = await talkingWithAda();
    renderCall(phone);
    await startTransfer('1009', 'Transfer now');
    act(() => void phone.failTransfer(callId, 486));
    // In the banner, and announced.
    expect(screen.getAllByText('Transfer to 1009 failed: The line is busy (SIP 486)')).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Ada Lovelace' })).toHaveTextContent('Connected');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('textbox', { name: 'Transfer to' })).toHaveValue('1009');
  });

  it('consults, then completes an attended transfer', async () => {
    const { phone, callId } = await talkingWithAda();
    const { container } = renderCall(phone);
    await startTransfer('1003', 'Consult first');
    const consultId = phone.lastCallId!;
    expect(userCommands(phone)).toEqual([{ name: 'attendedTransfer', args: [callId, '1003'] }]);
    expect(phone.store.getState().calls[callId]!.status.isHold).toBe(true);
    // The consultation leg is shown, with the parent's transfer state.
    expect(screen.getByRole('region', { name: '1003' })).toHaveTextContent('Calling…');
    expect(screen.getByText('Consulting before transferring Ada Lovelace, who is on hold.')).toBeInTheDocument();
    act(() => void phone.remoteAnswer(consultId));
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Complete transfer' }));
    expect(userCommands(phone)).toContainEqual({ name: 'completeTransfer', args: [consultId] });
    expect(screen.getAllByText('Completing transfer to 1003…')).toHaveLength(2);
    act(() => void phone.acceptTransfer(consultId));
    expect(phone.store.getState().callIds).toEqual([]);
    expect(screen.getByText('Call transferred')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Call again' })).toBeNull();
  });

  it('cancels an attended transfer: hangs up the consultation and resumes the held call', async () => {
    const { phone, callId } = await talkingWithAda();
    renderCall(phone);
    await startTransfer('1003', 'Consult first');
    const consultId = phone.lastCallId!;
    act(() => void phone.remoteAnswer(consultId));
    forgetCommands(phone);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel transfer' }));
    expect(userCommands(phone)).toEqual([
      { name: 'hangup', args: [consultId] },
      { name: 'unhold', args: [callId] },
      { name: 'setCurrentSession', args: [callId] },
    ]);
    const card = screen.getByRole('region', { name: 'Ada Lovelace' });
    expect(within(card).getByText('Connected')).toBeInTheDocument();
    expect(screen.queryByText(/Consulting/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
  });

  it('says so when the consultation call cannot be placed', async () => {
    // One call at a time: the phone refuses the consultation leg (MAX_LIMIT_CALL).
    const setup = scriptedSetup({ maxConcurrentCalls: 1 });
    const callId = await talkingCall(setup, '1002', {});
    renderCall(setup.phone);
    await startTransfer('1003', 'Consult first');
    expect(setup.phone.store.getState().callIds).toEqual([callId]);
    expect(screen.getAllByText('Transfer to 1003 failed: The consultation call could not be placed')).toHaveLength(2);
  });

  it('shows the failure reason of a call that did not connect, with its SIP status', async () => {
    const { phone, clock } = scriptedSetup();
    clock.offset = -5_000;
    await phone.call('1002');
    clock.offset = 0;
    renderCall(phone);
    expect(screen.getByText('Calling…')).toBeInTheDocument();
    act(() => void phone.remoteReject(phone.lastCallId!, 404));
    expect(screen.getByText('Call failed')).toBeInTheDocument();
    expect(screen.getByText('Number not found (SIP 404)')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Call failed. Number not found (SIP 404)');
  });
});
