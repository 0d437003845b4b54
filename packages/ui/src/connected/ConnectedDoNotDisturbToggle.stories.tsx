import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { phoneLoader, WithStoryPhone } from '../test-support/story-phone.js';
import { ConnectedDoNotDisturbToggle } from './ConnectedDoNotDisturbToggle.js';

const meta = {
  title: 'Connected/ConnectedDoNotDisturbToggle',
  component: ConnectedDoNotDisturbToggle,
  loaders: [phoneLoader()],
  render: (args, { loaded }) => (
    <WithStoryPhone loaded={loaded}>
      <ConnectedDoNotDisturbToggle {...args} />
    </WithStoryPhone>
  ),
} satisfies Meta<typeof ConnectedDoNotDisturbToggle>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the phone: pressing it turns do-not-disturb on in the store. */
export const Available: Story = {
  play: async ({ canvasElement }) => {
    const toggle = within(canvasElement).getByRole('button', { name: 'Do not disturb' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  },
};

/** Do-not-disturb already on in the phone. */
export const DoNotDisturb: Story = {
  loaders: [phoneLoader(({ phone }) => void phone.setDoNotDisturb(true))],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Do not disturb' })).toHaveAttribute('aria-pressed', 'true');
  },
};
