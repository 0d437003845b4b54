import type { DeviceIds } from '../config.js';
import type { CallOptions } from '../phone-api.js';
import { errorMessage } from '../errors.js';
import { result, type Result } from '../result.js';

/** The part of `navigator.mediaDevices` the phone uses. */
export interface MediaDevicesLike {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  enumerateDevices?(): Promise<MediaDeviceInfo[]>;
}

/** Media for one call as the SIP layer needs it. */
export interface OpenedMedia {
  readonly constraints: MediaStreamConstraints;
  /** The stream opened here, or `null` when the media seam brings its own. */
  readonly stream: MediaStream | null;
}

/** Outcome of {@link acquireLocalStream} and `openCallMedia`. */
export type OpenMediaResult = { readonly ok: true; readonly media: OpenedMedia } | { readonly ok: false; readonly error: Result };

/** `navigator.mediaDevices` when this runtime has one (browsers in a secure context; Node has none). */
export function browserMediaDevices(): MediaDevicesLike | undefined {
  const nav = (globalThis as { navigator?: { mediaDevices?: MediaDevicesLike } }).navigator;
  return nav?.mediaDevices && typeof nav.mediaDevices.getUserMedia === 'function' ? nav.mediaDevices : undefined;
}

function withDevice(wanted: boolean | MediaTrackConstraints | undefined, deviceId: string | undefined): boolean | MediaTrackConstraints {
  if (wanted === false || wanted === undefined) return false;
  const base: MediaTrackConstraints = wanted === true ? {} : { ...wanted };
  // An explicit deviceId in the call options wins over the phone-wide choice.
  if (deviceId && base.deviceId === undefined) base.deviceId = { exact: deviceId };
  return Object.keys(base).length === 0 ? true : base;
}

/**
 * getUserMedia constraints for a call: audio unless `options.audio` is
 * `false`, video only when asked; the configured microphone and camera are
 * required exactly (a missing device is reported, not silently replaced).
 */
export function buildConstraints(options: CallOptions | undefined, deviceIds: DeviceIds): MediaStreamConstraints {
  return {
    audio: withDevice(options?.audio ?? true, deviceIds.microphoneId),
    video: withDevice(options?.video ?? false, deviceIds.cameraId),
  };
}

/**
 * Maps a getUserMedia failure to the contract's result codes.
 *
 * @remarks
 * `NotAllowedError` (and the legacy `PermissionDeniedError`/`SecurityError`)
 * is a refused permission (-202). `NotFoundError`, and an
 * `OverconstrainedError` on `deviceId` (the chosen device is gone), mean a
 * missing device: -291 when video was asked for and the microphone is
 * present, otherwise -290 — for a call with both, the device list tells
 * which is missing, and a list that cannot be read is -206
 * (`GET_LOCAL_MEDIA_INFO_ERROR`). Everything else is -203.
 */
export async function mapMediaError(error: unknown, constraints: MediaStreamConstraints, devices?: MediaDevicesLike): Promise<Result> {
  const name = (error as { name?: unknown } | null | undefined)?.name;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (['NotAllowedError', 'PermissionDeniedError', 'SecurityError'].includes(name as string)) {
    return result('GET_AGREE_CHROME_USER_MEDIA_ROLE_ERROR', detail);
  }
  if (
    name !== 'NotFoundError' &&
    name !== 'DevicesNotFoundError' &&
    (name !== 'OverconstrainedError' || (error as { constraint?: string }).constraint !== 'deviceId')
  ) {
    return result('GET_LOCAL_STREAM_ERROR', detail);
  }
  let cameraMissing = !!constraints.video;
  if (cameraMissing && constraints.audio) {
    // getUserMedia does not say which device is missing; the device list does, unless it cannot be read.
    try {
      cameraMissing = ((await devices?.enumerateDevices?.()) ?? []).some((device) => device.kind === 'audioinput');
    } catch (listError) {
      return result('GET_LOCAL_MEDIA_INFO_ERROR', `${detail}; the device list could not be read: ${errorMessage(listError)}`);
    }
  }
  return result(cameraMissing ? 'NOT_FOUND_VIDEO_INPUT_DEVICE' : 'NOT_FOUND_AUDIO_INPUT_DEVICE', detail);
}

/**
 * Opens the microphone (and camera) for a call with `constraints`.
 *
 * @returns the stream, or the mapped error {@link Result}; never throws.
 */
export async function acquireLocalStream(constraints: MediaStreamConstraints, devices: MediaDevicesLike | undefined): Promise<OpenMediaResult> {
  if (!devices) return { ok: false, error: result('GET_LOCAL_STREAM_ERROR', 'no navigator.mediaDevices (insecure context?)') };
  try {
    return { ok: true, media: { constraints, stream: await devices.getUserMedia(constraints) } };
  } catch (error) {
    return { ok: false, error: await mapMediaError(error, constraints, devices) };
  }
}

/** Stops every track of `stream` (releases the microphone/camera). Safe on `null` and on streams without tracks. */
export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks?.() ?? []) {
    try {
      track.stop();
    } catch {
      // A track that refuses to stop is already ended.
    }
  }
}

/** Enables or disables the audio tracks of `stream` (mute without signalling). */
export function setAudioEnabled(stream: MediaStream | null | undefined, enabled: boolean): void {
  for (const track of stream?.getAudioTracks?.() ?? []) track.enabled = enabled;
}
