import type { Meta, StoryObj } from '@storybook/react-vite';
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
