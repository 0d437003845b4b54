import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Dialer } from './Dialer.js';

const meta = {
  title: 'Widgets/Dialer',
  component: Dialer,
  args: { onCall: fn(), onValueChange: fn(), registered: true, atCallLimit: false },
} satisfies Meta<typeof Dialer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing typed yet: Call is disabled until there is a number. Types one and calls it. */
export const Idle: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const call = canvas.getByRole('button', { name: 'Call' });
    await expect(call).toBeDisabled();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Number or SIP address' }), '1002');
    await userEvent.click(call);
    await expect(args.onCall).toHaveBeenCalledWith('1002');
  },
};

/** Dialling with the keypad, then Enter. */
export const KeypadEntry: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    for (const key of ['5', '5', '5', '0', '1', '9', '9']) {
      await userEvent.click(canvas.getByRole('button', { name: key }));
    }
    const field = canvas.getByRole('textbox', { name: 'Number or SIP address' });
    await expect(field).toHaveValue('5550199');
    await userEvent.type(field, '{Enter}');
    await expect(args.onCall).toHaveBeenCalledWith('5550199');
  },
};

/** Pasting `+1 (555) 123-4567` leaves `+15551234567` in the field. */
export const PasteFormattedNumber: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole('textbox', { name: 'Number or SIP address' });
    await userEvent.click(field);
    await userEvent.paste('+1 (555) 123-4567');
    await expect(field).toHaveValue('+15551234567');
    await expect(args.onValueChange).toHaveBeenLastCalledWith('+15551234567');
  },
};

/** A number the core would refuse (a `;` could inject URI parameters): the message shows at once. */
export const InvalidNumber: Story = {
  args: { defaultValue: '1002;transport=tcp' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Use digits, * # + or a SIP address');
    await expect(canvas.getByRole('textbox', { name: 'Number or SIP address' })).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    await expect(args.onCall).not.toHaveBeenCalled();
  },
};

/** Not registered: calling is disabled and the reason shown. */
export const Unregistered: Story = {
  args: { registered: false, defaultValue: '1002' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Call' })).toBeDisabled();
    await expect(canvas.getByText(/Not connected to the phone system/)).toBeVisible();
  },
};

/** At the concurrent-call limit. */
export const AtCallLimit: Story = {
  args: { atCallLimit: true, defaultValue: '1003' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Call' })).toBeDisabled();
  },
};

/** Dark theme. */
export const Dark: Story = {
  args: { defaultValue: '+14155550132' },
  globals: { theme: 'dark' },
};

/** At 320 px wide, the smallest supported width. */
export const Narrow: Story = {
  args: { defaultValue: 'alice@pbx.example.com' },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('.wp-dialer')!;
    await expect(card.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** In Arabic (locale toolbar, or `<WebphoneMessages messages={ar}>`): right to left, the number field still left to right. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  args: { registered: false },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const dialer = canvas.getByRole('group', { name: 'لوحة الاتصال' });
    await expect(dialer).toHaveAttribute('dir', 'rtl');
    await expect(dialer).toHaveAttribute('lang', 'ar');
    const field = canvas.getByRole('textbox', { name: 'رقم أو عنوان SIP' });
    await expect(field).toHaveAttribute('dir', 'ltr');
    await userEvent.type(field, '1002;');
    await expect(canvas.getByRole('alert')).toHaveTextContent('استخدم الأرقام');
    await expect(canvas.getByText('غير متصل بنظام الهاتف. الاتصال غير متاح.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'اتصال' })).toBeDisabled();
    await expect(args.onCall).not.toHaveBeenCalled();
  },
};
