import type { CallStatus } from '@webphone/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { backgroundOf, contrastRatio } from '../test-support/contrast.js';
import { makeCall } from '../test-support/fixtures.js';
import { ActiveCall } from './ActiveCall.js';

const talking = makeCall({ callStatus: 'talking', callStartTime: Date.now() - 754_000 });

/** Each state of the in-call toggles, and the control whose look shows it. */
// One caller per card: the cards are landmarks named by the caller, and names must differ.
const STATES = [
  { key: 'off', call: talking, control: 'mute' },
  { key: 'muted', call: { ...talking, name: 'Grace Hopper', isMute: true }, control: 'mute' },
  { key: 'held', call: { ...talking, name: 'Alan Turing', isHold: true }, control: 'hold' },
  { key: 'recording', call: { ...talking, name: 'Katherine Johnson', recordStatus: 'recording' }, control: 'record' },
  { key: 'paused', call: { ...talking, name: 'Edsger Dijkstra', recordStatus: 'pause' }, control: 'record' },
  { key: 'keypad', call: { ...talking, name: 'Barbara Liskov' }, control: 'keypad' },
  { key: 'transfer', call: { ...talking, name: 'Donald Knuth' }, control: 'transfer' },
] as const satisfies readonly { key: string; call: CallStatus; control: string }[];

type StateKey = (typeof STATES)[number]['key'];

/** Every state side by side, as the screenshots in the ui README show them. */
function StateGallery() {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, justifyContent: 'center' }}>
      {STATES.map(({ key, call }) => (
        <div key={key} data-gallery={key} style={{ width: 340 }}>
          <ActiveCall call={call} onHangup={fn()} onMuteChange={fn()} onHoldChange={fn()} onRecordChange={fn()} onDtmf={fn()} onTransfer={fn()} />
        </div>
      ))}
    </div>
  );
}

const cell = (root: HTMLElement, key: StateKey) => root.querySelector<HTMLElement>(`[data-gallery="${key}"]`)!;
const iconOf = (root: HTMLElement, key: StateKey, control: string) =>
  cell(root, key).querySelector<HTMLElement>(`[data-control="${control}"] .wp-control__icon`)!;

/** What a state looks like without its colours: outline style and width, corners, halo, corner mark or notch. */
function shapeOf(icon: HTMLElement): string {
  const style = getComputedStyle(icon);
  const after = getComputedStyle(icon, '::after');
  return [style.borderTopStyle, style.borderTopWidth, style.borderTopLeftRadius, style.boxShadow === 'none' ? '' : 'halo', after.content, after.top].join(
    ' | ',
  );
}
function colourOf(icon: HTMLElement): string {
  const style = getComputedStyle(icon);
  return [style.backgroundColor, style.borderTopColor, style.color].join(' | ');
}

/** Opens the keypad and the transfer panel in their cells. */
async function openPanels(root: HTMLElement) {
  await userEvent.click(cell(root, 'keypad').querySelector<HTMLElement>('[data-control="keypad"]')!);
  await userEvent.click(cell(root, 'transfer').querySelector<HTMLElement>('[data-control="transfer"]')!);
}

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

/**
 * Forced colours (Windows high contrast): every control keeps a visible border,
 * pressed and open ones fill with the system Highlight and underline their
 * label, Hang up stays a labelled button. Tagged `forced-colors`, so the story
 * tests run it in a Chromium context emulating `(forced-colors: active)`
 * (.storybook/vitest.forced-colors.config.ts); in Storybook's UI, turn on
 * forced colours in the browser's rendering tools to see it.
 */
export const ForcedColors: Story = {
  tags: ['forced-colors'],
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
