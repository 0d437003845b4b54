import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActiveCall } from '../ActiveCall/ActiveCall.js';
import { IncomingCall } from '../IncomingCall/IncomingCall.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { makeCall } from '../test-support/fixtures.js';
import { CallVideo } from './CallVideo.js';

/** The test DOM's MediaStream, with the tracks the widget reads, and a track that can join as a browser adds one. */
class TestStream extends MediaStream {
  #tracks: { kind: string; readyState: string }[];
  constructor(kinds: string[]) {
    super();
    this.#tracks = kinds.map((kind) => ({ kind, readyState: 'live' }));
  }
  override getVideoTracks(): MediaStreamTrack[] {
    return this.#tracks.filter((track) => track.kind === 'video') as unknown as MediaStreamTrack[];
  }
  add(kind: string): void {
    this.#tracks = [...this.#tracks, { kind, readyState: 'live' }];
    this.dispatchEvent(new Event('addtrack'));
  }
}
const stream = (...kinds: string[]) => new TestStream(kinds);
const asStream = (s: TestStream): MediaStream => s;

afterEach(() => vi.restoreAllMocks());

describe('CallVideo', () => {
  it('shows the far end’s video with a muted, inline, mirrored local preview, and passes axe', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const { container } = render(
      <CallVideo remoteStream={asStream(stream('audio', 'video'))} localStream={asStream(stream('audio', 'video'))} objectFit="contain" />,
    );
    const remote = container.querySelector<HTMLVideoElement>('video[aria-label="Video of the other person"]');
    const local = container.querySelector<HTMLVideoElement>('video[aria-label="Your camera"]');
    for (const video of [remote, local]) {
      expect(video?.muted).toBe(true);
      expect(video?.hasAttribute('playsinline')).toBe(true);
    }
    expect(local?.className).toContain('wp-video__local--mirror');
    expect(container.querySelector('.wp-video')?.getAttribute('data-fit')).toBe('contain');
    await expectNoAxeViolations(container);
  });

  it('says there is no video until a video track joins the far end’s stream', () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const remote = stream('audio');
    const { container } = render(<CallVideo remoteStream={asStream(remote)} localStream={null} noVideoText="Waiting for video" />);
    expect(screen.getByText('Waiting for video')).toBeTruthy();
    act(() => remote.add('video'));
    expect(screen.queryByText('Waiting for video')).toBeNull();
    expect(container.querySelectorAll('video')).toHaveLength(1);
  });

  it('asks for a click when the browser blocks playback, and plays on that click', async () => {
    const blocked = Object.assign(new Error('no gesture'), { name: 'NotAllowedError' });
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValueOnce(blocked).mockResolvedValue(undefined);
    render(<CallVideo remoteStream={asStream(stream('video'))} />);
    const start = await screen.findByRole('button', { name: 'Start video' });
    await userEvent.click(start);
    expect(play).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('button', { name: 'Start video' })).toBeNull();
  });
});

describe('video in ActiveCall and IncomingCall', () => {
  const talking = makeCall({ callStatus: 'talking', callStartTime: 1 });

  it('the Camera toggle follows isVideo and asks for the switch; the video shows only while the call has video', async () => {
    const onVideoChange = vi.fn();
    const { rerender } = render(<ActiveCall call={talking} onVideoChange={onVideoChange} video={<p>the video</p>} />);
    const camera = screen.getByRole('button', { name: 'Camera' });
    expect(camera.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByText('the video')).toBeNull();
    await userEvent.click(camera);
    expect(onVideoChange).toHaveBeenCalledWith(true);
    rerender(<ActiveCall call={{ ...talking, isVideo: true }} onVideoChange={onVideoChange} video={<p>the video</p>} videoChanging />);
    expect(screen.getByRole('button', { name: 'Camera' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Camera' })).toHaveProperty('disabled', true);
    expect(screen.getByText('the video')).toBeTruthy();
    // Without the callback there is no toggle.
    rerender(<ActiveCall call={talking} />);
    expect(screen.queryByRole('button', { name: 'Camera' })).toBeNull();
  });

  it('asks the user when the far end wants video', async () => {
    const onVideoRequestAnswer = vi.fn();
    render(<ActiveCall call={talking} videoRequested onVideoRequestAnswer={onVideoRequestAnswer} />);
    expect(screen.getByRole('alert').textContent).toBe('Ada Lovelace wants to turn on video.');
    await userEvent.click(screen.getByRole('button', { name: 'Stay on audio' }));
    await userEvent.click(screen.getByRole('button', { name: 'Turn on video' }));
    expect(onVideoRequestAnswer.mock.calls).toEqual([[false], [true]]);
  });

  it('a video call says so and can be answered audio only', async () => {
    const onAnswerAudioOnly = vi.fn();
    const ringing = makeCall({ callStatus: 'ringing', communicationType: 'inbound' });
    const { rerender } = render(
      <IncomingCall call={{ ...ringing, isVideo: true }} onAnswer={vi.fn()} onReject={vi.fn()} onAnswerAudioOnly={onAnswerAudioOnly} />,
    );
    expect(screen.getByRole('alertdialog', { name: 'Incoming video call from Ada Lovelace' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Answer audio only' }));
    expect(onAnswerAudioOnly).toHaveBeenCalledOnce();
    rerender(<IncomingCall call={ringing} onAnswer={vi.fn()} onReject={vi.fn()} onAnswerAudioOnly={onAnswerAudioOnly} />);
    expect(screen.queryByRole('button', { name: 'Answer audio only' })).toBeNull();
  });
});
