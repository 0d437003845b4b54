import type { ResolvedPhoneConfig, DeviceIds } from '../config.js';
import type { CallOptions } from '../phone-api.js';
import type { Result } from '../result.js';
import { acquireLocalStream, browserMediaDevices, buildConstraints } from './user-media.js';

/** Media for one call as the SIP layer needs it. */
export interface OpenedMedia {
  readonly constraints: MediaStreamConstraints;
  /** The stream opened here, or `null` when the media seam brings its own. */
  readonly stream: MediaStream | null;
}

/** Outcome of {@link CallMediaProvider.open}. */
export type OpenMediaResult = { readonly ok: true; readonly media: OpenedMedia } | { readonly ok: false; readonly error: Result };

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
  constructor(
    private readonly config: ResolvedPhoneConfig,
    private readonly deviceIds: () => DeviceIds,
  ) {}

  /** Opens the media a call with `options` needs; never throws. */
  async open(options: CallOptions | undefined): Promise<OpenMediaResult> {
    const constraints = buildConstraints(options, this.deviceIds());
    const devices = browserMediaDevices();
    if (!devices && this.config.media) return { ok: true, media: { constraints, stream: null } };
    const opened = await acquireLocalStream(options, this.deviceIds(), devices);
    return opened.ok ? { ok: true, media: { constraints, stream: opened.stream } } : opened;
  }
}
