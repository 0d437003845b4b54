import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResultCode, type DeviceFallback } from '../index.js';
import { FakeStream, FakeTrack } from '../testing/fake-media.js';
import { ScriptedPhone } from '../testing/scripted-phone.js';
import { connect, registeredPhone, useCallServer } from './support/call-harness.js';
import { nextEvent } from './support/phone-harness.js';

const { server } = useCallServer();

/** A `navigator.mediaDevices` stand-in with a device list that tests edit, and `devicechange`. */
class FakeDevices extends EventTarget {
  readonly opened: FakeTrack[] = [];
  failNext: Error | null = null;
  constructor(public list: { kind: MediaDeviceKind; deviceId: string }[]) {
    super();
  }
  readonly getUserMedia = vi.fn(async (constraints: MediaStreamConstraints): Promise<MediaStream> => {
    if (this.failNext) throw this.failNext;
    const audio = constraints.audio as boolean | { deviceId?: { exact: string } };
    const track = new FakeTrack('audio', audio === true ? 'default' : (audio as { deviceId: { exact: string } }).deviceId.exact);
    this.opened.push(track);
    return new FakeStream([track]) as unknown as MediaStream;
  });
  enumerateDevices = async (): Promise<MediaDeviceInfo[]> => this.list.map((d) => ({ ...d, groupId: '', label: d.deviceId }) as MediaDeviceInfo);
  unplug(deviceId: string): void {
    this.list = this.list.filter((d) => d.deviceId !== deviceId);
    this.dispatchEvent(new Event('devicechange'));
  }
}

function stubDevices(): FakeDevices {
  const devices = new FakeDevices([
    { kind: 'audioinput', deviceId: 'default' },
    { kind: 'audioinput', deviceId: 'mic-1' },
    { kind: 'audioinput', deviceId: 'mic-2' },
    { kind: 'videoinput', deviceId: 'cam-1' },
    { kind: 'audiooutput', deviceId: 'default' },
    { kind: 'audiooutput', deviceId: 'speaker-1' },
  ]);
  vi.stubGlobal('navigator', { mediaDevices: devices });
  return devices;
}

afterEach(() => vi.unstubAllGlobals());

