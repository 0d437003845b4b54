import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallAudio, PhoneProvider, useAudioPlayback, useMediaDevices, usePhone } from '../index.js';
import { renderWithPhone, scriptedPhone } from './support/render.js';

function device(kind: MediaDeviceKind, deviceId: string, label: string): MediaDeviceInfo {
  return { kind, deviceId, label, groupId: 'g', toJSON: () => ({}) } as MediaDeviceInfo;
}

/** A `navigator.mediaDevices` whose device list the test controls. */
class FakeMediaDevices extends EventTarget {
  list: MediaDeviceInfo[] = [device('audioinput', 'mic-1', 'Built-in mic'), device('audiooutput', 'spk-1', 'Speakers')];
  enumerateDevices = vi.fn(async () => [...this.list]);
  getUserMedia = vi.fn(async () => ({ getTracks: () => [{ stop: vi.fn() }] }) as unknown as MediaStream);
}

let media: FakeMediaDevices;
beforeEach(() => {
  media = new FakeMediaDevices();
  Object.defineProperty(navigator, 'mediaDevices', { value: media, configurable: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'mediaDevices');
  Reflect.deleteProperty(HTMLMediaElement.prototype, 'setSinkId');
});

describe('useMediaDevices', () => {
  it('lists devices by kind, follows devicechange, and stops listening when unmounted', async () => {
    const removeListener = vi.spyOn(media, 'removeEventListener');
    const phone = scriptedPhone({ deviceIds: { microphoneId: 'mic-1' } });
    const { result, unmount } = renderWithPhone(phone, () => useMediaDevices());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.microphones.map((d) => d.label)).toEqual(['Built-in mic']);
    expect(result.current.speakers.map((d) => d.deviceId)).toEqual(['spk-1']);
    expect(result.current.cameras).toEqual([]);
    expect(result.current.selected).toEqual({ microphoneId: 'mic-1' });

    media.list = [...media.list, device('videoinput', 'cam-1', 'Webcam')];
    act(() => void media.dispatchEvent(new Event('devicechange')));
    await waitFor(() => expect(result.current.cameras.map((d) => d.deviceId)).toEqual(['cam-1']));
    unmount();
    expect(removeListener).toHaveBeenCalledWith('devicechange', expect.any(Function));
  });

  it('a chosen microphone goes to the phone (setDeviceIds) and with calls placed through the hooks', async () => {
    media.list = [...media.list, device('audioinput', 'mic-2', 'Headset')];
    const phone = scriptedPhone();
    const { result } = renderWithPhone(phone, () => ({ devices: useMediaDevices(), phone: usePhone() }));
    let picked: Promise<unknown> = Promise.resolve();
    act(() => void (picked = result.current.devices.select('microphone', 'mic-2')));
    expect(result.current.devices.selected.microphoneId).toBe('mic-2');
    await act(async () => {
      expect(await picked).toEqual({ code: 200, message: 'PHONE_SUCCESS' });
    });
    expect(phone.deviceIds).toEqual({ microphoneId: 'mic-2' });
    expect(result.current.devices.selected.microphoneId).toBe('mic-2');
    await act(async () => {
      await result.current.phone.call('1002');
    });
    expect(phone.commands.find((c) => c.name === 'call')).toEqual({ name: 'call', args: ['1002'] });
    await act(async () => {
      await result.current.devices.select('microphone', undefined);
    });
    expect(result.current.devices.selected.microphoneId).toBeUndefined();
    expect(phone.deviceIds).toEqual({});
  });

  it('a missing device is refused (-290) and the pick is undone; the ringer is a device too', async () => {
    const phone = scriptedPhone({ deviceIds: { microphoneId: 'mic-1' } });
    const { result } = renderWithPhone(phone, () => useMediaDevices());
    await act(async () => {
      expect((await result.current.select('microphone', 'mic-9')).code).toBe(-290);
    });
    expect(result.current.selected.microphoneId).toBe('mic-1');
    await act(async () => {
      expect((await result.current.select('ringer', 'spk-1')).code).toBe(200);
    });
    expect(result.current.selected).toEqual({ microphoneId: 'mic-1', ringerDeviceId: 'spk-1' });
  });

  it('requestPermission asks for the microphone once, then lists again', async () => {
    const phone = scriptedPhone();
    const { result } = renderWithPhone(phone, () => useMediaDevices());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    let granted = false;
    await act(async () => {
      granted = await result.current.requestPermission();
    });
    expect(granted).toBe(true);
    expect(media.getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(media.enumerateDevices).toHaveBeenCalledTimes(2);
  });

  it('a device list that cannot be read is a GET_LOCAL_MEDIA_INFO_ERROR (-206) result, cleared by a later success', async () => {
    media.enumerateDevices.mockRejectedValueOnce(Object.assign(new Error('enumeration blocked'), { name: 'SecurityError' }));
    const { result } = renderWithPhone(scriptedPhone(), () => useMediaDevices());
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toEqual({ code: -206, message: 'GET_LOCAL_MEDIA_INFO_ERROR: enumeration blocked' });
    await act(() => result.current.refresh());
    expect(result.current).toMatchObject({ status: 'ready', error: null });
  });

  it('without navigator.mediaDevices says unsupported', async () => {
    Reflect.deleteProperty(navigator, 'mediaDevices');
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
    const { result } = renderWithPhone(scriptedPhone(), () => useMediaDevices());
    await waitFor(() => expect(result.current.status).toBe('unsupported'));
  });
});

describe('<CallAudio />', () => {
  function Banner() {
    const { blocked, resume } = useAudioPlayback();
    return blocked ? (
      <button type="button" onClick={() => void resume()}>
        Enable sound
      </button>
    ) : (
      <p>sound on</p>
    );
  }

  it('plays each call on the chosen speaker, shows autoplay blocking, and resume() lifts it', async () => {
    const setSinkId = vi.fn(async (_id: string) => {});
    Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', { value: setSinkId, configurable: true, writable: true });
    let allowed = false;
    const play = vi
      .spyOn(HTMLMediaElement.prototype, 'play')
      .mockImplementation(() => (allowed ? Promise.resolve() : Promise.reject(Object.assign(new Error('no gesture'), { name: 'NotAllowedError' }))));
    const phone = scriptedPhone({ deviceIds: { speakerId: 'spk-1' } });
    const { container } = render(
      <PhoneProvider phone={phone}>
        <CallAudio />
        <Banner />
      </PhoneProvider>,
    );
    let callId = '';
    act(() => {
      callId = phone.simulateIncoming({ number: '1002' });
    });
    const audio = container.querySelector(`audio[data-call-id="${callId}"]`) as HTMLAudioElement;
    expect(audio).toBeTruthy();
    expect(play).not.toHaveBeenCalled();

    const stream = new MediaStream();
    await act(async () => void phone.setRemoteStream(callId, stream));
    expect(audio.srcObject).toBe(stream);
    expect(setSinkId).toHaveBeenCalledWith('spk-1');
    expect(await screen.findByRole('button', { name: 'Enable sound' })).toBeTruthy();

    allowed = true;
    fireEvent.click(screen.getByRole('button', { name: 'Enable sound' }));
    expect(await screen.findByText('sound on')).toBeTruthy();
    expect(play).toHaveBeenCalledTimes(2);

    act(() => void phone.remoteHangup(callId));
    expect(container.querySelector('audio')).toBeNull();
  });

  it('gives the render prop the playback state, and plays without setSinkId where the browser has none', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const phone = scriptedPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    phone.setRemoteStream(callId, new MediaStream());
    render(
      <PhoneProvider phone={phone}>
        <CallAudio>{({ blocked }) => <p>{blocked ? 'blocked' : 'playing'}</p>}</CallAudio>
      </PhoneProvider>,
    );
    expect(await screen.findByText('playing')).toBeTruthy();
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalledTimes(1);
  });
});
