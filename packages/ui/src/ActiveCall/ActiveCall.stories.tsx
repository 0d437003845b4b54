import type { CallStatus } from '@webphone/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { makeCall } from '../test-support/fixtures.js';
import { ActiveCall, type ActiveCallProps } from './ActiveCall.js';

const answeredAgo = (seconds: number) => Date.now() - seconds * 1000;
const talking = makeCall({ callStatus: 'talking', callStartTime: answeredAgo(754) });

/**
 * Plays the phone's part for the toggles: applies mute, hold and record to the
 * shown call, as the store would, after calling the story's spies.
 */
function WithLocalState(props: ActiveCallProps) {
  const [call, setCall] = useState<CallStatus>(props.call);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a control edited in Storybook replaces what the story's buttons changed
  useEffect(() => setCall(props.call), [props.call]);
  const patch = (p: Partial<CallStatus>) => setCall((c) => ({ ...c, ...p }));
  return (
    <ActiveCall
      {...props}
      call={call}
      onMuteChange={(isMute) => {
        props.onMuteChange?.(isMute);
        patch({ isMute });
      }}
      onHoldChange={(isHold) => {
        props.onHoldChange?.(isHold);
        patch({ isHold });
      }}
      onRecordChange={(on) => {
        props.onRecordChange?.(on);
        patch({ recordStatus: on ? 'recording' : 'pause' });
      }}
    />
  );
}

const meta = {
  title: 'Widgets/ActiveCall',
  component: ActiveCall,
  render: (args) => <WithLocalState {...args} />,
  args: {
    call: talking,
    recordPermissions: 2,
    onHangup: fn(),
    onMuteChange: fn(),
    onHoldChange: fn(),
    onRecordChange: fn(),
    onDtmf: fn(),
    onTransfer: fn(),
    onCompleteTransfer: fn(),
    onCancelTransfer: fn(),
  },
} satisfies Meta<typeof ActiveCall>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An outbound call not answered yet: only Mute and Hang up work. */
export const Calling: Story = {
  args: { call: makeCall({ callStatus: 'calling', callStartTime: 0 }) },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Calling…')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Hold' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }));
    await expect(args.onHangup).toHaveBeenCalledOnce();
  },
};

/** The far end plays early media (a 183 with SDP: announcements, queue music) before answering: still calling, with a badge. */
export const EarlyMedia: Story = {
  args: { call: makeCall({ callStatus: 'calling', callStartTime: 0, isRing: true, isEarlyMedia: true }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Calling…')).toBeVisible();
    await expect(canvas.getByText('Early media')).toBeVisible();
  },
};

/** Answered, waiting for the ACK. */
export const Connecting: Story = {
  args: { call: makeCall({ callStatus: 'connecting', communicationType: 'inbound', callStartTime: 0 }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Connecting…')).toBeVisible();
  },
};

/** Talking, with the live timer. */
export const Talking: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('timer')).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('Connected to Ada Lovelace');
  },
};

/**
 * Mute, hold and record: the toggles call their handlers and show `aria-pressed`; each label says
 * what pressing does now ("Unmute", "Resume", "Stop recording", "Resume recording"); hold is announced.
 * Focus stays on the pressed toggle.
 */
export const MuteAndHold: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const mute = canvas.getByRole('button', { name: 'Mute' });
    await userEvent.click(mute);
    await expect(args.onMuteChange).toHaveBeenCalledWith(true);
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await expect(mute).toHaveAccessibleName('Unmute');
    await expect(mute).toHaveFocus();
    await userEvent.click(mute);
    await expect(args.onMuteChange).toHaveBeenLastCalledWith(false);
    await expect(mute).toHaveAccessibleName('Mute');
    const hold = canvas.getByRole('button', { name: 'Hold' });
    await userEvent.click(hold);
    await expect(args.onHoldChange).toHaveBeenCalledWith(true);
    await expect(hold).toHaveAttribute('aria-pressed', 'true');
    await expect(hold).toHaveAccessibleName('Resume');
    await expect(canvas.getByRole('status')).toHaveTextContent('Call on hold');
    await userEvent.click(hold);
    await expect(args.onHoldChange).toHaveBeenLastCalledWith(false);
    const record = canvas.getByRole('button', { name: 'Record' });
    await userEvent.click(record);
    await expect(record).toHaveAccessibleName('Stop recording');
    await userEvent.click(record);
    await expect(record).toHaveAccessibleName('Resume recording');
    await expect(record).toHaveAttribute('aria-pressed', 'false');
  },
};

