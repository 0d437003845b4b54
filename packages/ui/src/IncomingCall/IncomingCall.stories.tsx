import type { Meta, StoryObj } from '@storybook/react-vite';
import { useRef, useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { makeCall, SAMPLE_AVATAR } from '../test-support/fixtures.js';
import { IncomingCall } from './IncomingCall.js';

const ringing = makeCall({ callId: 'in-1', callStatus: 'ringing', communicationType: 'inbound', isRing: true });

const meta = {
  title: 'Widgets/IncomingCall',
  component: IncomingCall,
  args: { call: ringing, onAnswer: fn(), onReject: fn(), ringtone: false, shortcuts: false, autoFocus: false },
} satisfies Meta<typeof IncomingCall>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A ringing inbound call. By default it leaves focus where the user is and has no single-key shortcuts. */
export const Ringing: Story = {
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement).getByRole('alertdialog', { name: 'Incoming call from Ada Lovelace' });
    await expect(dialog).toHaveAccessibleDescription(/\+1 415 555 0132.*Analytical Engines Ltd/);
    await expect(within(dialog).getByRole('button', { name: 'Answer' })).not.toHaveFocus();
    await expect(within(dialog).getByRole('button', { name: 'Answer' })).not.toHaveAttribute('aria-keyshortcuts');
    await expect(canvasElement.querySelector('.wp-incoming__shortcuts')).toBeNull();
  },
};

/** With `autoFocus` the app asks for focus on Answer (an app whose only job is the phone). */
export const FocusOnAnswer: Story = {
  args: { autoFocus: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Answer' })).toHaveFocus();
  },
};

/** Answering. */
export const Answer: Story = {
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Answer' }));
    await expect(args.onAnswer).toHaveBeenCalledOnce();
    await expect(args.onReject).not.toHaveBeenCalled();
  },
};

/** Declining sends 486 Busy Here. */
export const Reject: Story = {
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Decline' }));
    await expect(args.onReject).toHaveBeenCalledOnce();
    await expect(args.onAnswer).not.toHaveBeenCalled();
  },
};

/** With `shortcuts`, `A` answers and `D` declines, listed in `aria-keyshortcuts`; Escape declines in the dialog. */
export const KeyboardShortcuts: Story = {
  args: { shortcuts: true, autoFocus: true },
  play: async ({ args, canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Answer' })).toHaveAttribute('aria-keyshortcuts', 'A');
    await expect(within(canvasElement).getByRole('button', { name: 'Decline' })).toHaveAttribute('aria-keyshortcuts', 'D Escape');
    await userEvent.keyboard('{Control>}a{/Control}');
    await expect(args.onAnswer).not.toHaveBeenCalled();
    await userEvent.keyboard('a');
    await expect(args.onAnswer).toHaveBeenCalledOnce();
    await userEvent.keyboard('{Escape}');
    await expect(args.onReject).toHaveBeenCalledOnce();
  },
};

/** A caller with a picture. */
export const WithPhoto: Story = {
  args: { call: { ...ringing, name: 'Grace Hopper', number: '+12025550147', company: 'US Navy Computing', avatar: SAMPLE_AVATAR } },
};

/** A number with no contact details; an unsafe avatar URL is ignored. */
export const UnknownCaller: Story = {
  args: { call: { ...ringing, name: '', company: '', number: '+442079460958', avatar: 'javascript:alert(1)' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alertdialog', { name: 'Incoming call from +44 207 946 0958' })).toBeVisible();
    // Formatted to read, the raw number in the title.
    const heading = canvas.getByRole('heading', { name: '+44 207 946 0958' });
    await expect(within(heading).getByTitle('+442079460958')).toBeVisible();
    await expect(canvasElement.querySelector('img')).toBeNull();
    // A person, not the last two digits.
    await expect(canvasElement.querySelector('.wp-avatar svg')).toBeVisible();
  },
};

/** A second call while one is up (call waiting). */
export const CallWaiting: Story = {
  args: { activeCallName: 'Grace Hopper' },
};

/** A video call. */
export const Video: Story = {
  args: { call: { ...ringing, isVideo: true } },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** In Arabic: the dialog, its buttons and the call-waiting note; the number stays left to right. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  args: { activeCallName: 'Grace Hopper', shortcuts: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dialog = canvas.getByRole('alertdialog', { name: 'مكالمة واردة من Ada Lovelace' });
    await expect(dialog).toHaveAttribute('dir', 'rtl');
    await expect(dialog).toHaveAccessibleDescription(/الرد يضع مكالمتك مع Grace Hopper قيد الانتظار/);
    await expect(canvas.getByRole('button', { name: 'رد' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'رفض' })).toBeVisible();
    await expect(canvas.getByText('+1 415 555 0132')).toHaveAttribute('dir', 'ltr');
    // In a right-to-left layout Answer sits to the left of Decline.
    const answer = canvas.getByRole('button', { name: 'رد' }).getBoundingClientRect();
    const decline = canvas.getByRole('button', { name: 'رفض' }).getBoundingClientRect();
    await expect(answer.left).toBeLessThan(decline.left);
  },
};

/**
 * No focus steal: the user types in the app's own field while a call rings. Focus stays there, and
 * with shortcuts on, typing "a" or "d" in the field is typing, not answering or declining.
 */
export const TypingElsewhere: Story = {
  args: { shortcuts: true },
  render: (args) => (
    <div style={{ display: 'grid', gap: 12 }}>
      <label>
        Notes <textarea />
      </label>
      <IncomingCall {...args} />
    </div>
  ),
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const notes = canvas.getByRole('textbox', { name: 'Notes' });
    await userEvent.click(notes);
    await userEvent.keyboard('a dad');
    await expect(notes).toHaveValue('a dad');
    await expect(notes).toHaveFocus();
    await expect(args.onAnswer).not.toHaveBeenCalled();
    await expect(args.onReject).not.toHaveBeenCalled();
  },
};

/** Declining from the keyboard: when the dialog goes, focus returns to where the user was. */
export const ReturnsFocus: Story = {
  render: function Render(args) {
    const [ringing, setRinging] = useState(true);
    return (
      <div style={{ display: 'grid', gap: 12 }}>
        <button type="button">Before the call</button>
        {ringing && (
          <IncomingCall
            {...args}
            onReject={() => {
              args.onReject();
              setRinging(false);
            }}
          />
        )}
      </div>
    );
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const before = canvas.getByRole('button', { name: 'Before the call' });
    before.focus();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Decline' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(args.onReject).toHaveBeenCalledOnce();
    await expect(before).toHaveFocus();
  },
};

/** A ref and extra HTML attributes reach the dialog; the avatar slot replaces the picture. */
export const RefAttributesAndAvatarSlot: Story = {
  render: function Render(args) {
    const ref = useRef<HTMLDivElement>(null);
    const [tag, setTag] = useState('');
    return (
      <>
        <IncomingCall {...args} ref={ref} data-queue="sales" avatar={<span className="app-badge">VIP</span>} />
        <button type="button" onClick={() => setTag(ref.current?.getAttribute('role') ?? 'none')}>
          Read the ref
        </button>
        <output>{tag}</output>
      </>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dialog = canvas.getByRole('alertdialog');
    await expect(dialog).toHaveAttribute('data-queue', 'sales');
    await expect(within(dialog).getByText('VIP')).toBeVisible();
    await expect(dialog.querySelector('.wp-avatar')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Read the ref' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('alertdialog');
  },
};
