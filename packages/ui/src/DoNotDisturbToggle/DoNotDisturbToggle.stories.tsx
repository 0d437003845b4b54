import type { Meta, StoryObj } from '@storybook/react-vite';
import { createRef } from 'react';
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

/** In Arabic. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const toggle = within(canvasElement).getByRole('button', { name: 'عدم الإزعاج' });
    await expect(toggle).toHaveAttribute('dir', 'rtl');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  },
};

/** A ref and extra HTML attributes reach the button (as on every widget). */
export const RefAndAttributes: Story = {
  render: (args) => {
    const ref = createRef<HTMLButtonElement>();
    return (
      <>
        <DoNotDisturbToggle {...args} ref={ref} data-testid="dnd" title="Refuse calls without ringing" />
        <button type="button" onClick={() => ref.current?.focus()}>
          Focus the toggle
        </button>
      </>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByTestId('dnd');
    await expect(toggle).toHaveAttribute('title', 'Refuse calls without ringing');
    await userEvent.click(canvas.getByRole('button', { name: 'Focus the toggle' }));
    await expect(toggle).toHaveFocus();
  },
};
