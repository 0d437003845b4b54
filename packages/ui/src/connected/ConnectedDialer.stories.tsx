import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { userCommands } from '../test-support/scripted.js';
import { phoneLoader, storyPhone, WithStoryPhone } from '../test-support/story-phone.js';
import { ConnectedDialer } from './ConnectedDialer.js';

const meta = {
  title: 'Connected/ConnectedDialer',
  component: ConnectedDialer,
  loaders: [phoneLoader()],
  render: (args, { loaded }) => (
    <WithStoryPhone loaded={loaded}>
      <ConnectedDialer {...args} />
    </WithStoryPhone>
  ),
} satisfies Meta<typeof ConnectedDialer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Registered: keypad entry and Call place the call, and the field clears. */
export const DialAndCall: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    for (const key of ['1', '0', '0', '2']) await userEvent.click(canvas.getByRole('button', { name: key }));
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    await expect(userCommands(phone)).toEqual([{ name: 'call', args: ['1002'] }]);
    await expect(canvas.getByRole('textbox', { name: 'Number or SIP address' })).toHaveValue('');
  },
};

/** Not registered: Call stays disabled. */
export const Unregistered: Story = {
  loaders: [phoneLoader(({ phone }) => phone.dropConnection())],
  args: { defaultValue: '1002' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Call' })).toBeDisabled();
  },
};

/** An intercom dialer: every call asks the callee to answer by itself (`callOptions.headers`). */
export const Intercom: Story = {
  args: { defaultValue: '1002', callOptions: { headers: { 'Call-Info': '<sip:webphone.test>;answer-after=0' } } },
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Call' }));
    await expect(userCommands(phone)).toEqual([{ name: 'call', args: ['1002', { headers: { 'Call-Info': '<sip:webphone.test>;answer-after=0' } }] }]);
    await expect(phone.inviteHeaders(phone.lastCallId!)).toEqual(['Call-Info: <sip:webphone.test>;answer-after=0']);
  },
};

/** Headers the phone refuses: nothing is sent and the dialer says why. */
export const RefusedHeader: Story = {
  args: { defaultValue: '1002', callOptions: { headers: { Via: 'SIP/2.0/WSS evil.invalid' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('a header the phone cannot send');
  },
};
