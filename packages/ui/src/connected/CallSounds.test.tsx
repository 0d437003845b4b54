import { act, render, screen } from '@testing-library/react';
import { PhoneProvider } from '@webphone/react';
import type { ScriptedPhone } from '@webphone/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { scriptedSetup, talkingCall } from '../test-support/scripted.js';
import { CallSounds, type CallSoundsProps } from './CallSounds.js';

/** An `<audio>` element that records what the widget does with it. */
function fakeElement(play: () => Promise<void> = () => Promise.resolve()) {
  return { loop: false, volume: 1, currentTime: 0, setSinkId: vi.fn(() => Promise.resolve()), play: vi.fn(play), pause: vi.fn() };
}

function setInteracted(hasBeenActive: boolean) {
  Object.defineProperty(navigator, 'userActivation', { value: { hasBeenActive }, configurable: true });
}

function renderSounds(phone: ScriptedPhone, props: CallSoundsProps) {
  return render(
    <PhoneProvider phone={phone}>
      <CallSounds {...props} />
    </PhoneProvider>,
  );
}

const asAudio = (element: ReturnType<typeof fakeElement>) => element as unknown as HTMLAudioElement;

afterEach(() => {
  Reflect.deleteProperty(navigator, 'userActivation');
});

describe('CallSounds', () => {
  it("rings with the app's own ringtone on the ringer device, and stops on answer", async () => {
    setInteracted(true);
    const { phone } = scriptedSetup();
    const ringtone = fakeElement();
    renderSounds(phone, { sources: { ringtone: asAudio(ringtone) }, ringerDeviceId: 'usb-ringer', volume: 0.8 });
    expect(ringtone.play).not.toHaveBeenCalled();
    let callId = '';
    act(() => {
      callId = phone.simulateIncoming({ number: '1002' });
    });
    expect(ringtone.play).toHaveBeenCalledOnce();
    expect(ringtone).toMatchObject({ loop: true, volume: 0.8 });
    expect(ringtone.setSinkId).toHaveBeenCalledWith('usb-ringer');
    await act(async () => {
      await phone.answer(callId);
    });
    expect(ringtone.pause).toHaveBeenCalled();
  });

  it('beeps for call waiting instead of ringing while a call is up', async () => {
    setInteracted(true);
    const setup = scriptedSetup();
    await talkingCall(setup);
    const ringtone = fakeElement();
    const callWaiting = fakeElement();
    renderSounds(setup.phone, { sources: { ringtone: asAudio(ringtone), callWaiting: asAudio(callWaiting) } });
    act(() => void setup.phone.simulateIncoming({ number: '1003' }));
    expect(callWaiting.play).toHaveBeenCalledOnce();
    expect(ringtone.play).not.toHaveBeenCalled();
  });

  it('plays nothing when switched off', () => {
    setInteracted(true);
    const { phone } = scriptedSetup();
    const ringtone = fakeElement();
    renderSounds(phone, { enabled: false, sources: { ringtone: asAudio(ringtone) } });
    act(() => void phone.simulateIncoming({ number: '1002' }));
    expect(ringtone.play).not.toHaveBeenCalled();
  });

  it('says when sound is blocked, and rings after the first click', async () => {
    setInteracted(false);
    const { phone } = scriptedSetup();
    const ringtone = fakeElement();
    const { container } = renderSounds(phone, { sources: { ringtone: asAudio(ringtone) } });
    act(() => void phone.simulateIncoming({ number: '1002' }));
    expect(ringtone.play).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Sound is off until you click or press a key on this page.');
    await expectNoAxeViolations(container);
    setInteracted(true);
    act(() => void window.dispatchEvent(new Event('pointerdown')));
    expect(ringtone.play).toHaveBeenCalledOnce();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('plays the hang-up tone once when a talking call ends', async () => {
    setInteracted(true);
    const setup = scriptedSetup();
    const callId = await talkingCall(setup);
    const hangup = fakeElement();
    renderSounds(setup.phone, { sources: { hangup: asAudio(hangup) } });
    act(() => void setup.phone.hangup(callId));
    expect(hangup.play).toHaveBeenCalledOnce();
    expect(hangup.loop).toBe(false);
  });
});
