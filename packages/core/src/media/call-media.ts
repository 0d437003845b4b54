import type { DeviceIds } from '../config.js';
import type { CallOptions } from '../phone-api.js';
import { acquireLocalStream, browserMediaDevices, buildConstraints, type OpenMediaResult } from './user-media.js';

/**
 * Opens the local media a call with `options` needs; never throws.
 *
 * @remarks
 * With `navigator.mediaDevices` present (browsers, or a test stub) the
 * microphone/camera is opened here, so errors map to result codes and the
 * chosen devices are used. Where there is none (Node) a call works only with
 * the advanced `media` seam (`hasMediaSeam`), whose handler produces its own
 * media; without the seam that is a -203 error.
 */
export async function openCallMedia(options: CallOptions | undefined, deviceIds: DeviceIds, hasMediaSeam: boolean): Promise<OpenMediaResult> {
  const constraints = buildConstraints(options, deviceIds);
  const devices = browserMediaDevices();
  return !devices && hasMediaSeam ? { ok: true, media: { constraints, stream: null } } : acquireLocalStream(constraints, devices);
}
