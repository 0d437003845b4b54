import { CallEndCause, causeForStatus } from './call-causes.js';
import { CallQualityMonitor, type StatsReportLike } from './call-quality.js';
import type { CallPatch, CallRegistry } from './call-registry.js';
import type { CallRecord, CallStatus, StaticCallStatus } from './call-status.js';
import type { LiveCall } from './live-call.js';
import { stopStream } from './media/user-media.js';
import type { PhoneContext } from './phone-context.js';
import { Session, type SessionHost } from './session.js';
import { describe, type IncomingInfo, type IncomingTransfer, type SipCall } from './sip/sip-call.js';

/** Work other collaborators hang on call milestones. */
export interface LifecycleHooks {
  info(live: LiveCall, info: IncomingInfo): void;
  refer(live: LiveCall, transfer: IncomingTransfer): void;
  accepted(live: LiveCall): void;
  ended(live: LiveCall): void;
}

/** What a new call starts with. */
export interface NewCall {
  readonly sip: SipCall;
  readonly number: string;
  readonly name?: string;
  readonly isVideo: boolean;
  /** Inbound calls that ring (not replacements) go to `incomingIds` and emit `incoming`. */
  readonly ringing: boolean;
  readonly localStream?: MediaStream | null;
  readonly status?: Partial<CallStatus>;
}

const STATIC_KEYS = ['name', 'avatar', 'company'] as const;

function staticOf(status: CallStatus): StaticCallStatus {
  return { name: status.name, avatar: status.avatar, company: status.company };
}

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
export class CallLifecycle {
  constructor(
    private readonly ctx: PhoneContext,
    private readonly registry: CallRegistry,
    private readonly host: SessionHost,
    private readonly hooks: LifecycleHooks,
  ) {}

  /** Registers a new call, binds its SIP events, and emits `newRTCSession`, `startSession` (and `incoming`). */
  create(init: NewCall): LiveCall {
    const callId = this.registry.uniqueId(init.sip.sipCallId);
    const now = Date.now();
    const record: CallRecord = {
      status: {
        name: init.name ?? '',
        avatar: '',
        company: '',
        number: init.number,
        callId,
        communicationType: init.sip.direction,
        isVideo: init.isVideo,
        isRing: init.sip.direction === 'inbound',
        isHold: false,
        isMute: false,
        callStatus: init.sip.direction === 'inbound' ? 'ringing' : 'calling',
        callStartTime: 0,
        recordStatus: 'stop',
        isTransfer: false,
        isConference: false,
        ...init.status,
      },
      timestamps: { createdAt: now, answeredAt: 0, holdStartedAt: 0, heldMs: 0 },
      transfer: { status: 'idle' },
      manualStaticStatus: false,
      lastReport: null,
    };
    const session = new Session(callId, this.host, record);
    const live: LiveCall = {
      callId,
      sip: init.sip,
      session,
      localStream: init.localStream ?? null,
      quality: null,
      endCause: null,
      onConfirmed: [],
      cleanups: new Set(),
      answering: false,
      replacesCallId: null,
    };
    this.registry.add(live, record, init.ringing);
    this.bind(live);
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
   * Ends a call: stops its timers and media, removes it from the store,
   * then emits `ended` or `failed` and `deleteSession`. Idempotent.
   */
  end(live: LiveCall, outcome: { kind: 'ended'; cause: string } | { kind: 'failed'; cause: string; code: number }): void {
    if (this.registry.get(live.callId) !== live) return;
    live.quality?.stop();
    for (const cleanup of live.cleanups) {
      try {
        cleanup();
      } catch (error) {
        this.ctx.logger.warn(`cleanup of call ${live.callId} failed: ${describe(error)}`);
      }
    }
    live.cleanups.clear();
    stopStream(live.localStream);
    live.sip.releaseMedia();
    live.session.stopTimer();
    // Keep the last record readable through the session after it leaves the store.
    live.session.status;
    this.registry.remove(live.callId);
    const cause = live.endCause ?? outcome.cause;
    if (outcome.kind === 'ended') live.session.emit('ended', { callId: live.callId, cause });
    else live.session.emit('failed', { callId: live.callId, cause, code: outcome.code });
    this.ctx.emit('deleteSession', { callId: live.callId, cause });
    live.session.dispose();
    this.hooks.ended(live);
  }

  private bind(live: LiveCall): void {
    const { sip, callId, session } = live;
    sip.setEvents({
      progress: (statusCode) => {
        if (statusCode === 180 || statusCode === 183) this.update(live, { status: { isRing: true } });
      },
      accepted: () => {
        const now = Date.now();
        this.registry.stopRinging(callId);
        this.registry.setCurrent(callId);
        this.update(live, { status: { callStatus: 'connecting', isRing: false, callStartTime: now }, timestamps: { answeredAt: now } });
        session.emit('accepted', { callId });
        const remote = sip.media?.remoteMediaStream;
        if (remote) session.emit('streamAdded', { callId, communicationType: sip.direction, stream: remote });
        this.hooks.accepted(live);
      },
      confirmed: () => {
        this.update(live, { status: { callStatus: 'talking' } });
        session.emit('confirmed', { callId });
        this.startQuality(live);
        for (const job of live.onConfirmed.splice(0)) job();
      },
      failed: (code, reason) => {
        const cause = code === 487 && sip.direction === 'inbound' ? CallEndCause.REMOTE_CANCELED : causeForStatus(code);
        this.ctx.logger.info(`call ${callId} failed: ${code} ${reason}`);
        this.end(live, { kind: 'failed', cause, code });
      },
      ended: (byRemote) => this.end(live, { kind: 'ended', cause: byRemote ? CallEndCause.REMOTE_HANGUP : CallEndCause.HANGUP }),
      reinvite: () => session.emit('reinvite', { callId }),
      info: (info) => this.hooks.info(live, info),
      refer: (transfer) => this.hooks.refer(live, transfer),
    });
  }

  private startQuality(live: LiveCall): void {
    live.quality = new CallQualityMonitor(
      live.callId,
      () => (live.sip.media?.peerConnection?.getStats() as Promise<StatsReportLike> | undefined) ?? null,
      (callReport) => {
        if (!this.registry.patch(live.callId, { rest: { lastReport: callReport } })) return;
        live.session.emit('callReport', { callId: live.callId, callReport });
      },
      (error) => this.ctx.logger.warn(`getStats failed for call ${live.callId}: ${describe(error)}`),
    );
    live.quality.start();
  }
}
