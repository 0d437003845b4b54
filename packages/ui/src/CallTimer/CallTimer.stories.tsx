import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { FIXED_NOW, fixedNow } from '../test-support/fixtures.js';
import { CallTimer } from './CallTimer.js';

const meta = {
  title: 'Widgets/CallTimer',
  component: CallTimer,
} satisfies Meta<typeof CallTimer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A given duration: `m:ss`. */
export const Seconds: Story = {
  args: { seconds: 754 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('timer')).toHaveTextContent('12:34');
  },
};

/** From an hour on: `h:mm:ss`. */
export const OverAnHour: Story = {
  args: { seconds: 3723 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('timer')).toHaveTextContent('1:02:03');
  },
};

/** Counting up from a start time (the clock pinned for a stable picture). */
export const FromStartTime: Story = {
  args: { startTime: FIXED_NOW - 75_000, now: fixedNow },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('timer')).toHaveTextContent('1:15');
  },
};
