import type { CallRegistry } from './call-registry.js';
import { DEVICE_ID_KEYS, type DeviceIds } from './config.js';
import { errorMessage } from './errors.js';
import { acquireLocalStream, browserMediaDevices, stopStream, type MediaDevicesLike } from './media/user-media.js';
import { currentAudioTrack, switchMicrophone } from './media/microphone-switch.js';
import { currentVideoTrack, switchCamera } from './media/camera-switch.js';
import type { PhoneContext } from './phone-context.js';
import { result, type Result } from './result.js';

type DeviceIdKey = (typeof DEVICE_ID_KEYS)[number];

/** The `enumerateDevices()` kind each field of {@link DeviceIds} names. */
const KIND: Record<DeviceIdKey, MediaDeviceKind> = {
  microphoneId: 'audioinput',
  cameraId: 'videoinput',
  speakerId: 'audiooutput',
  ringerDeviceId: 'audiooutput',
};

/** `navigator.mediaDevices` with the `devicechange` event, when the runtime has it. */
type WatchableDevices = MediaDevicesLike & Partial<Pick<EventTarget, 'addEventListener' | 'removeEventListener'>>;

/**
 * Whether the device list shows `id` missing for `key`; `false` when the
 * list cannot tell (no device of that kind has an id yet: browsers hide ids
 * until a permission is granted, and some list no outputs at all).
 */
function isMissing(list: readonly MediaDeviceInfo[], key: DeviceIdKey, id: string): boolean {
  const ofKind = list.filter((device) => device.kind === KIND[key]);
  if (key !== 'microphoneId' && key !== 'cameraId' && !ofKind.some((device) => device.deviceId !== '')) return false;
  if (ofKind.length > 0 && ofKind.every((device) => device.deviceId === '')) return false;
  return !ofKind.some((device) => device.deviceId === id);
}

/**
 * The phone's choice of devices (`setDeviceIds`) and what follows from it:
 * live calls switch microphone, and an unplugged device falls back to the
 * default. Internal; the operator owns it.
 *
 * @remarks
 * Changes run one at a time, so a `devicechange` arriving during a
 * `setDeviceIds` sees its outcome. Where the runtime has no
 * `navigator.mediaDevices` (Node with the `media` seam) ids are only
 * stored: the seam brings its own media and nothing can be checked.
 */
