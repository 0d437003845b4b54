import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { AutoAnswerSelect } from './AutoAnswerSelect.js';

const meta = {
  title: 'Widgets/AutoAnswerSelect',
  component: AutoAnswerSelect,
  args: { onValueChange: fn() },
} satisfies Meta<typeof AutoAnswerSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Off by default; picking a mode reports it. */
export const Off: Story = {
  play: async ({ canvasElement, args }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Auto-answer' });
    await expect(select).toHaveValue('never');
    await userEvent.selectOptions(select, 'When the caller asks');
    await expect(args.onValueChange).toHaveBeenCalledWith('when-requested');
  },
};

/** Answers every call by itself. */
export const Always: Story = {
  args: { value: 'always' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('combobox', { name: 'Auto-answer' })).toHaveValue('always');
  },
};

/** In Arabic: label and modes translated, right to left. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement, args }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'الرد التلقائي' });
    await expect(canvasElement.querySelector('.wp-auto-answer')).toHaveAttribute('dir', 'rtl');
    await userEvent.selectOptions(select, 'عندما يطلبه المتصل');
    await expect(args.onValueChange).toHaveBeenCalledWith('when-requested');
  },
};
