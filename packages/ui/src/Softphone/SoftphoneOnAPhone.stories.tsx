import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { talkingCall } from '../test-support/scripted.js';
import { onScreen, PHONE_VIEWPORT } from '../test-support/phone-viewport.js';
import { phoneLoader, WithStoryPhone } from '../test-support/story-phone.js';
import { Softphone } from './Softphone.js';

/**
 * The drop-in phone on a 375 × 740 screen: whatever is open, Hang up and the
 * current call's status are on screen without scrolling, a ringing call takes
 * over the card, and call waiting is a compact bar.
 */
const meta = {
  title: 'Proof/Softphone on a phone',
  component: Softphone,
  args: { title: 'Phone' },
  loaders: [phoneLoader((setup) => talkingCall(setup))],
  parameters: { ...PHONE_VIEWPORT.parameters, controls: { disable: true } },
  globals: PHONE_VIEWPORT.globals,
  render: (args, { loaded }) => (
    <div style={{ width: '100%', maxWidth: 380 }}>
      <WithStoryPhone loaded={loaded}>
        <Softphone {...args} />
      </WithStoryPhone>
    </div>
  ),
} satisfies Meta<typeof Softphone>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Hang up and the status line are on screen, at the top of the page and scrolled to its end; nothing overflows sideways. */
async function expectCallControlsOnScreen(canvasElement: HTMLElement) {
  await expect(window.innerWidth).toBe(375);
  await expect(window.innerHeight).toBe(740);
  const canvas = within(canvasElement);
  const hangup = canvas.getByRole('button', { name: 'Hang up' });
  const status = canvasElement.querySelector('.wp-call__status')!;
  for (const top of [0, document.documentElement.scrollHeight]) {
    window.scrollTo(0, top);
    await new Promise(requestAnimationFrame);
    await expect(onScreen(hangup), `Hang up at scroll ${top}: ${JSON.stringify(hangup.getBoundingClientRect())}`).toBe(true);
    await expect(onScreen(status), `status at scroll ${top}: ${JSON.stringify(status.getBoundingClientRect())}`).toBe(true);
  }
  window.scrollTo(0, 0);
  await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(375);
}

/** Talking with the keypad open: the tallest in-call state. */
export const KeypadOpen: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Keypad' }));
    await expectCallControlsOnScreen(canvasElement);
  },
};

/** Talking with the transfer form open. */
export const TransferOpen: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Transfer' }));
    await expectCallControlsOnScreen(canvasElement);
  },
};

/** Talking, nothing open. */
export const Talking: Story = {
  play: async ({ canvasElement }) => expectCallControlsOnScreen(canvasElement),
};

/** A second call rings during the first: a compact bar with hold-and-answer and end-and-answer, the call's controls still on screen. */
export const CallWaiting: Story = {
  loaders: [
    phoneLoader(async (setup) => {
      await talkingCall(setup);
      setup.phone.simulateIncoming({ number: '1003', name: 'Grace Hopper', company: 'Sales' });
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bar = canvas.getByRole('alertdialog', { name: 'Call waiting: Grace Hopper' });
    await expect(onScreen(within(bar).getByRole('button', { name: 'Hold and answer' }))).toBe(true);
    await expect(onScreen(within(bar).getByRole('button', { name: 'End and answer' }))).toBe(true);
    await expect(bar.getBoundingClientRect().height).toBeLessThan(200);
    await expectCallControlsOnScreen(canvasElement);
  },
};

/** A call rings with no call up: it takes over, with no dialer under it. */
export const RingingTakesOver: Story = {
  loaders: [phoneLoader(({ phone }) => phone.simulateIncoming({ number: '+14155550132', name: 'Ada Lovelace', company: 'Analytical Engines Ltd' }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('textbox', { name: 'Number or SIP address' })).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Call' })).toBeNull();
    await expect(onScreen(canvas.getByRole('button', { name: 'Answer' }))).toBe(true);
    await expect(onScreen(canvas.getByRole('button', { name: 'Decline' }))).toBe(true);
  },
};
