import type { CallStatus } from '@webphone/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { forwardRef, useEffect, useRef, useState, type ReactNode } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { CheckIcon } from '../icons/icons.js';
import { ControlButton } from '../internal/ControlButton.js';
import { makeCall, SAMPLE_AVATAR } from '../test-support/fixtures.js';
import { ActiveCall, type ActiveCallProps } from './ActiveCall.js';

const answeredAgo = (seconds: number) => Date.now() - seconds * 1000;
const talking = makeCall({ callStatus: 'talking', callStartTime: answeredAgo(754) });

/**
 * Plays the phone's part for the toggles: applies mute, hold and record to the
 * shown call, as the store would, after calling the story's spies.
 */
const WithLocalState = forwardRef<HTMLElement, ActiveCallProps & { children?: ReactNode }>(function WithLocalState({ children, ...props }, ref) {
  const [call, setCall] = useState<CallStatus>(props.call);
  useEffect(() => setCall(props.call), [props.call]);
  const patch = (p: Partial<CallStatus>) => setCall((c) => ({ ...c, ...p }));
  return (
    <>
      <ActiveCall
        {...props}
        ref={ref}
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
      {children && <p>{children}</p>}
    </>
  );
});

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
    // The panel is gone: focus moves on to the call's first control, not the page.
    await expect(canvas.getByRole('button', { name: 'Mute' })).toHaveFocus();
  },
};

/** Escape and Close leave the transfer panel with focus back on Transfer. */
export const TransferPanelEscapeAndClose: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const transfer = canvas.getByRole('button', { name: 'Transfer' });
    await userEvent.click(transfer);
    await expect(canvas.getByRole('textbox', { name: 'Transfer to' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('textbox', { name: 'Transfer to' })).toBeNull();
    await expect(transfer).toHaveFocus();
    await userEvent.click(transfer);
    await userEvent.click(canvas.getByRole('button', { name: 'Close transfer' }));
    await expect(transfer).toHaveFocus();
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

/** In Arabic: status, badges, per-state labels and the end reason, right to left; the number and the timer stay left to right. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  args: { call: { ...talking, isMute: true, isHold: true, recordStatus: 'recording' }, qualityWarnings: ['high-rtt'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = canvas.getByRole('region', { name: 'Ada Lovelace' });
    await expect(card).toHaveAttribute('dir', 'rtl');
    await expect(card).toHaveAttribute('lang', 'ar');
    const controls = within(canvas.getByRole('group', { name: 'أزرار المكالمة' }));
    await expect(controls.getByRole('button', { name: 'إلغاء الكتم' })).toHaveAttribute('aria-pressed', 'true');
    await expect(controls.getByRole('button', { name: 'استئناف' })).toHaveAttribute('aria-pressed', 'true');
    await expect(controls.getByRole('button', { name: 'إيقاف التسجيل' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('button', { name: 'إنهاء المكالمة' })).toBeVisible();
    await expect(within(canvas.getByRole('list', { name: 'حالة المكالمة' })).getByText('الميكروفون مكتوم')).toBeVisible();
    await expect(canvas.getByText('+1 415 555 0132')).toHaveAttribute('dir', 'ltr');
    await expect(canvas.getByRole('timer')).toHaveAttribute('dir', 'ltr');
  },
};

/** In Arabic, a transfer refused by a busy line: the same words as a busy call. */
export const ArabicTransferFailed: Story = {
  globals: { locale: 'ar' },
  args: { transfer: { status: 'failed', target: '1009', reason: 'REFER refused: 486 Busy Here' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('تعذّر التحويل إلى 1009: الخط مشغول (SIP 486)')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'حاول مجددًا' })).toBeVisible();
  },
};

/** In Arabic, a call that failed: status line and reason. */
export const ArabicCallFailed: Story = {
  globals: { locale: 'ar' },
  args: { call: makeCall({ callStatus: 'calling', callStartTime: 0 }), ended: { cause: 'busy', code: 486 }, onDismiss: fn(), onCallAgain: fn() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('تعذّرت المكالمة')).toBeVisible();
    await expect(canvas.getByText('الخط مشغول (SIP 486)')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'معاودة الاتصال' })).toBeVisible();
  },
};

/** A transfer went through: "Call transferred", and no "Call again" to the person just passed on. */
export const Transferred: Story = {
  args: { ended: { cause: 'transferred' }, onDismiss: fn(), onCallAgain: fn() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Call transferred')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Call again' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Close' })).toBeVisible();
  },
};

/** An unknown caller: the number formatted to read (raw in the title), a person glyph instead of digits. */
export const UnknownCaller: Story = {
  args: { call: { ...talking, name: '', company: '' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heading = canvas.getByRole('heading', { name: '+1 415 555 0132' });
    await expect(within(heading).getByTitle('+14155550132')).toBeVisible();
    await expect(canvasElement.querySelector('.wp-avatar')).not.toHaveTextContent(/\d/);
    await expect(canvasElement.querySelector('.wp-avatar svg')).toBeVisible();
  },
};

/** Composition: a ref and extra attributes reach the card; the avatar and actions slots take the app's own parts. */
export const Slots: Story = {
  render: function Render(args) {
    const ref = useRef<HTMLElement>(null);
    const [note, setNote] = useState('');
    return (
      <WithLocalState
        {...args}
        ref={ref}
        data-crm-id="c-42"
        avatar={<img src={SAMPLE_AVATAR} alt="" width={88} height={88} style={{ borderRadius: '50%' }} />}
        actions={<ControlButton label="Add note" icon={<CheckIcon />} onClick={() => setNote(`note on ${ref.current?.getAttribute('data-crm-id') ?? '?'}`)} />}
      >
        {note}
      </WithLocalState>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = canvas.getByRole('region', { name: 'Ada Lovelace' });
    await expect(card).toHaveAttribute('data-crm-id', 'c-42');
    await expect(card.querySelector('.wp-avatar')).toBeNull();
    await userEvent.click(within(canvas.getByRole('group', { name: 'Call controls' })).getByRole('button', { name: 'Add note' }));
    await expect(canvas.getByText('note on c-42')).toBeVisible();
  },
};
