import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { userCommands } from '../test-support/scripted.js';
import { phoneLoader, storyPhone, WithStoryPhone } from '../test-support/story-phone.js';
import { ConnectedDialer } from './ConnectedDialer.js';

const meta = {
  title: 'Connected/ConnectedDialer',
  component: ConnectedDialer,
  loaders: [phoneLoader()],
  render: (args, { loaded }) => (
    <WithStoryPhone loaded={loaded}>
      <ConnectedDialer {...args} />
    </WithStoryPhone>
  ),
} satisfies Meta<typeof ConnectedDialer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Registered: keypad entry and Call place the call, and the field clears. */
export const DialAndCall: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    for (const key of ['1', '0', '0', '2']) await userEvent.click(canvas.getByRole('button', { name: key }));
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    await expect(userCommands(phone)).toEqual([{ name: 'call', args: ['1002'] }]);
    await expect(canvas.getByRole('textbox', { name: 'Number or SIP address' })).toHaveValue('');
  },
};

/** Not registered: Call stays disabled. */
export const Unregistered: Story = {
  loaders: [phoneLoader(({ phone }) => phone.dropConnection())],
  args: { defaultValue: '1002' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Call' })).toBeDisabled();
  },
};
