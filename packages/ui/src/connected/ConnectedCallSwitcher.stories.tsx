import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { GRACE, holdCall, talkingCall, userCommands } from '../test-support/scripted.js';
import { phoneLoader, storyPhone, WithStoryPhone } from '../test-support/story-phone.js';
import { ConnectedCallSwitcher } from './ConnectedCallSwitcher.js';

const meta = {
  title: 'Connected/ConnectedCallSwitcher',
  component: ConnectedCallSwitcher,
  loaders: [
    phoneLoader(async (setup) => {
      const ada = await talkingCall(setup, '+14155550132', undefined, 300);
      await holdCall(setup, ada);
      await talkingCall(setup, '1003', GRACE, 40);
    }),
  ],
  render: (args, { loaded }) => (
    <WithStoryPhone loaded={loaded}>
      <ConnectedCallSwitcher {...args} />
    </WithStoryPhone>
  ),
} satisfies Meta<typeof ConnectedCallSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two calls, Grace current; switching holds Grace and resumes Ada. */
export const TwoCalls: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to Ada Lovelace' }));
    await expect(userCommands(phone)).toEqual([
      { name: 'hold', args: ['call-2'] },
      { name: 'unhold', args: ['call-1'] },
      { name: 'setCurrentSession', args: ['call-1'] },
    ]);
    await expect(await canvas.findByRole('button', { name: 'Switch to Grace Hopper' })).toBeVisible();
  },
};
