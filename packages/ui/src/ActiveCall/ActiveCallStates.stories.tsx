import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { backgroundOf, contrastRatio } from '../test-support/contrast.js';
import { cell, colourOf, iconOf, openPanels, shapeOf, StateGallery, STATES, talking } from '../test-support/state-gallery.js';
import { ActiveCall } from './ActiveCall.js';

/** The checks of the state design, in the current theme. */
async function expectDistinctStates(root: HTMLElement) {
  await openPanels(root);
  const on = STATES.filter((s) => s.key !== 'off');
  // Pressed or open differs from the same control unpressed, in shape and in colour.
  for (const { key, control } of on) {
    const icon = iconOf(root, key, control);
    const offIcon = iconOf(root, 'off', control);
    await expect(shapeOf(icon), `${key}: shape`).not.toBe(shapeOf(offIcon));
    await expect(colourOf(icon), `${key}: colour`).not.toBe(colourOf(offIcon));
  }
  // And the states differ from one another in shape too, not by colour alone.
  const shapes = on.map(({ key, control }) => shapeOf(iconOf(root, key, control)));
  await expect(new Set(shapes).size, shapes.join('\n')).toBe(on.length);

  // The pressed state is what assistive technology hears as well.
  await expect(iconOf(root, 'muted', 'mute').parentElement).toHaveAttribute('aria-pressed', 'true');
  await expect(iconOf(root, 'held', 'hold').parentElement).toHaveAttribute('aria-pressed', 'true');
  await expect(iconOf(root, 'recording', 'record').parentElement).toHaveAttribute('aria-pressed', 'true');
  await expect(iconOf(root, 'paused', 'record').parentElement).toHaveAttribute('aria-pressed', 'false');
  await expect(iconOf(root, 'keypad', 'keypad').parentElement).toHaveAttribute('aria-expanded', 'true');
  await expect(iconOf(root, 'transfer', 'transfer').parentElement).toHaveAttribute('aria-expanded', 'true');

  // "On hold" once; "Recording paused" is not "Recording" and not nothing.
  await expect(within(cell(root, 'held')).getAllByText('On hold')).toHaveLength(1);
  const paused = within(cell(root, 'paused')).getByText('Recording paused');
  const recording = within(cell(root, 'recording')).getByText('Recording');
  await expect(getComputedStyle(paused).borderTopStyle).toBe('dashed');
  await expect(getComputedStyle(recording).borderTopStyle).toBe('solid');
  await expect(within(cell(root, 'off')).queryByText(/Recording/)).toBeNull();

  // The Muted badge reads at 4.5:1.
  const muted = within(cell(root, 'muted')).getByText('Muted');
  await expect(contrastRatio(getComputedStyle(muted).color, backgroundOf(muted))).toBeGreaterThanOrEqual(4.5);

  // Hang up: labelled with visible text, and the only filled red control (Record on is a ring).
  for (const { key } of STATES) {
    const hangup = within(cell(root, key)).getByRole('button', { name: 'Hang up' });
    await expect(hangup).toHaveTextContent('Hang up');
  }
  const hangupFill = getComputedStyle(within(cell(root, 'recording')).getByRole('button', { name: 'Hang up' })).backgroundColor;
  await expect(getComputedStyle(iconOf(root, 'recording', 'record')).backgroundColor).not.toBe(hangupFill);

  // Outlines of unpressed controls: 3:1 against the card.
  const offIcon = iconOf(root, 'off', 'mute');
  await expect(contrastRatio(getComputedStyle(offIcon).borderTopColor, backgroundOf(offIcon.closest('.wp-card')!))).toBeGreaterThanOrEqual(3);
}

const meta = {
  title: 'Proof/ActiveCall states',
  component: ActiveCall,
  render: () => <StateGallery />,
  args: { call: talking },
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof ActiveCall>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Talking, muted, on hold, recording, recording paused, keypad open, transfer open: light theme. */
export const Light: Story = {
  play: async ({ canvasElement }) => expectDistinctStates(canvasElement),
};

/** The same states in the dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => expectDistinctStates(canvasElement),
};
