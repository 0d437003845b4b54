import type { MediaDeviceOption } from '@webphone/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { DevicePicker } from './DevicePicker.js';

const device = (kind: MediaDeviceOption['kind'], deviceId: string, label: string): MediaDeviceOption => ({ kind, deviceId, label, groupId: deviceId });

const NAMED = {
  microphones: [
    device('audioinput', 'default', 'Default'),
    device('audioinput', 'mic-usb', 'Jabra Evolve2 65'),
    device('audioinput', 'mic-built-in', 'MacBook Pro Microphone'),
  ],
  speakers: [device('audiooutput', 'spk-usb', 'Jabra Evolve2 65'), device('audiooutput', 'spk-built-in', 'MacBook Pro Speakers')],
  cameras: [device('videoinput', 'cam-1', 'FaceTime HD Camera')],
  selected: { microphoneId: 'mic-usb', speakerId: 'spk-usb' },
};

const meta = {
  title: 'Widgets/DevicePicker',
  component: DevicePicker,
  args: { devices: NAMED, onSelect: fn(), onRequestPermission: fn(), canSelectSpeaker: true },
  render: (args) => (
    <div style={{ width: '100%', maxWidth: 380 }}>
      <DevicePicker {...args} />
    </div>
  ),
} satisfies Meta<typeof DevicePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Named devices: choosing a ringer, then the system default microphone. */
export const Devices: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('combobox', { name: 'Microphone' })).toHaveValue('mic-usb');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Ringer' }), 'MacBook Pro Speakers');
    await expect(args.onSelect).toHaveBeenCalledWith('ringer', 'spk-built-in');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Microphone' }), 'System default');
    await expect(args.onSelect).toHaveBeenLastCalledWith('microphone', undefined);
    // Chromium's "default" alias is not listed twice.
    await expect(within(canvas.getByRole('combobox', { name: 'Microphone' })).getAllByRole('option')).toHaveLength(3);
  },
};

/** Before microphone access: unnamed devices and a button to show their names. */
export const Unnamed: Story = {
  args: {
    devices: {
      microphones: [device('audioinput', 'a', ''), device('audioinput', 'b', '')],
      speakers: [device('audiooutput', 'c', '')],
      cameras: [],
      selected: {},
    },
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('option', { name: 'Microphone 2' })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Show device names' }));
    await expect(args.onRequestPermission).toHaveBeenCalledOnce();
  },
};

/** A browser without `setSinkId`: speaker and ringer stay on the default output, and the widget says so. */
export const DefaultOutputOnly: Story = {
  args: { canSelectSpeaker: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('combobox', { name: 'Speaker' })).toBeDisabled();
    await expect(canvas.getByText('This browser plays calls on its default output only.')).toBeVisible();
  },
};

/** A chosen device was unplugged. */
export const Unplugged: Story = {
  args: { error: 'A chosen device was unplugged; using the system default.' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('unplugged');
  },
};

/** Microphone and camera only, in the dark theme. */
export const MicrophoneAndCameraDark: Story = {
  args: { kinds: ['microphone', 'camera'] },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('combobox')).toHaveLength(2);
    await expect(canvas.getByRole('combobox', { name: 'Camera' })).toBeVisible();
  },
};
