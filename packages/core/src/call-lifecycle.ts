import { causeForStatus, type CallEndCause } from './call-causes.js';
import { applyMicrophone } from './call-microphone.js';
import { CallQualityMonitor, type StatsReportLike } from './call-quality.js';
import type { CallPatch, CallRegistry } from './call-registry.js';
import type { CallReport, CallStatus, StaticCallStatus } from './call-status.js';
import { QualityReports } from './quality-reports.js';
import { pickStaticStatus, STATIC_KEYS } from './static-status.js';
import { newCallRecord } from './initial-state.js';
import type { LiveCall } from './live-call.js';
import { stopStream } from './media/user-media.js';
import { releaseVideo } from './media/call-video.js';
import type { PhoneContext } from './phone-context.js';
import { Session, type SessionActions, type SessionHost } from './session.js';
import { errorMessage } from './errors.js';
import type { CallSignal, IncomingTransfer, VideoAnswer } from './sip/call-signal.js';
import { parseDtmfInfo, parseRecordHeader } from './sip/info-parsers.js';

/** Work hung on call milestones (the transfer controller's), wired by the phone when it builds its collaborators. */
export interface LifecycleHooks {
  onRefer(live: LiveCall, transfer: IncomingTransfer): void;
  onAccepted(live: LiveCall): void;
  onEnded(live: LiveCall): void;
  /** The far end's re-INVITE adds video (the video controller asks the app). */
  onVideoOffered(live: LiveCall): Promise<VideoAnswer>;
}

/** What a new call starts with. */
export interface NewCall {
  readonly sip: CallSignal;
  readonly number: string;
  readonly name?: string;
  readonly isVideo: boolean;
  /** Inbound calls that ring (not replacements) go to `incomingIds` and emit `incoming`. */
  readonly ringing: boolean;
  readonly localStream?: MediaStream | null;
  readonly status?: Partial<CallStatus>;
}

const staticOf = (status: CallStatus): StaticCallStatus => pickStaticStatus(status) as StaticCallStatus;

/**
 * Creates calls, moves them through their phases and ends them.
 *
 * @remarks
 * ```
 *  outbound: calling ──2xx──▶ connecting ──ACK sent──▶ talking ──BYE──▶ (gone)
 *  inbound:  ringing ──answer()─▶ connecting ──ACK──▶ talking ──BYE──▶ (gone)
 *  any phase before talking ──final failure / CANCEL──▶ (gone, `failed`)
 * ```
 * Every transition writes the store first and emits afterwards.
 */
export class CallLifecycle implements SessionHost {
  constructor(
    readonly ctx: PhoneContext,
    readonly registry: CallRegistry,
    readonly phone: SessionActions,
    hooks: () => LifecycleHooks,
  ) {
    this.#hooks = hooks;
    this.#quality = new QualityReports(ctx, registry);
  }

  readonly #quality: QualityReports;

  /**
   * Takes a quality report of a live call: stores it, emits `callReport`, and
   * raises or clears quality warnings. False for an unknown call.
   */
  reportQuality(callId: string, callReport: CallReport): boolean {
    const live = this.registry.get(callId);
    return live ? this.#quality.report(live, callReport) : false;
  }

  /** The milestone handlers, wired by the phone (read when a milestone happens). */
  readonly #hooks: () => LifecycleHooks;

  /** Registers a new call, binds its SIP events, and emits `newRTCSession`, `startSession` (and `incoming`). */
  create(init: NewCall): LiveCall {
    const { sip } = init;
    const callId = this.registry.uniqueId(sip.sipCallId);
    const record = newCallRecord(
      { callId, number: init.number, communicationType: sip.direction, name: init.name, isVideo: init.isVideo },
      this.ctx.now(),
      init.status,
    );
    const session = new Session(callId, this, record, (name) => sip.header(name));
    const live: LiveCall = {
      callId,
      sip,
      session,
      localStream: init.localStream ?? null,
      endCause: null,
      onConfirmed: [],
      cleanups: new Set(),
      holdWanted: false,
      answering: false,
      replacesCallId: null,
    };
    this.registry.add(live, record, init.ringing);
    this.#bind(live);
    const event = { callId, session };
    this.ctx.emit('newRTCSession', event);
    this.ctx.emit('startSession', event);
    if (init.ringing) this.ctx.emit('incoming', event);
    return live;
  }

  /** Writes a patch and emits `statusChange` / `staticStatusChange` when the status changed. */
  update(live: LiveCall, patch: CallPatch): boolean {
    const change = this.registry.patch(live.callId, patch);
    if (!change) return false;
    const { previous, next } = change;
    if (patch.status && (Object.keys(patch.status) as (keyof CallStatus)[]).some((key) => previous[key] !== next[key])) {
      live.session.emit('statusChange', { ...next }, { ...previous });
      if (STATIC_KEYS.some((key) => previous[key] !== next[key])) live.session.emit('staticStatusChange', staticOf(next), staticOf(previous));
    }
    return true;
  }

  /**
   * Sets `isVideo` from what the last offer/answer negotiated (see
   * `CallSignal.hasVideo`); without video the camera is released and the
   * far end's video track leaves the remote stream.
   */
  refreshVideo(live: LiveCall): void {
    if (this.registry.get(live.callId) !== live) return;
    const isVideo = live.sip.hasVideo;
    if (!isVideo) releaseVideo(live);
    this.update(live, { status: { isVideo } });
  }

