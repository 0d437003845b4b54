import { CallEndCause } from './call-causes.js';
import { checkIncoming, checkOutgoing } from './call-guards.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { CallStatus } from './call-status.js';
import type { ContactResolver } from './contact-resolver.js';
import type { LiveCall } from './live-call.js';
import type { CallMediaProvider } from './media/call-media.js';
import { readSdpFacts } from './media/sdp-facts.js';
import { stopStream } from './media/user-media.js';
import { parseDialTarget } from './number.js';
import type { CallOptions, TerminateType } from './phone-api.js';
import type { PhoneContext } from './phone-context.js';
import { PHONE_OK, result, type Result } from './result.js';
import { describe, type SipCall } from './sip/sip-call.js';
import { createOutgoingCall, type SipUserAgent } from './sip/sip-dialer.js';

/** Collaborators of the call controller. */
export interface CallControllerDeps {
  readonly ctx: PhoneContext;
  readonly registry: CallRegistry;
  readonly lifecycle: CallLifecycle;
  readonly media: CallMediaProvider;
  readonly contacts: ContactResolver;
  /** The connected user agent, or `null` while there is none. */
  userAgent(): SipUserAgent | null;
  /** Puts the parent of an attended transfer on hold. */
  holdParent(callId: string): void;
}

/** What an outgoing call starts with, beyond the number. */
interface OutgoingSpec {
  readonly number: string;
  readonly options: CallOptions | undefined;
  readonly status?: Partial<CallStatus>;
  readonly make: () => SipCall;
  readonly onCreated?: (live: LiveCall) => void;
}

/**
 * Places, answers, rejects and ends calls, and enforces the call guards.
 *
 * @remarks
 * Local actions end the call in the store at once (the user hung up: the UI
 * must not wait for the BYE transaction); late SIP events for a call that is
 * already gone are ignored by the lifecycle.
 */
export class CallController {
  private lastOutgoingAt = 0;
  private openingOutgoing = 0;
  private destroyed = false;

  constructor(private readonly deps: CallControllerDeps) {}

  /** `call(number, options, transferId)` of the contract. */
  async call(number: string, options?: CallOptions, transferId?: string): Promise<Result> {
    const { ctx, registry } = this.deps;
    if (this.destroyed) return result('UNKNOWN_ERROR', 'phone destroyed');
    const parsed = parseDialTarget(number);
    if (!parsed.ok) return result('INVALID_NUMBER', parsed.reason);
    const parent = transferId === undefined ? undefined : registry.get(transferId);
    if (transferId !== undefined && (!parent || !parent.sip.isEstablished)) {
      return result('ATTENDED_PARENT_NOT_FOUND', parent ? 'the call to transfer is not established' : `no call ${String(transferId)}`);
    }
    const refused = checkOutgoing({
      callCount: registry.size + this.openingOutgoing,
      maxConcurrentCalls: ctx.config.maxConcurrentCalls,
      hasUnansweredOutgoing: this.openingOutgoing > 0 || registry.list().some((live) => registry.record(live.callId)?.status.callStatus === 'calling'),
      // A consultation leg is a deliberate second step, not a double click: the rate limit does not apply to it.
      lastOutgoingAt: parent ? 0 : this.lastOutgoingAt,
      now: Date.now(),
    });
    if (refused) return refused;
    const userAgent = this.deps.userAgent();
    if (!userAgent || ctx.getState().transport !== 'connected') return result('UNKNOWN_ERROR', 'not connected to the SIP server');
    this.lastOutgoingAt = Date.now();

    const { user, host, port } = parsed.target;
    const target = { user, host: host ?? ctx.config.domain, port };
    let status: Partial<CallStatus> | undefined;
    if (parent) {
      const parentStatus = parent.session.status;
      const timer = parent.session.timer;
      status = {
        isTransfer: true,
        transferParent: {
          callId: parent.callId,
          name: parentStatus.name,
          avatar: parentStatus.avatar,
          number: parentStatus.number,
          callDuration: timer.callDuration,
          holdDuration: timer.holdDuration,
        },
      };
      // The parent is held first (RFC 5589 §7.1); the consultation does not wait for the re-INVITE's answer.
      this.deps.holdParent(parent.callId);
    }
    return this.placeOutgoing({
      number: user,
      options,
      status,
      make: () => createOutgoingCall(userAgent, target, ctx.logger),
      onCreated: parent
        ? (live) => this.deps.lifecycle.update(parent, { rest: { transfer: { status: 'attended-consulting', consultCallId: live.callId, target: user } } })
        : undefined,
    });
  }

  /**
   * Opens media, creates the call and sends the INVITE. Used for `call()`
   * and for the call a received REFER asks for (which skips the guards).
   */
  async placeOutgoing(spec: OutgoingSpec): Promise<Result> {
    const { lifecycle } = this.deps;
    this.openingOutgoing += 1;
    let opened;
    try {
      opened = await this.deps.media.open(spec.options);
    } finally {
      this.openingOutgoing -= 1;
    }
    if (!opened.ok) return opened.error;
    if (this.destroyed) {
      stopStream(opened.media.stream);
      return result('UNKNOWN_ERROR', 'phone destroyed');
    }
    let sip: SipCall;
    try {
      sip = spec.make();
    } catch (error) {
      stopStream(opened.media.stream);
      return result('UNKNOWN_ERROR', describe(error));
    }
    const live = lifecycle.create({
      sip,
      number: spec.number,
      isVideo: Boolean(spec.options?.video),
      ringing: false,
      localStream: opened.media.stream,
      status: spec.status,
    });
    spec.onCreated?.(live);
    this.deps.contacts.resolve(live);
    try {
      await sip.invite({ constraints: opened.media.constraints, webphoneLocalStream: opened.media.stream });
    } catch (error) {
      lifecycle.end(live, { kind: 'failed', cause: CallEndCause.FAILED, code: 0 });
      return result('UNKNOWN_ERROR', `INVITE not sent: ${describe(error)}`);
    }
    return { ...PHONE_OK, callId: live.callId };
  }

