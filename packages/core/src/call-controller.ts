import { scheduleAutoAnswer } from './auto-answerer.js';
import { checkCustomHeaders } from './call-headers.js';
import { checkIncoming, checkOutgoing } from './call-guards.js';
import { applyMicrophone } from './call-microphone.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { CallStatus } from './call-status.js';
import type { ContactResolver } from './contact-resolver.js';
import type { HoldController } from './hold-controller.js';
import type { LiveCall } from './live-call.js';
import { readSdpFacts } from './media/sdp-facts.js';
import { stopStream, type OpenMediaResult } from './media/user-media.js';
import { parseDialTarget } from './number.js';
import type { CallOptions } from './phone-api.js';
import type { PhoneContext } from './phone-context.js';
import { PHONE_OK, result, type Result } from './result.js';
import { errorMessage } from './errors.js';
import type { CallSignal } from './sip/call-signal.js';
import type { SipTarget } from './sip/sip-target.js';
import { wireText } from './wire-text.js';

const NOT_CONNECTED = 'not connected';

/** Collaborators of the call controller. */
export interface CallControllerDeps {
  readonly ctx: PhoneContext;
  readonly registry: CallRegistry;
  readonly lifecycle: CallLifecycle;
  /** Opens the local media of a call (see `openCallMedia`). */
  openMedia(options: CallOptions | undefined): Promise<OpenMediaResult>;
  readonly contacts: ContactResolver;
  /** Holds the parent of an attended transfer. */
  readonly holds: HoldController;
  /** Creates the signalling of an outgoing call to `target` with the checked header lines `headers`, or `null` while not connected. */
  dial(target: SipTarget, headers: readonly string[]): CallSignal | null;
}

/** What an outgoing call starts with, beyond the number. */
interface OutgoingSpec {
  readonly number: string;
  readonly options: CallOptions | undefined;
  readonly status?: Partial<CallStatus>;
  readonly make: () => CallSignal;
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
  #lastOutgoingAt = 0;
  #openingOutgoing = 0;
  #destroyed = false;

  readonly #deps: CallControllerDeps;

  constructor(deps: CallControllerDeps) {
    this.#deps = deps;
  }

