import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResultCode } from '../index.js';
import { acquireLocalStream, buildConstraints, mapMediaError } from '../media/user-media.js';
import { connect, registeredPhone, sessionEvent, useCallServer } from './support/call-harness.js';
import { FakeStream, FakeTrack } from '../testing/fake-media.js';
import { nextEvent } from './support/phone-harness.js';

const { server } = useCallServer();

const domError = (name: string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error(`${name} happened`), { name, ...extra });

function stubDevices(getUserMedia: (c: MediaStreamConstraints) => Promise<unknown>, devices: { kind: string }[] = [{ kind: 'audioinput' }]) {
  const spy = vi.fn(getUserMedia);
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: spy, enumerateDevices: async () => devices } });
  return spy;
}

describe('getUserMedia error mapping', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['NotAllowedError', {}, false, ResultCode.GET_AGREE_CHROME_USER_MEDIA_ROLE_ERROR],
    ['SecurityError', {}, false, ResultCode.GET_AGREE_CHROME_USER_MEDIA_ROLE_ERROR],
    ['NotFoundError', {}, false, ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE],
    ['OverconstrainedError', { constraint: 'deviceId' }, false, ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE],
    ['NotFoundError', {}, true, ResultCode.NOT_FOUND_VIDEO_INPUT_DEVICE],
    ['NotReadableError', {}, false, ResultCode.GET_LOCAL_STREAM_ERROR],
    ['OverconstrainedError', { constraint: 'width' }, true, ResultCode.GET_LOCAL_STREAM_ERROR],
  ])('%s %j (video %s) → %i', async (name, extra, video, code) => {
    const spy = stubDevices(() => Promise.reject(domError(name, extra)));
    const outcome = await acquireLocalStream(buildConstraints({ video }, {}), (globalThis.navigator as unknown as { mediaDevices: never }).mediaDevices);
    expect(outcome.ok ? 0 : outcome.error.code).toBe(code);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('a video call with no microphone at all reports the microphone', async () => {
    const result = await mapMediaError(
      domError('NotFoundError'),
      { audio: true, video: true },
      { getUserMedia: vi.fn(), enumerateDevices: async () => [{ kind: 'videoinput' } as MediaDeviceInfo] },
    );
    expect(result.code).toBe(ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE);
  });

  it('a video call with a missing device and a device list that cannot be read is GET_LOCAL_MEDIA_INFO_ERROR (-206)', async () => {
    const result = await mapMediaError(
      domError('NotFoundError'),
      { audio: true, video: true },
      { getUserMedia: vi.fn(), enumerateDevices: () => Promise.reject(domError('NotReadableError')) },
    );
    expect(result).toEqual({
      code: ResultCode.GET_LOCAL_MEDIA_INFO_ERROR,
      message: expect.stringMatching(/^GET_LOCAL_MEDIA_INFO_ERROR: NotFoundError: .*device list could not be read/),
    });
  });

  it('honours deviceIds and call options', () => {
    expect(buildConstraints(undefined, { microphoneId: 'mic-2', cameraId: 'cam-1' })).toEqual({ audio: { deviceId: { exact: 'mic-2' } }, video: false });
    expect(buildConstraints({ video: { width: 640 } }, { cameraId: 'cam-1' })).toEqual({ audio: true, video: { width: 640, deviceId: { exact: 'cam-1' } } });
    expect(buildConstraints({ audio: { deviceId: 'x' } }, { microphoneId: 'mic' })).toEqual({ audio: { deviceId: 'x' }, video: false });
  });

  it('call() returns the mapped error and creates no session', async () => {
    const a = await registeredPhone(server(), '1001', { deviceIds: { microphoneId: 'mic-9' } });
    const spy = stubDevices(() => Promise.reject(domError('NotAllowedError')));
    const placed = await a.phone.call('1002');
    expect(placed.code).toBe(ResultCode.GET_AGREE_CHROME_USER_MEDIA_ROLE_ERROR);
    expect(spy).toHaveBeenCalledWith({ audio: { deviceId: { exact: 'mic-9' } }, video: false });
    expect(a.phone.sessions.size).toBe(0);
    expect(a.phone.store.getState().lastError).toEqual(placed);
  });

  it('call() of a video call whose missing device cannot be told (device list unreadable) is -206, also in lastError', async () => {
    const a = await registeredPhone(server(), '1001');
    vi.stubGlobal('navigator', {
      mediaDevices: { getUserMedia: () => Promise.reject(domError('NotFoundError')), enumerateDevices: () => Promise.reject(domError('NotReadableError')) },
    });
    const placed = await a.phone.call('1002', { video: true });
    expect(placed.code).toBe(ResultCode.GET_LOCAL_MEDIA_INFO_ERROR);
    expect(a.phone.store.getState().lastError).toEqual(placed);
    expect(a.phone.sessions.size).toBe(0);
  });

  it('answer() with a missing microphone keeps the call ringing; the opened stream is released when the call ends', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const tracks = [new FakeTrack('audio')];
    stubDevices(async () => new FakeStream(tracks));
    const ringing = nextEvent(b.phone, 'incoming');
    const placed = await a.phone.call('1002');
    const outgoing = a.phone.getSession(placed.callId!)!;
    expect(outgoing.localStream).toBeInstanceOf(FakeStream);
    const [{ session }] = await ringing;

    stubDevices(() => Promise.reject(domError('NotFoundError')));
    expect((await b.phone.answer(session.callId)).code).toBe(ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE);
    expect(b.phone.store.getState().lastError?.code).toBe(ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE);
    expect(session.status.callStatus).toBe('ringing');

    const failed = sessionEvent(outgoing, 'failed');
    a.phone.hangup(outgoing.callId);
    await failed;
    expect(tracks.every((t) => t.readyState === 'ended')).toBe(true);
  });

  it('a stubbed stream is used for the call, muted through its track, and stopped on hangup', async () => {
    const a = await registeredPhone(server(), '1001');
    const b = await registeredPhone(server(), '1002');
    const track = new FakeTrack('audio');
    stubDevices(async () => new FakeStream([track]));
    const { outgoing } = await connect(a, b);
    expect(a.media.handlers[0].localMediaStream.getTracks()).toContain(track);
    a.phone.mute(outgoing.callId);
    expect(track.enabled).toBe(false);
    a.phone.hangup(outgoing.callId);
    expect(track.readyState).toBe('ended');
  });
});
