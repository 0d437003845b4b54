import { CallFeature } from './call-feature.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { HoldController } from './hold-controller.js';
import type { LiveCall } from './live-call.js';
import { addLocalVideo } from './media/call-video.js';
import { stopStream, type OpenMediaResult } from './media/user-media.js';
import type { PhoneContext } from './phone-context.js';
import { PHONE_OK, result, type Result } from './result.js';
import type { RequestOutcome, VideoAnswer } from './sip/call-signal.js';

/**
 * How long the far end's request to add video waits for `agreeChangeVideo`
 * before the phone declines it, in ms.
 *
 * @remarks
 * The far end's re-INVITE stays unanswered meanwhile (after its 100 Trying),
 * so the bound must stay well below the proxies' INVITE timers (Kamailio's
 * `fr_inv_timer` is commonly 60–120 s) and the far end's patience: 30 s is
 * what the phone contract fixes.
 */
export const VIDEO_REQUEST_TIMEOUT_MS = 30_000;

/** A request from the far end to add video, waiting for the app. */
interface PendingRequest {
  /** Answers the far end's re-INVITE; only the first call counts. */
  finish(answer: VideoAnswer): boolean;
}

/**
 * Switches live calls between audio and video, and asks the app when the
 * far end wants to add video. Internal; the operator owns it.
 *
 * @remarks
 * Adding or dropping video is a re-INVITE of the hold controller's loop, so
 * glare (491), Retry-After and a lost connection are handled as for hold. A
 * far end that answers the offer with video port 0 (RFC 3264 §6) or refuses
 * it declined the upgrade: `VIDEO_CHANGE_REFUSED` (-213). Dropping video
 * needs no consent (the offer's port 0 cannot be refused).
 */
export class VideoController extends CallFeature {
  readonly #requests = new Map<LiveCall, PendingRequest>();

  constructor(
    ctx: PhoneContext,
    registry: CallRegistry,
    lifecycle: CallLifecycle,
    private readonly holds: HoldController,
    /** Opens the camera chosen by `deviceIds.cameraId` (no microphone). */
    private readonly openCamera: () => Promise<OpenMediaResult>,
  ) {
    super(ctx, registry, lifecycle);
  }

  /** `audioToVideo` (`video` true) and `videoToAudio`: see `PhoneOperator.audioToVideo`. */
  async change(callId: string, video: boolean): Promise<Result> {
    const live = this.registry.get(callId);
    const record = this.registry.record(callId);
    if (!live || !record) return result('NOT_FOUND_CALL_ID', String(callId));
    if (record.status.callStatus !== 'talking') return result('UNKNOWN_ERROR', 'the call is not talking');
    if (record.videoChange.status !== 'idle') return result('UNKNOWN_ERROR', 'a video change is under way');
    if (record.status.isVideo === video) return PHONE_OK;
    this.lifecycle.update(live, { rest: { videoChange: { status: 'requesting', video } } });
    let track: MediaStreamTrack | null = null;
    if (video) {
      const opened = await this.openCamera();
      if (!opened.ok || !this.isLive(live)) {
        if (opened.ok) stopStream(opened.media.stream);
        this.#idle(live);
        return opened.ok ? result('UNKNOWN_ERROR', 'the call ended') : opened.error;
      }
      track = opened.media.stream?.getVideoTracks()[0] ?? null;
      addLocalVideo(live, track);
    }
    const answer = await this.holds.changeVideo(live, video ? { kind: 'add', track } : { kind: 'drop' });
    if (!this.isLive(live)) {
      track?.stop();
      return result('UNKNOWN_ERROR', 'the call ended');
    }
    this.lifecycle.refreshVideo(live);
    this.#idle(live);
    return this.#outcome(live, video, answer);
  }

  /** The result of a video change from the far end's final answer. */
  #outcome(live: LiveCall, video: boolean, answer: RequestOutcome): Result {
    const detail = `${answer.statusCode} ${answer.reason}`.trim();
    if (answer.ok) return live.sip.hasVideo === video ? PHONE_OK : result('VIDEO_CHANGE_REFUSED', 'the far end answered without video');
    // A final refusal of the offer (not a lost connection or a request that could not be sent).
    if (video && answer.statusCode >= 400) return result('VIDEO_CHANGE_REFUSED', detail);
    return result('UNKNOWN_ERROR', `video change failed: ${detail}`);
  }

  /**
   * The far end's re-INVITE adds video: the call's `videoChange` becomes
   * `requested-by-remote` and the session emits `videoChangeRequest`; the
   * answer waits for {@link VideoController.agree}, and declines after
   * {@link VIDEO_REQUEST_TIMEOUT_MS} or when the call ends.
   */
  onVideoOffered(live: LiveCall): Promise<VideoAnswer> {
    const record = this.registry.record(live.callId);
    if (!record || !this.isLive(live) || this.#requests.has(live) || record.status.callStatus !== 'talking') {
      return Promise.resolve({ accept: false });
    }
    return new Promise((resolve) => {
      const { callId, session } = live;
      const deadline = this.ctx.now() + VIDEO_REQUEST_TIMEOUT_MS;
      let open = true;
      const request: PendingRequest = {
        finish: (answer) => {
          if (!open) return false;
          open = false;
          clearTimeout(timer);
          live.cleanups.delete(onEnd);
          this.#requests.delete(live);
          if (this.isLive(live)) this.#idle(live);
          resolve(answer);
          return true;
        },
      };
      const onEnd = (): void => void request.finish({ accept: false });
      const timer = setTimeout(() => {
        this.ctx.logger.info(`call ${callId}: the far end's request for video was not answered within ${VIDEO_REQUEST_TIMEOUT_MS} ms; declined`);
        request.finish({ accept: false });
      }, VIDEO_REQUEST_TIMEOUT_MS);
      live.cleanups.add(onEnd);
      this.#requests.set(live, request);
      this.lifecycle.update(live, { rest: { videoChange: { status: 'requested-by-remote', deadline } } });
      session.emit('videoChangeRequest', { callId, deadline });
    });
  }

  /** `agreeChangeVideo(callId, accept)`: see `PhoneOperator.agreeChangeVideo`. */
  async agree(callId: string, accept: boolean): Promise<Result> {
    const live = this.registry.get(callId);
    if (!live) return result('NOT_FOUND_CALL_ID', String(callId));
    const request = this.#requests.get(live);
    if (!request) return result('UNKNOWN_ERROR', 'no request for video is waiting');
    if (accept !== true) {
      request.finish({ accept: false });
      return PHONE_OK;
    }
    // Taken now: a second answer while the camera opens finds nothing to answer.
    this.#requests.delete(live);
    const opened = await this.openCamera();
    if (!opened.ok) {
      request.finish({ accept: false });
      return opened.error;
    }
    const track = opened.media.stream?.getVideoTracks()[0] ?? null;
    if (!this.isLive(live) || !request.finish({ accept: true, track })) {
      stopStream(opened.media.stream);
      return result('UNKNOWN_ERROR', 'the request for video is over (declined after the time limit, or the call ended)');
    }
    addLocalVideo(live, track);
    return PHONE_OK;
  }

  #idle(live: LiveCall): void {
    this.lifecycle.update(live, { rest: { videoChange: { status: 'idle' } } });
  }
}
