import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { Dialer } from '../Dialer/Dialer.js';
import { DevicePicker } from '../DevicePicker/DevicePicker.js';
import { IncomingCall } from '../IncomingCall/IncomingCall.js';
import { makeCall } from '../test-support/fixtures.js';

/**
 * The ringing card, the dialer and the device picker in forced-colours mode
 * (Windows high contrast). Tagged `forced-colors`: the story tests run them in
 * a Chromium context emulating `(forced-colors: active)`
 * (.storybook/vitest.forced-colors.config.ts). In Storybook's UI, turn on
 * forced colours in the browser's rendering tools to see the difference.
 */
const meta = {
  title: 'Proof/Forced colours',
  tags: ['forced-colors'],
  parameters: { controls: { disable: true } },
  render: () => (
    <>
      <IncomingCall call={makeCall({ callStatus: 'ringing', communicationType: 'inbound' })} onAnswer={fn()} onReject={fn()} autoFocus={false} />
      <Dialer onCall={fn()} defaultValue="1002" />
      <DevicePicker devices={{ microphones: [], speakers: [], cameras: [], selected: {} }} onSelect={fn()} kinds={['microphone']} />
    </>
  ),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const borderWidth = (element: Element) => parseFloat(getComputedStyle(element).borderTopWidth);

/** Answer, Decline, the keypad's keys, Call and the device list keep visible borders; the labels stay text. */
export const Widgets: Story = {
  play: async ({ canvasElement }) => {
    await expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').toBe(true);
    const canvas = within(canvasElement);
    for (const name of ['Answer', 'Decline', 'Call', '5', 'Delete last character']) {
      const button = canvas.getByRole('button', { name });
      await expect(getComputedStyle(button).borderTopStyle, name).toBe('solid');
      await expect(borderWidth(button), name).toBeGreaterThanOrEqual(2);
    }
    await expect(borderWidth(canvas.getByRole('combobox', { name: 'Microphone' }))).toBeGreaterThanOrEqual(2);
  },
};
