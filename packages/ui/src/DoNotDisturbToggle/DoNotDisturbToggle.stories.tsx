import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { DoNotDisturbToggle } from './DoNotDisturbToggle.js';

const meta = {
  title: 'Widgets/DoNotDisturbToggle',
  component: DoNotDisturbToggle,
  args: { onValueChange: fn() },
} satisfies Meta<typeof DoNotDisturbToggle>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Off: calls ring. Pressing it turns do-not-disturb on. */
export const Off: Story = {
  play: async ({ canvasElement, args }) => {
    const toggle = within(canvasElement).getByRole('button', { name: 'Do not disturb' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(args.onValueChange).toHaveBeenCalledWith(true);
  },
};

/** On: calls are refused without ringing. */
export const On: Story = {
  args: { defaultValue: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Do not disturb' })).toHaveAttribute('aria-pressed', 'true');
  },
};
