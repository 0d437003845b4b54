import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { phoneLoader, WithStoryPhone } from '../test-support/story-phone.js';
import { ConnectedAutoAnswerSelect } from './ConnectedAutoAnswerSelect.js';

const meta = {
  title: 'Connected/ConnectedAutoAnswerSelect',
  component: ConnectedAutoAnswerSelect,
  loaders: [phoneLoader()],
  render: (args, { loaded }) => (
    <WithStoryPhone loaded={loaded}>
      <ConnectedAutoAnswerSelect {...args} />
    </WithStoryPhone>
  ),
} satisfies Meta<typeof ConnectedAutoAnswerSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the phone: picking "Always" sets it in the store, and the picker shows the store's mode. */
export const Available: Story = {
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Auto-answer' });
    await expect(select).toHaveValue('never');
    await userEvent.selectOptions(select, 'Always');
    await expect(select).toHaveValue('always');
  },
};

/** Auto-answer already set to "when the caller asks" in the phone. */
export const WhenRequested: Story = {
  loaders: [phoneLoader(({ phone }) => void phone.setAutoAnswer('when-requested'))],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('combobox', { name: 'Auto-answer' })).toHaveValue('when-requested');
  },
};