  /**
   * Ends a call: stops its timers and media, removes it from the store,
   * then emits `ended` (no `code`) or `failed` (with the SIP `code`) and
   * `deleteSession`. `live.endCause`, when set, wins over `cause`. Idempotent.
   */
  end(live: LiveCall, cause: CallEndCause, code?: number): void {
    const { callId, session } = live;
    if (this.registry.get(callId) !== live) return;
    for (const cleanup of live.cleanups) {
      try {
        cleanup();
      } catch (error) {
        this.ctx.logger.warn(`call ${callId}: cleanup failed: ${errorMessage(error)}`);
      }
    }
    live.cleanups.clear();
    stopStream(live.localStream);
    live.sip.releaseMedia();
    session.stopTimer();
    // Keep the last record readable through the session after it leaves the store.
    // eslint-disable-next-line @typescript-eslint/no-unused-expressions -- reading `status` is what stores it in the session
    session.status;
    const record = this.registry.record(callId);
    this.registry.remove(callId);
    cause = live.endCause ?? cause;
    if (code === undefined) session.emit('ended', { callId, cause });
    else session.emit('failed', { callId, cause, code });
    if (record) this.ctx.emit('deleteSession', { callId, cause, code, record });
    session.dispose();
    this.#hooks().onEnded(live);
  }

  /**
   * Hangs up from this side (BYE, or CANCEL / 480 before an answer) and ends
   * the call: `ended` with `cause` when it was established, else `failed`
   * with 487 and `unansweredCause`. The call ends here also when no request
   * could be sent (connection gone, dialog already closing).
   */
  hangUp(live: LiveCall, cause: CallEndCause, unansweredCause = cause): void {
    // Answered, as the store knows it: the dialog may already be closing (a BYE from the far end not yet reported).
    const established = (this.registry.record(live.callId)?.timestamps.answeredAt ?? 0) > 0;
    live.sip.terminate();
    this.end(live, established ? cause : unansweredCause, established ? undefined : 487);
  }

  #bind(live: LiveCall): void {
    const { sip, callId, session } = live;
    sip.setEvents({
      progress: (statusCode, earlyMedia) => {
        const status = this.registry.record(callId)?.status;
        if (earlyMedia && status?.isEarlyMedia !== true) {
          this.update(live, { status: { isRing: true, isEarlyMedia: true } });
          // The early stream is the one the answer keeps (same dialog), so players attach it now.
          const remote = sip.media?.remoteMediaStream;
          if (remote) session.emit('streamAdded', { callId, communicationType: sip.direction, stream: remote });
        } else if (statusCode === 180 || statusCode === 183) this.update(live, { status: { isRing: true } });
      },
      accepted: () => {
        const now = this.ctx.now();
        this.registry.stopRinging(callId);
        this.registry.setCurrent(callId);
        this.update(live, {
          status: { callStatus: 'connecting', isRing: false, isEarlyMedia: false, callStartTime: now, isVideo: sip.hasVideo },
          timestamps: { answeredAt: now },
        });
        if (!sip.hasVideo) releaseVideo(live);
        // A call muted while it rang gets its microphone only now.
        applyMicrophone(live, this.registry.record(callId)?.status);
        session.emit('accepted', { callId });
        const remote = sip.media?.remoteMediaStream;
        if (remote) session.emit('streamAdded', { callId, communicationType: sip.direction, stream: remote });
        this.#hooks().onAccepted(live);
      },
      confirmed: () => {
        this.update(live, { status: { callStatus: 'talking', isVideo: sip.hasVideo } });
        if (!sip.hasVideo) releaseVideo(live);
        session.emit('confirmed', { callId });
        for (const job of live.onConfirmed.splice(0)) job();
        // Sampled only where there is a peer connection to ask (the scripted phone has none).
        if (!sip.media?.peerConnection) return;
        const quality = new CallQualityMonitor(
          callId,
          () => (sip.media?.peerConnection?.getStats() as Promise<StatsReportLike> | undefined) ?? null,
          (callReport) => this.#quality.report(live, callReport),
          (error) => this.ctx.logger.warn(`call ${callId}: getStats failed: ${errorMessage(error)}`),
        );
        quality.start();
        live.cleanups.add(() => quality.stop());
      },
      failed: (code, reason) => {
        this.ctx.logger.info(`call ${callId} failed: ${code} ${reason}`);
        this.end(live, code === 487 && sip.direction === 'inbound' ? 'remote-canceled' : causeForStatus(code), code);
      },
      ended: (byRemote) => this.end(live, byRemote ? 'remote-hangup' : 'hangup'),
      reinvite: () => {
        this.refreshVideo(live);
        session.emit('reinvite', { callId });
      },
      videoOffered: () => this.#hooks().onVideoOffered(live),
      // Received INFO: recording requests and DTMF become session events; anything else is acknowledged.
      info: (info) => {
        const record = parseRecordHeader(info.header('Record'));
        const digit = !record && info.contentType.startsWith('application/dtmf') ? parseDtmfInfo(info.contentType, info.body) : undefined;
        if (digit === null) {
          this.ctx.logger.warn(`call ${callId}: bad DTMF INFO`);
          info.reject(400);
          return;
        }
        info.accept();
        if (record) session.emit('recordInfo', { callId, record });
        else if (digit) session.emit('dtmf', { callId, digit });
      },
      refer: (transfer) => this.#hooks().onRefer(live, transfer),
    });
  }
}
