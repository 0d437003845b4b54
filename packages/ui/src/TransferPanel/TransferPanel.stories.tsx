import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { TransferPanel } from './TransferPanel.js';

const meta = {
  title: 'Widgets/TransferPanel',
  component: TransferPanel,
  args: { onTransfer: fn(), onClose: fn() },
  decorators: [
    (Story) => (
      <div className="wp-card" style={{ width: 340 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof TransferPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Both modes. Enter transfers blind; Escape closes. */
export const Default: Story = {
  play: async ({ args, canvasElement }) => {
    const field = within(canvasElement).getByRole('textbox', { name: 'Transfer to' });
    await userEvent.type(field, '1003{Enter}');
    await expect(args.onTransfer).toHaveBeenCalledWith('1003', 'blind');
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalledOnce();
  },
};

/** A target the phone would refuse. */
export const InvalidTarget: Story = {
  args: { defaultTarget: '1003 ext 2' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Use digits');
    await userEvent.click(canvas.getByRole('button', { name: 'Transfer now' }));
    await expect(args.onTransfer).not.toHaveBeenCalled();
  },
};

/** Blind only. */
export const BlindOnly: Story = { args: { modes: ['blind'] } };

/** In Arabic: labels, help and buttons; the target field stays left to right. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'تحويل المكالمة' })).toHaveAttribute('dir', 'rtl');
    await userEvent.type(canvas.getByRole('textbox', { name: 'التحويل إلى' }), '1003');
    await userEvent.click(canvas.getByRole('button', { name: 'التشاور أولًا' }));
    await expect(args.onTransfer).toHaveBeenCalledWith('1003', 'attended');
    await userEvent.click(canvas.getByRole('button', { name: 'إغلاق التحويل' }));
    await expect(args.onClose).toHaveBeenCalledOnce();
  },
};
