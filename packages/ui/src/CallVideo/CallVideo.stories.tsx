import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { CallVideo, type CallVideoProps } from './CallVideo.js';
import { testPatternStream } from './test-pattern.js';

/** Test patterns instead of cameras: `remote` and `local` say which streams the story gets. */
function WithPatterns({ remote, local, ...props }: Omit<CallVideoProps, 'remoteStream' | 'localStream'> & { remote: boolean; local: boolean }) {
  const [streams, setStreams] = useState<{ remote: MediaStream | null; local: MediaStream | null }>({ remote: null, local: null });
  useEffect(() => {
    const far = remote ? testPatternStream('Far end', 200) : null;
    const own = local ? testPatternStream('You', 20) : null;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the patterns are browser objects made (and stopped) with the story
    setStreams({ remote: far?.stream ?? null, local: own?.stream ?? null });
    return () => {
      far?.stop();
      own?.stop();
    };
  }, [remote, local]);
  return (
    <div style={{ maxWidth: 420 }}>
      <CallVideo {...props} remoteStream={streams.remote} localStream={streams.local} />
    </div>
  );
}

const meta = {
  title: 'Widgets/CallVideo',
  component: WithPatterns,
  args: { remote: true, local: true, objectFit: 'cover' },
} satisfies Meta<typeof WithPatterns>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A video call: the far end's picture, and the camera preview in a corner (muted, mirrored). */
export const BothWays: Story = {
  play: async ({ canvasElement }) => {
    const remote = () => canvasElement.querySelector<HTMLVideoElement>('video[aria-label="Video of the other person"]');
    await waitFor(() => expect(remote()).not.toBeNull());
    await waitFor(() => expect(remote()?.videoWidth).toBeGreaterThan(0));
    const local = canvasElement.querySelector<HTMLVideoElement>('video[aria-label="Your camera"]');
    await expect(local?.muted).toBe(true);
  },
};

/** Letterboxed instead of cropped (`objectFit="contain"`). */
export const Contain: Story = { args: { objectFit: 'contain' } };

/** The far end sends no video (yet): only the local preview, and a note. */
export const NoVideoFromFarEnd: Story = {
  args: { remote: false },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('No video from the other person'));
  },
};

/** Receiving only: this side sends no video (no preview). */
export const ReceiveOnly: Story = {
  args: { local: false },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('video')).toHaveLength(1));
  },
};
