import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { GRACE, talkingCall, userCommands } from '../test-support/scripted.js';
import { phoneLoader, storyPhone, WithStoryPhone } from '../test-support/story-phone.js';
import { ConnectedActiveCall } from './ConnectedActiveCall.js';

const meta = {
  title: 'Connected/ConnectedActiveCall',
  component: ConnectedActiveCall,
  loaders: [phoneLoader((setup) => talkingCall(setup))],
  render: (args, { loaded }) => (
    <WithStoryPhone loaded={loaded}>
      <ConnectedActiveCall {...args} />
    </WithStoryPhone>
  ),
} satisfies Meta<typeof ConnectedActiveCall>;

export default meta;
type Story = StoryObj<typeof meta>;

async function openTransfer(canvasElement: HTMLElement, target: string, mode: 'Transfer now' | 'Consult first') {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: 'Transfer' }));
  await userEvent.type(canvas.getByRole('textbox', { name: 'Transfer to' }), target);
  await userEvent.click(canvas.getByRole('button', { name: mode }));
}

/** Talking; recording goes to the phone (start, pause) as `recordPermissions` allows. */
export const Talking: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const record = within(canvasElement).getByRole('button', { name: 'Record' });
    await userEvent.click(record);
    await expect(record).toHaveAttribute('aria-pressed', 'true');
    await expect(record).toHaveAccessibleName('Stop recording');
    await userEvent.click(record);
    await expect(userCommands(phone)).toEqual([
      { name: 'startRecord', args: ['call-1'] },
      { name: 'pauseRecord', args: ['call-1'] },
    ]);
  },
};

/** Quality reports from the phone raise a warning badge (two reports over the RTT threshold) and clear it. */
export const QualityWarning: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    phone.reportQuality('call-1', { audio: { rtt: 650 } });
    phone.reportQuality('call-1', { audio: { rtt: 700 } });
    await expect(await canvas.findByText('High delay')).toBeVisible();
    phone.reportQuality('call-1');
    phone.reportQuality('call-1');
    await expect(await canvas.findByText('Call quality recovered')).toBeInTheDocument();
    await expect(canvas.queryByText('High delay')).toBeNull();
  },
};

/** Blind transfer: REFER to 1003; the call ends once the target accepts. */
export const BlindTransfer: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await openTransfer(canvasElement, '1003', 'Transfer now');
    await expect(userCommands(phone)).toEqual([{ name: 'blindTransfer', args: ['call-1', '1003'] }]);
    // In the banner (and in the live region, which is not visible).
    await expect((await canvas.findAllByText('Transferring to 1003…'))[0]).toBeVisible();
    phone.acceptTransfer('call-1');
    await expect(await canvas.findByText('Call transferred')).toBeVisible();
  },
};

/** Attended transfer: consult 1003 (Ada is held), Grace answers, complete. */
export const AttendedTransfer: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await openTransfer(canvasElement, '1003', 'Consult first');
    await expect(userCommands(phone)).toEqual([{ name: 'attendedTransfer', args: ['call-1', '1003'] }]);
    await expect(phone.store.getState().calls['call-1']?.status.isHold).toBe(true);
    phone.setSessionStaticStatus('call-2', GRACE);
    phone.remoteAnswer('call-2');
    await expect(await canvas.findByRole('region', { name: 'Grace Hopper' })).toBeVisible();
    await expect(canvas.getByText('Consulting before transferring Ada Lovelace, who is on hold.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Complete transfer' }));
    await expect(userCommands(phone)).toContainEqual({ name: 'completeTransfer', args: ['call-2'] });
    phone.acceptTransfer('call-2');
    await expect(await canvas.findByText('Call transferred')).toBeVisible();
  },
};

/** Cancelling an attended transfer hangs up the consultation and resumes Ada. */
export const CancelTransfer: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    await openTransfer(canvasElement, '1003', 'Consult first');
    phone.remoteAnswer('call-2');
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel transfer' }));
    await expect(userCommands(phone)).toEqual([
      { name: 'attendedTransfer', args: ['call-1', '1003'] },
      { name: 'hangup', args: ['call-2'] },
      { name: 'unhold', args: ['call-1'] },
      { name: 'setCurrentSession', args: ['call-1'] },
    ]);
    await expect(await canvas.findByRole('region', { name: 'Ada Lovelace' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Hold' })).toHaveAttribute('aria-pressed', 'false');
  },
};

/** The far end hung up: the card says so until closed. */
export const RemoteHangup: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    phone.remoteHangup('call-1');
    await expect(await canvas.findByText('The other side hung up')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Close' }));
    await expect(canvas.queryByRole('region')).toBeNull();
  },
};
