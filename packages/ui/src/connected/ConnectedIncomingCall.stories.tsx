import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { talkingCall, userCommands } from '../test-support/scripted.js';
import { phoneLoader, storyPhone, WithStoryPhone } from '../test-support/story-phone.js';
import { ConnectedIncomingCall } from './ConnectedIncomingCall.js';

const meta = {
  title: 'Connected/ConnectedIncomingCall',
  component: ConnectedIncomingCall,
  args: { ringtone: false },
  loaders: [phoneLoader(({ phone }) => phone.simulateIncoming({ number: '+14155550132', name: 'Ada Lovelace', company: 'Analytical Engines Ltd' }))],
  render: (args, { loaded }) => (
    <WithStoryPhone loaded={loaded}>
      <ConnectedIncomingCall {...args} />
    </WithStoryPhone>
  ),
} satisfies Meta<typeof ConnectedIncomingCall>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ringing; Answer answers it and the dialog goes. */
export const Answer: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Answer' }));
    await expect(userCommands(phone)).toEqual([{ name: 'answer', args: ['call-1'] }]);
    await waitFor(() => expect(within(canvasElement).queryByRole('alertdialog')).toBeNull());
  },
};

/** Ringing; Decline rejects it. */
export const Reject: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Decline' }));
    await expect(userCommands(phone)).toEqual([{ name: 'reject', args: ['call-1'] }]);
  },
};

/** A second call while talking to Ada: a compact call-waiting bar; Hold and answer holds her first. */
export const CallWaiting: Story = {
  loaders: [
    phoneLoader(async (setup) => {
      await talkingCall(setup);
      setup.phone.simulateIncoming({ number: '1003', name: 'Grace Hopper', company: 'Sales' });
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alertdialog', { name: 'Call waiting: Grace Hopper' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Hold and answer' }));
    await expect(userCommands(phone)).toEqual([
      { name: 'hold', args: ['call-1'] },
      { name: 'answer', args: ['call-2'] },
    ]);
  },
};
