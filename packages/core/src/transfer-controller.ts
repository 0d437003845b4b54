import { CallFeature } from './call-feature.js';
import type { CallController } from './call-controller.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { TransferState } from './call-status.js';
import type { LiveCall } from './live-call.js';
import { parseDialTarget } from './number.js';
import type { PhoneContext } from './phone-context.js';
import { isSuccess } from './result.js';
import type { IncomingTransfer } from './sip/call-signal.js';
import type { SipTarget } from './sip/sip-target.js';

/** How long a transfer accepted with 202 may go without a final NOTIFY before the call is handed over anyway, in ms. */
export const TRANSFER_NOTIFY_TIMEOUT_MS = 32_000;

/**
 * Transfers by REFER (RFC 3515, RFC 5589), in all three roles.
 *
 * @remarks
 * - Transferor, blind: REFER to the target; the call ends when a NOTIFY
 *   reports a 2xx, and stays (with `clientError`) when the REFER or the
 *   NOTIFY reports a failure. A 202 with no final NOTIFY within
 *   {@link TRANSFER_NOTIFY_TIMEOUT_MS} counts as done (the far end took
 *   responsibility).
 * - Transferor, attended: `call(number, {}, parentId)` holds the parent and
 *   places the consultation; `complete()` sends REFER with Replaces on the
 *   parent, naming the consultation dialog; on success both legs end.
 * - Transferee: a REFER is accepted (202) and the Refer-To target called
 *   (with its Replaces); the old call ends when the new one is answered.
 *   Refer-To must pass the same checks as a dialled number, the call
 *   guards and `allowReferTo` (see {@link TransferController.onRefer}).
 */
export class TransferController extends CallFeature {
  readonly #calls: CallController;

  constructor(ctx: PhoneContext, registry: CallRegistry, lifecycle: CallLifecycle, calls: CallController) {
    super(ctx, registry, lifecycle);
    this.#calls = calls;
  }

  /** `blindTransfer(callId, number)`. */
  blind(callId: string, number: string): boolean {
    const live = this.#idle(callId);
    const parsed = parseDialTarget(number);
    if (!live || !parsed.ok) return false;
    const { target } = parsed;
    this.#setTransfer(live, { status: 'blind-pending', target: target.user });
    this.#refer({ ...target, host: target.host ?? this.ctx.config.domain }, [live]);
    return true;
  }

