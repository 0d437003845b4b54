import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { cell, iconOf, openPanels, StateGallery, STATES, talking } from '../test-support/state-gallery.js';
import { ActiveCall } from './ActiveCall.js';

const meta = {
  title: 'Proof/ActiveCall states in forced colours',
  component: ActiveCall,
  tags: ['forced-colors'],
  render: () => <StateGallery />,
  args: { call: talking },
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof ActiveCall>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Forced colours (Windows high contrast): every control keeps a visible border,
 * pressed and open ones fill with the system Highlight and underline their
 * label, Hang up stays a labelled button. Tagged `forced-colors`, so the story
 * tests run it in a Chromium context emulating `(forced-colors: active)`
 * (.storybook/vitest.forced-colors.config.ts); in Storybook's UI, turn on
 * forced colours in the browser's rendering tools to see it.
 */
export const ForcedColors: Story = {
  play: async ({ canvasElement }) => {
    await expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').toBe(true);
    await openPanels(canvasElement);
    for (const { key, control } of STATES) {
      const icon = iconOf(canvasElement, key, control);
      const style = getComputedStyle(icon);
      await expect(style.borderTopStyle, `${key}: border`).not.toBe('none');
      await expect(parseFloat(style.borderTopWidth), `${key}: border width`).toBeGreaterThanOrEqual(2);
    }
    const offFill = getComputedStyle(iconOf(canvasElement, 'off', 'mute')).backgroundColor;
    for (const { key, control } of STATES.filter((s) => s.key !== 'off' && s.key !== 'paused')) {
      const icon = iconOf(canvasElement, key, control);
      await expect(getComputedStyle(icon).backgroundColor, `${key}: pressed fill`).not.toBe(offFill);
      await expect(getComputedStyle(icon.nextElementSibling!).textDecorationLine, `${key}: label`).toBe('underline');
    }
    await expect(getComputedStyle(iconOf(canvasElement, 'paused', 'record')).borderTopStyle).toBe('dashed');
    const hangup = within(cell(canvasElement, 'off')).getByRole('button', { name: 'Hang up' });
    await expect(hangup).toHaveTextContent('Hang up');
    await expect(parseFloat(getComputedStyle(hangup).borderTopWidth)).toBeGreaterThanOrEqual(2);
  },
};
