import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { makeCall } from '../test-support/fixtures.js';
import { TransferStatus } from './TransferStatus.js';

const ada = makeCall();

const meta = {
  title: 'Widgets/TransferStatus',
  component: TransferStatus,
  args: { call: ada, onComplete: fn(), onCancel: fn(), onRetry: fn() },
  render: (args) => (
    <div className="wp-card" style={{ maxWidth: 380 }}>
      <TransferStatus {...args} />
    </div>
  ),
} satisfies Meta<typeof TransferStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A blind transfer sent, waiting for the far end's answer. */
export const BlindPending: Story = {
  args: { transfer: { status: 'blind-pending', target: '1009' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/1009/)).toBeVisible();
  },
};

/** Consulting before an attended transfer: Complete or Cancel. */
export const Consulting: Story = {
  args: { transfer: { status: 'attended-consulting', consultCallId: 'call-2', target: '1003' } },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Complete transfer' }));
    await expect(args.onComplete).toHaveBeenCalledOnce();
  },
};

/** Completing. */
export const Completing: Story = {
  args: { transfer: { status: 'completing', target: '1003' } },
};

/** Failed, with Try again. */
export const Failed: Story = {
  args: { transfer: { status: 'failed', target: '1009', reason: 'The line is busy (SIP 486)' } },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};
