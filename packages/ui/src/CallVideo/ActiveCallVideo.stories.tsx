import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ActiveCall } from '../ActiveCall/ActiveCall.js';
import { IncomingCall } from '../IncomingCall/IncomingCall.js';
import { makeCall } from '../test-support/fixtures.js';
import { CallVideo } from './CallVideo.js';
import { testPatternStream } from './test-pattern.js';

/** The far end's picture and the local preview as test patterns, for the stories' `video` slot. */
function PatternVideo() {
  const [streams, setStreams] = useState<[MediaStream, MediaStream] | null>(null);
  useEffect(() => {
    const far = testPatternStream('Far end', 200);
    const own = testPatternStream('You', 20);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- browser objects made (and stopped) with the story
    setStreams([far.stream, own.stream]);
    return () => {
      far.stop();
      own.stop();
    };
  }, []);
  return <CallVideo remoteStream={streams?.[0] ?? null} localStream={streams?.[1] ?? null} />;
}

const talking = makeCall({ callStatus: 'talking', callStartTime: Date.now() - 95_000 });

const meta = {
  title: 'Widgets/ActiveCall/Video',
  component: ActiveCall,
  args: { call: talking, onHangup: fn(), onMuteChange: fn(), onHoldChange: fn(), onVideoChange: fn(), video: <PatternVideo /> },
} satisfies Meta<typeof ActiveCall>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An audio call: the Camera toggle (not pressed) turns video on. */
export const AudioCall: Story = {
  play: async ({ args, canvasElement }) => {
    const camera = within(canvasElement).getByRole('button', { name: 'Camera' });
    await expect(camera).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(camera);
    await expect(args.onVideoChange).toHaveBeenCalledWith(true);
  },
};

/** A video call: the far end's picture with the local preview; Camera pressed. */
export const VideoCall: Story = {
  args: { call: { ...talking, isVideo: true } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Camera' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvasElement.querySelector('video[aria-label="Video of the other person"]')).not.toBeNull();
  },
};

/** Switching between audio and video: the toggle waits for the far end's answer. */
export const Switching: Story = {
  args: { videoChanging: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Camera' })).toBeDisabled();
  },
};

/** The far end asks to add video. */
export const VideoRequested: Story = {
  args: { videoRequested: true, onVideoRequestAnswer: fn() },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Ada Lovelace wants to turn on video.');
    await userEvent.click(canvas.getByRole('button', { name: 'Turn on video' }));
    await expect(args.onVideoRequestAnswer).toHaveBeenCalledWith(true);
  },
};

/** A ringing video call, which can be answered with or without the camera. */
export const IncomingVideoCall: StoryObj<typeof IncomingCall> = {
  render: () => (
    <IncomingCall
      call={makeCall({ callStatus: 'ringing', communicationType: 'inbound', isVideo: true })}
      onAnswer={fn()}
      onReject={fn()}
      onAnswerAudioOnly={fn()}
      autoFocus={false}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alertdialog', { name: 'Incoming video call from Ada Lovelace' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Answer audio only' })).toBeVisible();
  },
};
