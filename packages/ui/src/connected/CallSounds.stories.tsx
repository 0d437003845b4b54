import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { phoneLoader, storyPhone, WithStoryPhone } from '../test-support/story-phone.js';
import { CallSounds, type CallSoundsProps } from './CallSounds.js';

/** One second of silence as a WAV data URL (8 kHz, 8-bit mono): a stand-in for the app's own ringtone file. */
function silentWav(): string {
  const samples = 8000;
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, samples, true);
  bytes.fill(128, 44);
  return `data:audio/wav;base64,${btoa(String.fromCharCode(...bytes))}`;
}

const SILENCE = silentWav();

/** `<CallSounds>` with the app's own ringtone: an `<audio>` element of the page. */
function WithOwnRingtone(props: CallSoundsProps) {
  const [element, setElement] = useState<HTMLAudioElement | null>(null);
  return (
    <div style={{ display: 'grid', gap: 12, width: 320 }}>
      <audio ref={setElement} src={SILENCE} preload="auto" data-testid="own-ringtone" />
      {element && <CallSounds {...props} sources={{ ringtone: element }} />}
      <p>Rings with the app's own audio element when a call comes in.</p>
    </div>
  );
}

/**
 * The phone's sounds (ringtone, ringback, call-waiting beep, hang-up tone),
 * here with the app's own ringtone. It renders nothing but a notice while the
 * browser blocks sound.
 */
const meta = {
  title: 'Connected/CallSounds',
  component: CallSounds,
  args: { region: 'uk', volume: 0.5, enabled: true },
  loaders: [phoneLoader()],
  render: (args, { loaded }) => (
    <WithStoryPhone loaded={loaded}>
      <WithOwnRingtone {...args} />
    </WithStoryPhone>
  ),
} satisfies Meta<typeof CallSounds>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A call comes in. Once the user has interacted with the page (a real click or
 * key press), the app's ringtone element plays, looped, at the chosen volume,
 * and stops when the call is declined. Before that, nothing plays and the
 * notice says why; the story tests' scripted clicks are not real user
 * activation, so under them this story checks the notice.
 */
export const ReplacedRingtone: Story = {
  play: async ({ canvasElement, loaded }) => {
    const phone = storyPhone(loaded);
    const canvas = within(canvasElement);
    const element = canvasElement.querySelector<HTMLAudioElement>('[data-testid="own-ringtone"]')!;
    await expect(element.paused).toBe(true);
    const callId = phone.simulateIncoming({ number: '1002', name: 'Grace Hopper' });
    if (navigator.userActivation.hasBeenActive) {
      await waitFor(() => expect(element.paused).toBe(false));
      await expect(element.loop).toBe(true);
      await expect(element.volume).toBe(0.5);
    } else {
      await expect(await canvas.findByRole('status')).toHaveTextContent('Sound is off until you click or press a key on this page.');
      await expect(element.paused).toBe(true);
    }
    phone.reject(callId);
    await waitFor(() => expect(element.paused).toBe(true));
    await waitFor(() => expect(canvas.queryByRole('status')).toBeNull());
  },
};