  /** `call(number, options, transferId)` of the contract. */
  async call(number: string, options?: CallOptions, transferId?: string): Promise<Result> {
    const { ctx, registry } = this.#deps;
    if (this.#destroyed) return result('UNKNOWN_ERROR', 'phone destroyed');
    const parsed = parseDialTarget(number);
    if (!parsed.ok) return result('INVALID_NUMBER', parsed.reason);
    const headers = checkCustomHeaders(options?.headers);
    if (!headers.ok) return result('INVALID_HEADER', headers.reason);
    const parent = transferId === undefined ? undefined : registry.get(transferId);
    if (transferId !== undefined && !parent?.sip.isEstablished) {
      return result('ATTENDED_PARENT_NOT_FOUND', parent ? 'not established' : `no call ${String(transferId)}`);
    }
    // A consultation leg is a deliberate second step, not a double click: the rate limit does not apply to it.
    const refused = this.refusal(!parent);
    if (refused) return refused;
    if (ctx.getState().transport !== 'connected') return result('UNKNOWN_ERROR', NOT_CONNECTED);
    this.#lastOutgoingAt = ctx.now();

    const { user, host, port } = parsed.target;
    let status: Partial<CallStatus> | undefined;
    if (parent) {
      const { callId, session } = parent;
      const { name, avatar, number: parentNumber } = session.status;
      const { callDuration, holdDuration } = session.timer;
      status = { isTransfer: true, transferParent: { callId, name, avatar, number: parentNumber, callDuration, holdDuration } };
      // The parent is held first (RFC 5589 §7.1); the consultation does not wait for the re-INVITE's answer.
      this.#deps.holds.request(callId, true);
    }
    return this.placeOutgoing({
      number: user,
      options,
      status,
      make: () => {
        const signal = this.#deps.dial({ user, host: host ?? ctx.config.domain, port }, headers.lines);
        if (!signal) throw new Error(NOT_CONNECTED);
        return signal;
      },
      onCreated: (live) => {
        if (parent) this.#deps.lifecycle.update(parent, { rest: { transfer: { status: 'attended-consulting', consultCallId: live.callId, target: user } } });
      },
    });
  }

  /** Why an outgoing call may not start now (the guards of `checkOutgoing`), or `null`; `rated` applies the rate limit. */
  refusal(rated: boolean): Result | null {
    const { ctx, registry } = this.#deps;
    return checkOutgoing({
      callCount: registry.size + this.#openingOutgoing,
      maxConcurrentCalls: ctx.config.maxConcurrentCalls,
      hasUnansweredOutgoing: this.#openingOutgoing > 0 || Object.values(ctx.getState().calls).some((record) => record.status.callStatus === 'calling'),
      lastOutgoingAt: rated ? this.#lastOutgoingAt : 0,
      now: ctx.now(),
    });
  }

  /**
   * Opens media, creates the call and sends the INVITE. Used for `call()`
   * and for the call a received REFER asks for (both checked with
   * {@link CallController.refusal} first).
   */
  async placeOutgoing(spec: OutgoingSpec): Promise<Result> {
    this.#openingOutgoing += 1;
    let opened;
    try {
      opened = await this.#deps.openMedia(spec.options);
    } finally {
      this.#openingOutgoing -= 1;
    }
    if (!opened.ok) return opened.error;
    const { stream, constraints } = opened.media;
    let sip: CallSignal;
    try {
      if (this.#destroyed) throw new Error('phone destroyed');
      sip = spec.make();
    } catch (error) {
      stopStream(stream);
      return result('UNKNOWN_ERROR', errorMessage(error));
    }
    const live = this.#deps.lifecycle.create({
      sip,
      number: spec.number,
      isVideo: Boolean(spec.options?.video),
      ringing: false,
      localStream: stream,
      status: spec.status,
    });
    spec.onCreated?.(live);
    this.#deps.contacts.resolve(live);
    try {
      await sip.open({ constraints, webphoneLocalStream: stream });
    } catch (error) {
      this.#deps.lifecycle.end(live, 'failed', 0);
      return result('UNKNOWN_ERROR', `INVITE not sent: ${errorMessage(error)}`);
    }
    return { ...PHONE_OK, callId: live.callId };
  }

