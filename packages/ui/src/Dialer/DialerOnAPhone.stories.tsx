import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { backgroundOf, contrastRatio } from '../test-support/contrast.js';
import { PHONE_VIEWPORT } from '../test-support/phone-viewport.js';
import { Dialer } from './Dialer.js';

/**
 * The dialer on a 375 × 740 screen: contrast of keys, field and placeholder,
 * 44 px touch targets, long SIP addresses, an invalid number, and where the
 * reason for a disabled Call shows.
 */
const meta = {
  title: 'Proof/Dialer on a phone',
  component: Dialer,
  args: { onCall: fn() },
  parameters: { ...PHONE_VIEWPORT.parameters, controls: { disable: true } },
  globals: PHONE_VIEWPORT.globals,
} satisfies Meta<typeof Dialer>;

export default meta;
type Story = StoryObj<typeof meta>;

const field = (canvasElement: HTMLElement) => within(canvasElement).getByRole<HTMLInputElement>('textbox', { name: 'Number or SIP address' });

/** Keys and the field's line at 3:1 against the card; the placeholder at 4.5:1. */
export const Contrast: Story = {
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('.wp-dialer')!;
    const surface = backgroundOf(card);
    const key = within(canvasElement).getByRole('button', { name: '5' });
    await expect(contrastRatio(getComputedStyle(key).borderTopColor, surface)).toBeGreaterThanOrEqual(3);
    const line = canvasElement.querySelector('.wp-dialer__field')!;
    await expect(contrastRatio(getComputedStyle(line).borderBottomColor, surface)).toBeGreaterThanOrEqual(3);
    const placeholder = getComputedStyle(field(canvasElement), '::placeholder');
    await expect(placeholder.opacity).toBe('1');
    await expect(contrastRatio(placeholder.color, surface)).toBeGreaterThanOrEqual(4.5);
  },
};

/** A 29-character SIP address: the field ends it with an ellipsis; Backspace is a 44 px target. */
export const LongAddress: Story = {
  args: { defaultValue: 'sip:grace.hopper@pbx.example.com' },
  play: async ({ canvasElement }) => {
    const input = field(canvasElement);
    await expect(getComputedStyle(input).textOverflow).toBe('ellipsis');
    await expect(input.scrollWidth).toBeGreaterThan(input.clientWidth);
    const backspace = within(canvasElement).getByRole('button', { name: 'Delete last character' });
    const { width, height } = backspace.getBoundingClientRect();
    await expect(Math.min(width, height)).toBeGreaterThanOrEqual(44);
  },
};

/** An invalid number: the error shows and Call is no longer green. */
export const InvalidNumber: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const call = canvas.getByRole('button', { name: 'Call' });
    await userEvent.type(field(canvasElement), '1002');
    const green = getComputedStyle(call).backgroundColor;
    await userEvent.type(field(canvasElement), ';x');
    await expect(canvas.getByRole('alert')).not.toBeEmptyDOMElement();
    await expect(getComputedStyle(call).backgroundColor).not.toBe(green);
  },
};

/** Not registered: the reason shows above the number field, not under the button. */
export const ReasonAboveTheField: Story = {
  args: { registered: false, defaultValue: '1002' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const reason = canvas.getByText('Not connected to the phone system. Calls are unavailable.');
    await expect(canvas.getByRole('button', { name: 'Call' })).toBeDisabled();
    await expect(reason.getBoundingClientRect().bottom).toBeLessThanOrEqual(field(canvasElement).getBoundingClientRect().top);
  },
};

/** The same checks' look in the dark theme. */
export const ContrastDark: Story = {
  ...Contrast,
  globals: { ...PHONE_VIEWPORT.globals, theme: 'dark' },
};