export class DeviceController {
  #queue: Promise<unknown> = Promise.resolve();
  readonly #watched: WatchableDevices | undefined;
  readonly #onChange = (): void => {
    void this.#serial(() => this.#fallBack());
  };

  constructor(
    private readonly ctx: PhoneContext,
    private readonly registry: CallRegistry,
  ) {
    this.#watched = browserMediaDevices() as WatchableDevices | undefined;
    this.#watched?.addEventListener?.('devicechange', this.#onChange);
  }

  /** `setDeviceIds`: see `PhoneOperator.setDeviceIds`. */
  set(ids: Partial<DeviceIds>): Promise<Result> {
    const invalid = validate(ids);
    if (invalid) return Promise.resolve(result('UNKNOWN_ERROR', invalid));
    return this.#serial(() => this.#apply(ids));
  }

  /** Stops listening for `devicechange` (phone destroyed). */
  destroy(): void {
    this.#watched?.removeEventListener?.('devicechange', this.#onChange);
  }

  #serial(task: () => Promise<Result>): Promise<Result> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #apply(ids: Partial<DeviceIds>): Promise<Result> {
    if (this.ctx.getState().destroyed) return result('UNKNOWN_ERROR', 'phone destroyed');
    const current = this.ctx.getState().deviceIds;
    const merged = merge(current, ids);
    const devices = browserMediaDevices();
    if (devices?.enumerateDevices) {
      let list: MediaDeviceInfo[];
      try {
        list = await devices.enumerateDevices();
      } catch (error) {
        return result('GET_LOCAL_MEDIA_INFO_ERROR', `the device list could not be read: ${errorMessage(error)}`);
      }
      if (ids.microphoneId !== undefined && isMissing(list, 'microphoneId', ids.microphoneId)) {
        return result('NOT_FOUND_AUDIO_INPUT_DEVICE', `no microphone ${ids.microphoneId}`);
      }
      if (ids.cameraId !== undefined && isMissing(list, 'cameraId', ids.cameraId)) {
        return result('NOT_FOUND_VIDEO_INPUT_DEVICE', `no camera ${ids.cameraId}`);
      }
    }
    if (merged.microphoneId !== current.microphoneId) {
      const switched = await this.#switchCalls(devices, merged.microphoneId);
      if (!switched.ok) return switched.error;
    }
    if (merged.cameraId !== current.cameraId) {
      const switched = await this.#switchCameras(devices, merged.cameraId);
      if (!switched.ok) return switched.error;
    }
    if (this.ctx.getState().destroyed) return result('UNKNOWN_ERROR', 'phone destroyed');
    this.ctx.setState({ deviceIds: merged });
    return result('PHONE_SUCCESS');
  }

  /**
   * Moves every call that sends video to camera `cameraId` (the default
   * camera when undefined), one getUserMedia each, with `replaceTrack`: no
   * re-INVITE. A camera that cannot be opened stops the change (-291, -202...).
   */
  async #switchCameras(devices: MediaDevicesLike | undefined, cameraId: string | undefined): Promise<{ ok: true } | { ok: false; error: Result }> {
    const calls = this.registry.list().filter((live) => currentVideoTrack(live) !== undefined);
    const constraints: MediaStreamConstraints = { audio: false, video: cameraId ? { deviceId: { exact: cameraId } } : true };
    for (const live of devices ? calls : []) {
      const outcome = await acquireLocalStream(constraints, devices);
      if (!outcome.ok) return outcome;
      const track = outcome.media.stream?.getVideoTracks?.()[0];
      if (!track || this.registry.get(live.callId) !== live) {
        stopStream(outcome.media.stream);
        continue;
      }
      if (!(await switchCamera(live, track))) this.ctx.logger.warn(`call ${live.callId}: the new camera could not be sent; the call keeps the old one`);
    }
    return { ok: true };
  }

  /**
   * Opens `microphoneId` (the default device when undefined) once per call
   * that sends audio, then swaps it in; nothing changes unless every call got
   * its track.
   */
  async #switchCalls(
    devices: MediaDevicesLike | undefined,
    microphoneId: string | undefined,
  ): Promise<{ ok: true; count: number } | { ok: false; error: Result }> {
    const calls = this.registry.list().filter((live) => currentAudioTrack(live) !== undefined);
    if (!devices || calls.length === 0) return { ok: true, count: 0 };
    const constraints: MediaStreamConstraints = { audio: microphoneId ? { deviceId: { exact: microphoneId } } : true, video: false };
    const opened: MediaStream[] = [];
    for (const _call of calls) {
      const outcome = await acquireLocalStream(constraints, devices);
      if (!outcome.ok || !outcome.media.stream) {
        opened.forEach(stopStream);
        return { ok: false, error: outcome.ok ? result('GET_LOCAL_STREAM_ERROR', 'no stream') : outcome.error };
      }
      opened.push(outcome.media.stream);
    }
    let count = 0;
    for (const [index, live] of calls.entries()) {
      const track = opened[index]?.getAudioTracks?.()[0];
      // A call that ended while the devices opened needs no new track.
      if (!track || this.registry.get(live.callId) !== live) {
        stopStream(opened[index]);
        continue;
      }
      if (await switchMicrophone(live, track, this.registry.record(live.callId)?.status)) count += 1;
      else this.ctx.logger.warn(`call ${live.callId}: the new microphone could not be sent; the call keeps the old one`);
    }
    return { ok: true, count };
  }

  /** After `devicechange`: forgets chosen devices that are gone, moves live calls to the default microphone, tells the app. */
  async #fallBack(): Promise<Result> {
    const devices = browserMediaDevices();
    if (this.ctx.getState().destroyed || !devices?.enumerateDevices) return result('PHONE_SUCCESS');
    let list: MediaDeviceInfo[];
    try {
      list = await devices.enumerateDevices();
    } catch (error) {
      this.ctx.logger.warn(`devicechange: the device list could not be read: ${errorMessage(error)}`);
      return result('GET_LOCAL_MEDIA_INFO_ERROR');
    }
    const current = this.ctx.getState().deviceIds;
    const gone = DEVICE_ID_KEYS.filter((key) => current[key] !== undefined && isMissing(list, key, current[key]));
    if (gone.length === 0) return result('PHONE_SUCCESS');
    let calls = 0;
    if (gone.includes('microphoneId')) {
      const switched = await this.#switchCalls(devices, undefined);
      if (switched.ok) calls = switched.count;
      else this.ctx.logger.warn(`devicechange: the default microphone could not be opened: ${switched.error.message}`);
    }
    if (this.ctx.getState().destroyed) return result('PHONE_SUCCESS');
    const deviceIds = { ...this.ctx.getState().deviceIds };
    for (const key of gone) delete deviceIds[key];
    this.ctx.setState({ deviceIds });
    for (const key of gone) {
      this.ctx.logger.warn(`devicechange: ${key} ${current[key]} is gone; using the default device`);
      this.ctx.emit('deviceFallback', { field: key, deviceId: current[key] ?? '', calls: key === 'microphoneId' ? calls : 0 });
    }
    return result('PHONE_SUCCESS');
  }
}

/** `current` with the fields of `ids` applied; an explicit `undefined` goes back to the default device. */
function merge(current: DeviceIds, ids: Partial<DeviceIds>): DeviceIds {
  const merged: DeviceIds = { ...current };
  for (const key of DEVICE_ID_KEYS) {
    if (!(key in ids)) continue;
    const id = ids[key];
    if (id === undefined) delete merged[key];
    else merged[key] = id;
  }
  return merged;
}

/** Why `ids` is not a valid `setDeviceIds` argument, or `null`. */
function validate(ids: unknown): string | null {
  if (typeof ids !== 'object' || ids === null || Array.isArray(ids)) return 'setDeviceIds takes an object of device ids';
  for (const [key, value] of Object.entries(ids)) {
    if (!(DEVICE_ID_KEYS as readonly string[]).includes(key)) return `setDeviceIds: unknown field ${key}`;
    if (value !== undefined && (typeof value !== 'string' || value === '' || value.length > 512)) {
      return `setDeviceIds: ${key} must be a non-empty string (at most 512 characters) or undefined`;
    }
  }
  return null;
}
