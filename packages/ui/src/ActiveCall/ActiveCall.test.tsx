import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { FIXED_NOW, fixedNow, makeCall } from '../test-support/fixtures.js';
import { ActiveCall, type ActiveCallProps } from './ActiveCall.js';

const talking = makeCall({ callStatus: 'talking', callStartTime: FIXED_NOW - 83_000 });

type Handler<K extends keyof ActiveCallProps> = NonNullable<ActiveCallProps[K]>;

function handlers() {
  return {
    onHangup: vi.fn<Handler<'onHangup'>>(),
    onMuteChange: vi.fn<Handler<'onMuteChange'>>(),
    onHoldChange: vi.fn<Handler<'onHoldChange'>>(),
    onRecordChange: vi.fn<Handler<'onRecordChange'>>(),
    onDtmf: vi.fn<Handler<'onDtmf'>>(),
    onTransfer: vi.fn<Handler<'onTransfer'>>(),
  };
}

const liveRegion = () => screen.getByRole('status');

describe('ActiveCall', () => {
  it('shows who, state and timer, with unpressed toggles, and passes axe', async () => {
    const { container } = render(<ActiveCall call={talking} now={fixedNow} {...handlers()} />);
    const card = screen.getByRole('region', { name: 'Ada Lovelace' });
    expect(within(card).getByText('Connected')).toBeInTheDocument();
    expect(within(card).getByRole('timer')).toHaveTextContent('1:23');
    for (const name of ['Mute', 'Hold', 'Record']) {
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'false');
    }
    expect(screen.getByRole('button', { name: 'Keypad' })).toHaveAttribute('aria-expanded', 'false');
    expect(liveRegion()).toHaveTextContent('Connected to Ada Lovelace');
    expect(liveRegion()).toHaveAttribute('aria-live', 'polite');
    await expectNoAxeViolations(container);
  });

  it('shows quality warnings as badges while talking, announces them and the recovery, and passes axe', async () => {
    const { container, rerender } = render(<ActiveCall call={talking} now={fixedNow} qualityWarnings={['high-rtt']} />);
    const list = screen.getByRole('list', { name: 'Call quality warnings' });
    expect(within(list).getByText('High delay')).toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent('Call quality: High delay');
    await expectNoAxeViolations(container);
    rerender(<ActiveCall call={talking} now={fixedNow} qualityWarnings={['high-rtt', 'no-outbound-audio']} />);
    expect(liveRegion()).toHaveTextContent('Call quality: Your audio is not getting through');
    rerender(<ActiveCall call={talking} now={fixedNow} qualityWarnings={[]} />);
    expect(screen.queryByRole('list', { name: 'Call quality warnings' })).toBeNull();
    expect(liveRegion()).toHaveTextContent('Call quality recovered');
    rerender(<ActiveCall call={talking} now={fixedNow} qualityWarnings={['low-mos']} ended={{ cause: 'hangup' }} />);
    expect(screen.queryByText('Poor call quality')).toBeNull();
  });

  it('mutes and announces the change', async () => {
    const h = handlers();
    const { rerender } = render(<ActiveCall call={talking} now={fixedNow} {...h} />);
    await userEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(h.onMuteChange).toHaveBeenCalledExactlyOnceWith(true);
    rerender(<ActiveCall call={{ ...talking, isMute: true }} now={fixedNow} {...h} />);
    // The label says what pressing does now; aria-pressed says the state.
    expect(screen.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('button', { name: 'Mute' })).toBeNull();
    expect(liveRegion()).toHaveTextContent('Microphone muted');
    await userEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    expect(h.onMuteChange).toHaveBeenLastCalledWith(false);
  });

  it('holds, shows the held state and announces it', async () => {
    const h = handlers();
    const { rerender } = render(<ActiveCall call={talking} now={fixedNow} {...h} />);
    await userEvent.click(screen.getByRole('button', { name: 'Hold' }));
    expect(h.onHoldChange).toHaveBeenCalledExactlyOnceWith(true);
    rerender(<ActiveCall call={{ ...talking, isHold: true }} now={fixedNow} {...h} />);
    expect(screen.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getAllByText('On hold').length).toBeGreaterThan(0);
    expect(liveRegion()).toHaveTextContent('Call on hold');
    expect(screen.getByRole('button', { name: 'Keypad' })).toBeDisabled();
  });

  it('starts and pauses recording within the permissions', async () => {
    const h = handlers();
    const { rerender } = render(<ActiveCall call={talking} now={fixedNow} {...h} />);
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(h.onRecordChange).toHaveBeenCalledExactlyOnceWith(true);
    rerender(<ActiveCall call={{ ...talking, recordStatus: 'recording' }} now={fixedNow} {...h} />);
    expect(screen.getByRole('button', { name: 'Stop recording' })).toHaveAttribute('aria-pressed', 'true');
    expect(liveRegion()).toHaveTextContent('Recording');
    await userEvent.click(screen.getByRole('button', { name: 'Stop recording' }));
    expect(h.onRecordChange).toHaveBeenLastCalledWith(false);
    rerender(<ActiveCall call={{ ...talking, recordStatus: 'pause' }} now={fixedNow} {...h} />);
    expect(liveRegion()).toHaveTextContent('Recording paused');
    expect(screen.getByRole('button', { name: 'Resume recording' })).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(screen.getByRole('button', { name: 'Resume recording' }));
    expect(h.onRecordChange).toHaveBeenLastCalledWith(true);

    rerender(<ActiveCall call={talking} recordPermissions={1} now={fixedNow} {...h} />);
    expect(screen.getByRole('button', { name: 'Record' })).toBeDisabled();
    rerender(<ActiveCall call={talking} recordPermissions={0} now={fixedNow} {...h} />);
    expect(screen.queryByRole('button', { name: 'Record' })).toBeNull();
  });

  it('offers only mute and hang up before the call is answered', async () => {
    const h = handlers();
    render(<ActiveCall call={makeCall({ callStatus: 'calling' })} {...h} />);
    expect(screen.getByText('Calling…')).toBeInTheDocument();
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByRole('button', { name: 'Mute' })).toBeEnabled();
    for (const name of ['Hold', 'Record', 'Keypad', 'Transfer']) expect(screen.getByRole('button', { name })).toBeDisabled();
    expect(liveRegion()).toHaveTextContent('Calling Ada Lovelace');
    await userEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(h.onHangup).toHaveBeenCalledOnce();
  });

  it('shows and announces early media while calling, and drops the badge on the answer', () => {
    const h = handlers();
    const calling = makeCall({ callStatus: 'calling', isRing: true });
    const { rerender } = render(<ActiveCall call={calling} {...h} />);
    expect(screen.queryByText('Early media')).toBeNull();
    rerender(<ActiveCall call={{ ...calling, isEarlyMedia: true }} {...h} />);
    expect(screen.getByText('Calling…')).toBeInTheDocument();
    expect(screen.getByText('Early media')).toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent('Early media playing');
    rerender(<ActiveCall call={makeCall({ callStatus: 'talking', callStartTime: fixedNow() })} now={fixedNow} {...h} />);
    expect(screen.queryByText('Early media')).toBeNull();
  });

  it('sends DTMF from the in-call keypad', async () => {
    const user = userEvent.setup();
    const h = handlers();
    const { container } = render(<ActiveCall call={talking} now={fixedNow} {...h} />);
    await user.click(screen.getByRole('button', { name: 'Keypad' }));
    expect(screen.getByRole('button', { name: 'Keypad' })).toHaveAttribute('aria-expanded', 'true');
    const keypad = screen.getByRole('group', { name: 'Send tones' });
    await user.click(within(keypad).getByRole('button', { name: '4' }));
    await user.keyboard('2#');
    expect(h.onDtmf.mock.calls).toEqual([['4'], ['2'], ['#']]);
    expect(screen.getByLabelText('Digits sent')).toHaveTextContent('42#');
    await expectNoAxeViolations(container);
  });

  it('starts a blind transfer', async () => {
    const h = handlers();
    const { container } = render(<ActiveCall call={talking} now={fixedNow} {...h} />);
    await userEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    const target = screen.getByRole('textbox', { name: 'Transfer to' });
    expect(target).toHaveFocus();
    await expectNoAxeViolations(container);
    await userEvent.type(target, '1003');
    await userEvent.click(screen.getByRole('button', { name: 'Transfer now' }));
    expect(h.onTransfer).toHaveBeenCalledExactlyOnceWith('1003', 'blind');
    expect(screen.queryByRole('textbox', { name: 'Transfer to' })).toBeNull();
  });

  it('starts an attended transfer and refuses a bad target', async () => {
    const h = handlers();
    render(<ActiveCall call={talking} now={fixedNow} {...h} />);
    await userEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    const target = screen.getByRole('textbox', { name: 'Transfer to' });
    await userEvent.type(target, '10<03');
    expect(screen.getByRole('alert')).toHaveTextContent('Use digits');
    await userEvent.click(screen.getByRole('button', { name: 'Consult first' }));
    expect(h.onTransfer).not.toHaveBeenCalled();
    await userEvent.clear(target);
    await userEvent.type(target, 'bob@pbx.example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Consult first' }));
    expect(h.onTransfer).toHaveBeenCalledExactlyOnceWith('bob@pbx.example.com', 'attended');
  });

  it('completes or cancels from the consultation leg', async () => {
    const onCompleteTransfer = vi.fn();
    const onCancelTransfer = vi.fn();
    const consult = makeCall({
      callId: 'consult',
      name: 'Grace Hopper',
      number: '1003',
      company: '',
      isTransfer: true,
      callStartTime: FIXED_NOW - 12_000,
      transferParent: { callId: 'call-1', name: 'Ada Lovelace', avatar: '', number: '+14155550132', callDuration: 95, holdDuration: 12 },
    });
    const { container } = render(
      <ActiveCall
        call={consult}
        transfer={{ status: 'attended-consulting', consultCallId: 'consult', target: '1003' }}
        now={fixedNow}
        onCompleteTransfer={onCompleteTransfer}
        onCancelTransfer={onCancelTransfer}
        {...handlers()}
      />,
    );
    expect(screen.getByText(/Consulting before transferring Ada Lovelace/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Transfer' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Complete transfer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel transfer' }));
    expect(onCompleteTransfer).toHaveBeenCalledOnce();
    expect(onCancelTransfer).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
  });

  it('reports a failed transfer and offers to try again with the same target', async () => {
    const h = handlers();
    const { rerender } = render(
      <ActiveCall call={talking} transfer={{ status: 'failed', target: '1009', reason: 'REFER refused: 486 Busy Here' }} now={fixedNow} {...h} />,
    );
    // The same words as a call that met a busy line, never the raw "Busy Here (486)".
    expect(screen.getByText('Transfer to 1009 failed: The line is busy (SIP 486)')).toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent('Transfer to 1009 failed: The line is busy (SIP 486)');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('textbox', { name: 'Transfer to' })).toHaveValue('1009');
    rerender(<ActiveCall call={talking} transfer={{ status: 'failed', target: '1009', reason: 'timed out' }} now={fixedNow} {...h} />);
    expect(screen.getByText('Transfer to 1009 failed: The transfer could not be completed')).toBeInTheDocument();
  });

  it('disables transfer while one is pending', () => {
    render(<ActiveCall call={talking} transfer={{ status: 'blind-pending', target: '1003' }} now={fixedNow} {...handlers()} />);
    expect(screen.getByText('Transferring to 1003…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Transfer' })).toBeDisabled();
  });

  it('shows why a call failed instead of the controls', async () => {
    const onDismiss = vi.fn();
    const onCallAgain = vi.fn();
    const { container } = render(
      <ActiveCall
        call={makeCall({ callStatus: 'calling' })}
        ended={{ cause: 'busy', code: 486 }}
        onDismiss={onDismiss}
        onCallAgain={onCallAgain}
        {...handlers()}
      />,
    );
    expect(screen.getByText('Call failed')).toBeInTheDocument();
    expect(screen.getByText('The line is busy (SIP 486)')).toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent('Call failed. The line is busy (SIP 486)');
    expect(screen.queryByRole('button', { name: 'Hang up' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await userEvent.click(screen.getByRole('button', { name: 'Call again' }));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(onCallAgain).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
  });

  it('leaves out controls without a handler', () => {
    render(<ActiveCall call={talking} now={fixedNow} onHangup={() => undefined} />);
    expect(screen.queryByRole('group', { name: 'Call controls' })).toBeEmptyDOMElement();
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeInTheDocument();
  });
});