  /** An INVITE arrived: refuse it silently, let it ring, or let it replace a call. */
  incoming(sip: SipCall): void {
    const { ctx, registry, lifecycle } = this.deps;
    if (this.destroyed) {
      sip.reject(480);
      return;
    }
    const replaced = sip.replaces;
    if (replaced) {
      const old = registry.list().find((live) => live.sip === replaced);
      if (!old) {
        sip.reject(481);
        return;
      }
      this.acceptReplacement(sip, old);
      return;
    }
    const refusal = checkIncoming(registry.size, ctx.config.maxConcurrentCalls, ctx.config.disableCallWaiting);
    if (refusal !== null) {
      ctx.logger.info(`refused a call from ${sip.remoteUser} with ${refusal} (call limit or call waiting off)`);
      sip.reject(refusal);
      return;
    }
    const live = lifecycle.create({
      sip,
      number: sip.remoteUser,
      name: sip.remoteDisplayName,
      isVideo: readSdpFacts(sip.remoteSdp).video,
      ringing: true,
    });
    sip.ring();
    this.deps.contacts.resolve(live);
  }

  /**
   * Transfer target side (RFC 3891): the INVITE names one of our calls in
   * Replaces, so it is answered at once and the old call ends as `replaced`
   * (sip.js sends its BYE when the new call is accepted).
   */
  private acceptReplacement(sip: SipCall, old: LiveCall): void {
    const oldStatus = old.session.status;
    const live = this.deps.lifecycle.create({
      sip,
      number: sip.remoteUser,
      name: sip.remoteDisplayName,
      isVideo: oldStatus.isVideo,
      ringing: false,
      status: { isRing: false },
    });
    old.endCause = CallEndCause.REPLACED;
    this.deps.contacts.resolve(live);
    void this.answer(live.callId, { video: oldStatus.isVideo }).then((outcome) => {
      if (outcome.code !== PHONE_OK.code) {
        old.endCause = null;
        this.deps.ctx.logger.warn(`could not take over call ${old.callId}: ${outcome.message}`);
        this.terminate(live.callId, 'reject');
      }
    });
  }

  /** `answer(callId, options)`: opens media and sends 200 OK. A media error keeps the call ringing. */
  async answer(callId: string, options?: CallOptions): Promise<Result> {
    const live = this.deps.registry.get(callId);
    if (!live) return result('NOT_FOUND_CALL_ID', String(callId));
    const status = this.deps.registry.record(callId)?.status;
    if (live.sip.direction !== 'inbound' || status?.callStatus !== 'ringing' || live.answering) {
      return result('UNKNOWN_ERROR', 'the call is not an incoming call waiting for an answer');
    }
    live.answering = true;
    try {
      const opened = await this.deps.media.open(options ?? { video: status.isVideo });
      if (!opened.ok) return opened.error;
      if (this.deps.registry.get(callId) !== live) {
        stopStream(opened.media.stream);
        return result('UNKNOWN_ERROR', 'the call ended before it was answered');
      }
      live.localStream = opened.media.stream;
      await live.sip.accept({ constraints: opened.media.constraints, webphoneLocalStream: opened.media.stream });
      return { ...PHONE_OK, callId };
    } catch (error) {
      return result('UNKNOWN_ERROR', `answer failed: ${describe(error)}`);
    } finally {
      live.answering = false;
    }
  }

  /** `reject(callId)`: 486 Busy Here to a ringing inbound call. */
  reject(callId: string): boolean {
    const live = this.deps.registry.get(callId);
    if (!live || live.sip.direction !== 'inbound' || live.sip.isEstablished) return false;
    if (!live.sip.reject(486)) return false;
    this.deps.lifecycle.end(live, { kind: 'failed', cause: CallEndCause.REJECTED, code: 486 });
    return true;
  }

  /** `hangup(callId)`: CANCEL before an answer, BYE after; a ringing inbound call is rejected. */
  hangup(callId: string): boolean {
    const live = this.deps.registry.get(callId);
    if (!live) return false;
    if (live.sip.direction === 'inbound' && !live.sip.isEstablished) return this.reject(callId);
    const established = live.sip.isEstablished;
    if (!live.sip.terminate()) return false;
    this.deps.lifecycle.end(
      live,
      established ? { kind: 'ended', cause: CallEndCause.HANGUP } : { kind: 'failed', cause: CallEndCause.CANCELED, code: 487 },
    );
    return true;
  }

  /** `terminate(callId, type)`: `'reject'` rejects, anything else hangs up in whatever way the call's state needs. */
  terminate(callId: string, kind: TerminateType = 'terminate'): boolean {
    switch (kind) {
      case 'reject':
        return this.reject(callId);
      case 'hangup':
      case 'terminate':
        return this.hangup(callId);
      default:
        kind satisfies never;
        return false;
    }
  }

  /** Ends every call (destroy): CANCEL, 480 or BYE as each call needs. */
  endAll(): void {
    this.destroyed = true;
    for (const live of this.deps.registry.list()) {
      const established = live.sip.isEstablished;
      live.sip.terminate(480);
      live.endCause ??= CallEndCause.TERMINATED;
      this.deps.lifecycle.end(live, established ? { kind: 'ended', cause: CallEndCause.TERMINATED } : { kind: 'failed', cause: CallEndCause.TERMINATED, code: 487 });
    }
  }
}