/** On hold. */
export const OnHold: Story = {
  args: { call: { ...talking, isHold: true } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** The phone lost its connection and is recovering the call: the status says so, the call stays up. */
export const Reconnecting: Story = {
  args: { call: { ...talking, isRecovering: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('.wp-call')).toHaveAttribute('data-state', 'reconnecting');
    await expect(canvas.getByText('Reconnecting…')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Hang up' })).toBeEnabled();
  },
};

/** An intercom call the phone answered by itself (`autoAnswer`): the status line says so. */
export const AutoAnswered: Story = {
  args: { call: { ...talking, communicationType: 'inbound', isAutoAnswered: true } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Auto-answered')).toBeVisible();
  },
};

/** Quality warnings (the record's `qualityWarnings`): a badge for each, announced when they appear. */
export const QualityWarnings: Story = {
  args: { call: talking, qualityWarnings: ['high-packet-loss', 'no-inbound-audio'] },
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Call quality warnings' });
    await expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Audio dropping out', 'No audio from the other side']);
    await expect(within(canvasElement).getByText('Call quality: Audio dropping out, No audio from the other side')).toBeInTheDocument();
  },
};

/** The connection could not be recovered. */
export const ConnectionLost: Story = {
  args: { call: talking, ended: { cause: 'connection-lost' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('The connection was lost')).toBeVisible();
  },
};

/** Microphone muted. */
export const Muted: Story = {
  args: { call: { ...talking, isMute: true } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** Being recorded. Pausing calls `onRecordChange(false)`. */
export const Recording: Story = {
  args: { call: { ...talking, recordStatus: 'recording' } },
  play: async ({ args, canvasElement }) => {
    const record = within(canvasElement).getByRole('button', { name: 'Stop recording' });
    await expect(record).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(record);
    await expect(args.onRecordChange).toHaveBeenCalledWith(false);
  },
};

/** Recording paused. */
export const RecordingPaused: Story = {
  args: { call: { ...talking, recordStatus: 'pause' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Recording paused')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Resume recording' })).toHaveAttribute('aria-pressed', 'false');
  },
};

/** Sends DTMF from the in-call keypad. */
export const Dtmf: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Keypad' }));
    const keypad = canvas.getByRole('group', { name: 'Send tones' });
    await userEvent.click(within(keypad).getByRole('button', { name: '1' }));
    await userEvent.keyboard('#');
    await expect(args.onDtmf).toHaveBeenNthCalledWith(1, '1');
    await expect(args.onDtmf).toHaveBeenNthCalledWith(2, '#');
    await expect(canvas.getByLabelText('Digits sent')).toHaveTextContent('1#');
  },
};

/** Blind transfer: enter a target, Transfer now. */
export const BlindTransfer: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Transfer' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Transfer to' }), '1003');
    await userEvent.click(canvas.getByRole('button', { name: 'Transfer now' }));
    await expect(args.onTransfer).toHaveBeenCalledWith('1003', 'blind');
  },
};

/** Attended transfer: Consult first places the consultation call. */
export const AttendedTransfer: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Transfer' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Transfer to' }), 'grace@pbx.example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Consult first' }));
    await expect(args.onTransfer).toHaveBeenCalledWith('grace@pbx.example.com', 'attended');
  },
};

/** A blind transfer waiting for the far end to accept the REFER. */
export const BlindTransferPending: Story = {
  args: { transfer: { status: 'blind-pending', target: '1003' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Transfer' })).toBeDisabled();
  },
};

/** Transfer in progress: the consultation leg of an attended transfer. Completes it. */
export const TransferInProgress: Story = {
  args: {
    call: makeCall({
      callId: 'consult-1',
      name: 'Grace Hopper',
      number: '1003',
      company: 'Sales',
      isTransfer: true,
      callStartTime: answeredAgo(21),
      transferParent: { callId: 'call-1', name: 'Ada Lovelace', avatar: '', number: '+14155550132', callDuration: 754, holdDuration: 21 },
    }),
    transfer: { status: 'attended-consulting', consultCallId: 'consult-1', target: '1003' },
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Consulting before transferring Ada Lovelace/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Complete transfer' }));
    await expect(args.onCompleteTransfer).toHaveBeenCalledOnce();
  },
};

/** The transfer target refused: the call stays up and the user can try again. */
export const TransferFailed: Story = {
  args: { transfer: { status: 'failed', target: '1009', reason: 'REFER refused: 486 Busy Here' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Worded as every other end reason, never the raw "Busy Here (486)".
    await expect(canvas.getByText('Transfer to 1009 failed: The line is busy (SIP 486)')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(canvas.getByRole('textbox', { name: 'Transfer to' })).toHaveValue('1009');
  },
};

/** An outbound call that failed, with the SIP reason. */
export const CallFailed: Story = {
  args: {
    call: makeCall({ callStatus: 'calling', callStartTime: 0 }),
    ended: { cause: 'busy', code: 486 },
    onDismiss: fn(),
    onCallAgain: fn(),
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('The line is busy (SIP 486)')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Call again' }));
    await expect(args.onCallAgain).toHaveBeenCalledOnce();
  },
};

/** Talking, dark theme. */
export const TalkingDark: Story = {
  args: { call: { ...talking, recordStatus: 'recording' } },
  globals: { theme: 'dark' },
};

/** At 320 px wide, with the in-call keypad open. */
export const Narrow: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Keypad' }));
    const card = canvasElement.querySelector('.wp-call')!;
    await expect(card.scrollWidth).toBeLessThanOrEqual(320);
  },
};
