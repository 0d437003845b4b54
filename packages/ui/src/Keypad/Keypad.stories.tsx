import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Keypad } from './Keypad.js';

const meta = {
  title: 'Widgets/Keypad',
  component: Keypad,
  args: { onKey: fn(), tones: false, keyboard: 'focus', disabled: false },
  decorators: [
    (Story) => (
      <div className="wp-card" style={{ width: 300 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Keypad>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Keys by pointer and by keyboard; Ctrl/Alt/Meta combinations are left to the browser. */
export const Default: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: '1' }));
    await userEvent.keyboard('2*#');
    await userEvent.keyboard('{Control>}3{/Control}');
    await expect(args.onKey).toHaveBeenCalledTimes(4);
    await expect(args.onKey).toHaveBeenNthCalledWith(1, '1');
    await expect(args.onKey).toHaveBeenNthCalledWith(4, '#');
  },
};

/** With local DTMF tones (Web Audio, two sine waves per key). */
export const WithTones: Story = {
  args: { tones: true },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: '5' }));
    await expect(args.onKey).toHaveBeenCalledWith('5');
  },
};

/** Compact keys, as in a call. */
export const Compact: Story = { args: { size: 'compact', label: 'Send tones' } };

/** Disabled. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ args, canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: '5' })).toBeDisabled();
    await expect(args.onKey).not.toHaveBeenCalled();
  },
};

/** In Arabic: the group is named in Arabic; the keys keep telephone order (left to right) in a right-to-left page. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  decorators: [
    (Story) => (
      <div dir="rtl">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const keypad = within(canvasElement).getByRole('group', { name: 'لوحة الأرقام' });
    await expect(keypad).toHaveAttribute('dir', 'ltr');
    const one = within(keypad).getByRole('button', { name: '1' }).getBoundingClientRect();
    const three = within(keypad).getByRole('button', { name: '3' }).getBoundingClientRect();
    await expect(one.left).toBeLessThan(three.left);
  },
};