  /** `attendedTransfer(callId, number)`: the consultation call, reported on the parent when it cannot start. */
  attended(callId: string, number: string): boolean {
    const live = this.#idle(callId);
    const parsed = parseDialTarget(number);
    if (!live || !parsed.ok) return false;
    void this.#calls.call(number, {}, callId).then((outcome) => {
      if (!isSuccess(outcome)) this.#fail(live, `consultation call failed: ${outcome.message}`, parsed.target.user);
    });
    return true;
  }

  /** `completeTransfer(consultCallId)`. */
  complete(consultCallId: string): boolean {
    const consult = this.#established(consultCallId);
    const parentId = this.registry.record(consultCallId)?.status.transferParent?.callId;
    if (!consult || parentId === undefined) return false;
    const parent = this.#established(parentId);
    if (!parent) {
      this.report(consult, 'ATTENDED_PARENT_NOT_FOUND: the held call is gone');
      return false;
    }
    const aor = consult.sip.remoteAor;
    if (!aor.user) return false;
    this.#setTransfer(parent, { status: 'completing', target: aor.user });
    // Refer-To names the target's address of record (not its Contact) so the INVITE with Replaces is routed by the proxy.
    this.#refer(aor, [parent, consult]);
    return true;
  }

  /**
   * A REFER arrived on `live`: we are the transferee.
   *
   * @remarks
   * Refused with 491 while our own transfer of the call runs (or the call
   * is not established), and with 603 when the call guards refuse a new
   * call now — the call limit, or an outgoing call not answered yet, which
   * includes the call of an earlier REFER: REFERs go one at a time — or
   * when the target is not allowed (`allowReferTo`, by default the phone's
   * own domain only).
   */
  onRefer(live: LiveCall, transfer: IncomingTransfer): void {
    const { allowReferTo, domain } = this.ctx.config;
    const { target } = transfer;
    // Our own transfer of this call under way (`#idle` also needs the call established).
    if (!this.#idle(live.callId)) return transfer.reject(491);
    // The guards also refuse while an earlier REFER's call is opening or ringing: REFERs go one at a time.
    // (sip.js gives the Refer-To host in lower case.)
    if (this.#calls.refusal(false) || !(allowReferTo ? allowReferTo(target) : target.host === domain.toLowerCase())) return transfer.reject(603);
    transfer.accept();
    void this.#calls
      .placeOutgoing({
        number: transfer.target.user,
        options: { video: this.registry.record(live.callId)?.status.isVideo ?? false },
        make: () => transfer.follow(),
        onCreated: (next) => {
          next.replacesCallId = live.callId;
        },
      })
      .then((outcome) => {
        if (!isSuccess(outcome)) this.report(live, `transfer call failed: ${outcome.message}`);
      });
  }

  /** A call was answered: if it came from a REFER, the call it takes over ends now. */
  onAccepted(live: LiveCall): void {
    if (live.replacesCallId === null) return;
    const old = this.registry.get(live.replacesCallId);
    live.replacesCallId = null;
    if (old) this.#handOver(old);
  }

  /** A call ended: a consultation that ends leaves its parent free for another transfer. */
  onEnded(live: LiveCall): void {
    for (const other of this.registry.list()) {
      const transfer = this.registry.record(other.callId)?.transfer;
      if (transfer?.status === 'attended-consulting' && transfer.consultCallId === live.callId) this.#setTransfer(other, { status: 'idle' });
    }
  }

  #established(callId: string): LiveCall | undefined {
    const live = this.registry.get(callId);
    return live?.sip.isEstablished ? live : undefined;
  }

  /** The call when it is established and no REFER of it is under way. */
  #idle(callId: string): LiveCall | undefined {
    const status = this.registry.record(callId)?.transfer.status;
    return status === 'blind-pending' || status === 'completing' ? undefined : this.#established(callId);
  }

  /** REFERs `legs[0]` to `target` (with Replaces naming `legs[1]`, the consultation, if any); all legs end or fail together. */
  #refer(target: SipTarget, legs: LiveCall[]): void {
    const [live, consult] = legs;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const clear = (): void => clearTimeout(timer);
    const settle = (ok: boolean, reason: string): void => {
      if (settled) return;
      settled = true;
      clear();
      live.cleanups.delete(clear);
      for (const leg of legs) {
        if (ok) this.#handOver(leg);
        else this.#fail(leg, reason);
      }
    };
    live.cleanups.add(clear);
    // While the transfer runs, however the legs end it is because of the transfer.
    for (const leg of legs) leg.endCause = 'transferred';
    void live.sip
      .refer(target, consult?.sip, (statusCode) => {
        if (statusCode >= 200) settle(statusCode < 300, `transfer target answered ${statusCode}`);
      })
      .then((outcome) => {
        if (!outcome.ok) settle(false, `REFER refused: ${outcome.statusCode} ${outcome.reason}`.trim());
        else if (!settled && this.isLive(live)) timer = setTimeout(settle, TRANSFER_NOTIFY_TIMEOUT_MS, true, '');
      });
  }

  /** Ends a leg as `transferred` (BYE unless the far end already sent one). */
  #handOver(leg: LiveCall): void {
    if (this.isLive(leg)) this.lifecycle.hangUp(leg, (leg.endCause = 'transferred'));
  }

  /** Marks the transfer of `live` failed; `target` names whom it was for when the transfer state does not (yet) say. */
  #fail(live: LiveCall, reason: string, target?: string): void {
    if (!this.isLive(live)) return;
    live.endCause = null;
    const transfer = this.registry.record(live.callId)?.transfer;
    this.#setTransfer(live, { status: 'failed', target: transfer && 'target' in transfer ? transfer.target : (target ?? ''), reason });
    this.report(live, reason);
  }

  #setTransfer(live: LiveCall, transfer: TransferState): void {
    this.lifecycle.update(live, { rest: { transfer } });
  }
}