  /**
   * An INVITE arrived: refuse it silently, let it ring, or let it replace a call (RFC 3891).
   *
   * @remarks
   * Only an established call or an outbound call still ringing may be
   * replaced; a Replaces naming an inbound call that rings (an early dialog
   * this phone did not start) is answered 481 (RFC 3891 §3).
   */
  incoming(sip: CallSignal): void {
    const { ctx, registry, lifecycle } = this.#deps;
    const replaced = sip.replaces;
    const old = replaced && registry.list().find((live) => live.sip === replaced && (replaced.isEstablished || replaced.direction === 'outbound'));
    const number = wireText(sip.remoteAor.user);
    const name = wireText(sip.remoteDisplayName);
    if (this.#destroyed || (replaced && !old)) {
      sip.reject(this.#destroyed ? 480 : 481);
      return;
    }
    // A Replaces that matches a call of ours completes a transfer: neither do-not-disturb nor the limits apply to it.
    const { config } = ctx;
    const refusal = old
      ? null
      : checkIncoming({
          callCount: registry.size,
          maxConcurrentCalls: config.maxConcurrentCalls,
          disableCallWaiting: config.disableCallWaiting,
          doNotDisturb: ctx.getState().doNotDisturb,
          dndResponseCode: config.dndResponseCode,
        });
    if (refusal) {
      ctx.logger.info(`${refusal.code} to ${number} (${refusal.reason})`);
      sip.reject(refusal.code);
      ctx.emit('incomingRefused', { number, name, ...refusal });
      return;
    }
    const isVideo = old ? old.session.status.isVideo : readSdpFacts(sip.remoteSdp).video;
    const live = lifecycle.create({ sip, number, name, isVideo, ringing: !old, status: old ? { isRing: false } : undefined });
    if (!old) sip.ring();
    this.#deps.contacts.resolve(live);
    if (!old) {
      scheduleAutoAnswer({ ctx, registry, lifecycle, answer: (callId, options) => this.answer(callId, options) }, live);
      return;
    }
    // The old call ends as `replaced` once this one is answered (sip.js sends its BYE then).
    old.endCause = 'replaced';
    void this.answer(live.callId, { video: isVideo }).then((outcome) => {
      if (outcome.code !== PHONE_OK.code) {
        old.endCause = null;
        ctx.logger.warn(`takeover of ${old.callId} failed: ${outcome.message}`);
        this.reject(live.callId);
        // sip.js sends BYE to a replaced call only when it is confirmed (and then ends it here at once): an outbound call still ringing is cancelled.
      } else lifecycle.hangUp(old, 'replaced');
    });
  }

  /** `answer(callId, options)`: opens media and sends 200 OK. A media error keeps the call ringing. */
  async answer(callId: string, options?: CallOptions): Promise<Result> {
    const registry = this.#deps.registry;
    const live = registry.get(callId);
    if (!live) return result('NOT_FOUND_CALL_ID', String(callId));
    const status = registry.record(callId)?.status;
    // Only an inbound call rings.
    if (status?.callStatus !== 'ringing' || live.answering) {
      return result('UNKNOWN_ERROR', 'not a ringing incoming call');
    }
    live.answering = true;
    try {
      // Video as offered unless the app says otherwise; declined, the offer's video stream is answered with port 0.
      const video = status.isVideo ? (options?.video ?? true) : false;
      const opened = await this.#deps.openMedia({ ...options, video });
      if (!opened.ok) return opened.error;
      const { stream, constraints } = opened.media;
      if (registry.get(callId) !== live) {
        stopStream(stream);
        return result('UNKNOWN_ERROR', 'ended during answer');
      }
      live.localStream = stream;
      await live.sip.open({ constraints, webphoneLocalStream: stream, webphoneDeclineVideo: video === false });
      return { ...PHONE_OK, callId };
    } catch (error) {
      return result('UNKNOWN_ERROR', `answer failed: ${errorMessage(error)}`);
    } finally {
      live.answering = false;
    }
  }

  /** `reject(callId)`: 486 Busy Here to a ringing inbound call. */
  reject(callId: string): boolean {
    const live = this.#deps.registry.get(callId);
    // The signalling refuses to reject anything but an inbound call not answered yet.
    if (!live || !live.sip.reject(486)) return false;
    this.#deps.lifecycle.end(live, 'rejected', 486);
    return true;
  }

  /** `hangup(callId)`: CANCEL before an answer, BYE after; a ringing inbound call is rejected. */
  hangup(callId: string): boolean {
    const live = this.#deps.registry.get(callId);
    if (!live) return false;
    if (!this.reject(callId)) this.#deps.lifecycle.hangUp(live, 'hangup', 'canceled');
    return true;
  }

  /** Mute (`true`) or unmute: the local audio tracks are disabled/enabled (unmute leaves a held call silent); no signalling. */
  mute(callId: string, muted: boolean): boolean {
    const live = this.#deps.registry.get(callId);
    if (!live) return false;
    applyMicrophone(live, { ...this.#deps.registry.record(callId)?.status, isMute: muted });
    this.#deps.lifecycle.update(live, { status: { isMute: muted } });
    return true;
  }

  /** Ends every call (`destroy()`, `disconnect()`, `reRegister()`): CANCEL, 480 or BYE as each call needs; `destroy` refuses calls from then on. */
  endAll(destroy: boolean): void {
    this.#destroyed ||= destroy;
    for (const live of this.#deps.registry.list()) this.#deps.lifecycle.hangUp(live, 'terminated');
  }
}