describe('setDeviceIds', () => {
  it('merges with the current ids; undefined goes back to the default device; ringerDeviceId is a device id', async () => {
    stubDevices();
    const a = await registeredPhone(server(), '1001', { deviceIds: { microphoneId: 'mic-1', ringerDeviceId: 'speaker-1' } });
    expect(a.phone.deviceIds).toEqual({ microphoneId: 'mic-1', ringerDeviceId: 'speaker-1' });
    expect(await a.phone.setDeviceIds({ cameraId: 'cam-1', speakerId: 'speaker-1' })).toEqual({ code: 200, message: 'PHONE_SUCCESS' });
    expect(a.phone.store.getState().deviceIds).toEqual({ microphoneId: 'mic-1', cameraId: 'cam-1', speakerId: 'speaker-1', ringerDeviceId: 'speaker-1' });
    expect((await a.phone.setDeviceIds({ microphoneId: undefined })).code).toBe(200);
    expect(a.phone.deviceIds).toEqual({ cameraId: 'cam-1', speakerId: 'speaker-1', ringerDeviceId: 'speaker-1' });
  });

  it('a missing microphone is -290, a missing camera -291, and nothing changes', async () => {
    const devices = stubDevices();
    const a = await registeredPhone(server(), '1001', { deviceIds: { microphoneId: 'mic-1' } });
    const before = a.phone.store.getState().deviceIds;
    expect((await a.phone.setDeviceIds({ microphoneId: 'mic-9', speakerId: 'speaker-1' })).code).toBe(ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE);
    expect((await a.phone.setDeviceIds({ cameraId: 'cam-9' })).code).toBe(ResultCode.NOT_FOUND_VIDEO_INPUT_DEVICE);
    expect(a.phone.store.getState().deviceIds).toBe(before);
    expect(devices.getUserMedia).not.toHaveBeenCalled();
  });

  it('refuses invalid arguments with -200 and changes nothing', async () => {
    stubDevices();
    const a = await registeredPhone(server(), '1001');
    for (const bad of [null, 'mic-1', [], { microphoneId: 7 }, { microphoneId: '' }, { headsetId: 'x' }]) {
      expect((await a.phone.setDeviceIds(bad as never)).code).toBe(ResultCode.UNKNOWN_ERROR);
    }
    expect(a.phone.deviceIds).toEqual({});
    a.phone.destroy();
    expect((await a.phone.setDeviceIds({ microphoneId: 'mic-1' })).code).toBe(ResultCode.UNKNOWN_ERROR);
  });

  it('switches the microphone of a live call with replaceTrack, no re-INVITE, keeping mute; later calls open the new device', async () => {
    const devices = stubDevices();
    const a = await registeredPhone(server(), '1001', { deviceIds: { microphoneId: 'mic-1' } });
    const b = await registeredPhone(server(), '1002');
    const { outgoing, incoming } = await connect(a, b);
    const handler = a.media.handlers[0];
    const oldTrack = devices.opened[0];
    expect(handler.sender?.track).toBe(oldTrack);
    a.phone.mute(outgoing.callId);
    const offers = vi.spyOn(handler, 'getDescription');

    expect((await a.phone.setDeviceIds({ microphoneId: 'mic-2' })).code).toBe(200);
    const newTrack = devices.opened.at(-1)!;
    expect(newTrack.deviceId).toBe('mic-2');
    expect(handler.sender?.track).toBe(newTrack);
    expect(handler.sender?.replaced).toBe(1);
    expect(oldTrack.readyState).toBe('ended');
    expect(newTrack.enabled).toBe(false);
    expect(outgoing.localStream?.getAudioTracks()).toEqual([newTrack]);
    expect(offers).not.toHaveBeenCalled();
    expect(a.phone.store.getState().calls[outgoing.callId]?.status.callStatus).toBe('talking');

    a.phone.unmute(outgoing.callId);
    expect(newTrack.enabled).toBe(true);
    a.phone.hangup(outgoing.callId);
    expect(newTrack.readyState).toBe('ended');
    void incoming;

    // Calls opened later (here an answer: calls placed in quick succession are throttled) open the new device.
    devices.getUserMedia.mockClear();
    await connect(b, a);
    expect(devices.getUserMedia).toHaveBeenCalledWith({ audio: { deviceId: { exact: 'mic-2' } }, video: false });
  });

  it('a held call stays silent across the switch', async () => {
    const devices = stubDevices();
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const { outgoing } = await connect(a, b);
    a.phone.hold(outgoing.callId);
    expect((await a.phone.setDeviceIds({ microphoneId: 'mic-2' })).code).toBe(200);
    expect(devices.opened.at(-1)!.enabled).toBe(false);
  });

  it('when the new microphone cannot be opened for a live call, the call keeps its microphone and nothing changes', async () => {
    const devices = stubDevices();
    const a = await registeredPhone(server(), '1001', { deviceIds: { microphoneId: 'mic-1' } });
    const b = await registeredPhone(server(), '1002');
    await connect(a, b);
    const oldTrack = devices.opened[0];
    devices.failNext = Object.assign(new Error('busy'), { name: 'NotReadableError' });
    expect((await a.phone.setDeviceIds({ microphoneId: 'mic-2' })).code).toBe(ResultCode.GET_LOCAL_STREAM_ERROR);
    expect(a.phone.deviceIds).toEqual({ microphoneId: 'mic-1' });
    expect(a.media.handlers[0].sender?.track).toBe(oldTrack);
    expect(oldTrack.readyState).toBe('live');
  });

  it('an unplugged microphone falls back to the default for live calls and emits deviceFallback', async () => {
    const devices = stubDevices();
    const a = await registeredPhone(server(), '1001', { deviceIds: { microphoneId: 'mic-2', ringerDeviceId: 'speaker-1' } });
    const b = await registeredPhone(server(), '1002');
    await connect(a, b);
    const fallback = nextEvent(a.phone, 'deviceFallback');
    devices.unplug('mic-2');
    const [event] = await fallback;
    expect(event).toEqual<DeviceFallback>({ field: 'microphoneId', deviceId: 'mic-2', calls: 1 });
    expect(a.phone.deviceIds).toEqual({ ringerDeviceId: 'speaker-1' });
    expect(a.media.handlers[0].sender?.track).toBe(devices.opened.at(-1));
    expect(devices.opened.at(-1)!.deviceId).toBe('default');

    const ringer = nextEvent(a.phone, 'deviceFallback');
    devices.unplug('speaker-1');
    expect((await ringer)[0]).toEqual<DeviceFallback>({ field: 'ringerDeviceId', deviceId: 'speaker-1', calls: 0 });
    expect(a.phone.deviceIds).toEqual({});
  });

  it('stops listening for devicechange on destroy', async () => {
    const devices = stubDevices();
    const remove = vi.spyOn(devices, 'removeEventListener');
    const a = await registeredPhone(server(), '1001');
    a.phone.destroy();
    expect(remove).toHaveBeenCalledWith('devicechange', expect.any(Function));
  });
});

describe('ScriptedPhone setDeviceIds', () => {
  it('stores the ids without navigator.mediaDevices, and switches a live call’s track with it', async () => {
    const phone = new ScriptedPhone({ registered: true });
    expect((await phone.setDeviceIds({ ringerDeviceId: 'speaker-1' })).code).toBe(200);
    expect(phone.deviceIds).toEqual({ ringerDeviceId: 'speaker-1' });

    const devices = stubDevices();
    const placed = await phone.call('1002');
    phone.remoteAnswer(placed.callId!);
    const before = phone.getSession(placed.callId!)!.localStream!.getAudioTracks()[0];
    expect((await phone.setDeviceIds({ microphoneId: 'mic-9' })).code).toBe(ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE);
    expect((await phone.setDeviceIds({ microphoneId: 'mic-1' })).code).toBe(200);
    const after = phone.getSession(placed.callId!)!.localStream!.getAudioTracks()[0];
    expect(after).toBe(devices.opened.at(-1));
    expect(after).not.toBe(before);
    phone.destroy();
  });
});
