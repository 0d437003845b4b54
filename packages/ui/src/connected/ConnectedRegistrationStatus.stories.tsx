import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { phoneLoader, WithStoryPhone } from '../test-support/story-phone.js';
import { ConnectedRegistrationStatus } from './ConnectedRegistrationStatus.js';

const meta = {
  title: 'Connected/ConnectedRegistrationStatus',
  component: ConnectedRegistrationStatus,
  loaders: [phoneLoader()],
  render: (args, { loaded }) => (
    <WithStoryPhone loaded={loaded}>
      <ConnectedRegistrationStatus {...args} />
    </WithStoryPhone>
  ),
} satisfies Meta<typeof ConnectedRegistrationStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Registered. */
export const Online: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Online1001@webphone.test');
  },
};

/** Connection lost: the attempt number and a countdown to the next try. */
export const Reconnecting: Story = {
  loaders: [
    phoneLoader(({ phone, clock }) => {
      clock.offset = 44_000;
      phone.dropConnection();
      clock.offset = 0;
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent(/Reconnecting…Attempt 1retrying in/);
    await expect(canvas.getByRole('timer')).toHaveTextContent(/^0:(4\d|3\d)$/);
  },
};

/** Sign-in refused, with the reason. */
export const SignInFailed: Story = {
  loaders: [phoneLoader(({ phone }) => phone.failRegistration())],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Sign-in failedCheck the user name and password (SIP 403)');
  },
};
