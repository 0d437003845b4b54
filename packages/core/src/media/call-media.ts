import type { ResolvedPhoneConfig, DeviceIds } from '../config.js';
import type { CallOptions } from '../phone-api.js';
import { acquireLocalStream, browserMediaDevices, buildConstraints, type OpenMediaResult } from './user-media.js';

/**
 * Opens local media for calls.
 *
 * @remarks
 * With `navigator.mediaDevices` present (browsers, or a test stub) the
 * microphone/camera is opened here, so errors map to result codes and the
 * chosen devices are used. Where there is none (Node) a call works only with
 * the advanced `media` seam, whose handler produces its own media; without
 * the seam that is a -203 error.
 */
export class CallMediaProvider {
  readonly #config: ResolvedPhoneConfig;
  readonly #deviceIds: () => DeviceIds;

  constructor(config: ResolvedPhoneConfig, deviceIds: () => DeviceIds) {
    this.#config = config;
    this.#deviceIds = deviceIds;
  }

  /** Opens the media a call with `options` needs; never throws. */
  async open(options: CallOptions | undefined): Promise<OpenMediaResult> {
    const constraints = buildConstraints(options, this.#deviceIds());
    const devices = browserMediaDevices();
    return !devices && this.#config.media ? { ok: true, media: { constraints, stream: null } } : acquireLocalStream(constraints, devices);
  }
}
