import { CallEndCause } from './call-causes.js';
import type { CallController } from './call-controller.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { TransferState } from './call-status.js';
import type { LiveCall } from './live-call.js';
import { parseDialTarget } from './number.js';
import type { PhoneContext } from './phone-context.js';
import { isSuccess } from './result.js';
import type { IncomingTransfer, RequestOutcome } from './sip/sip-call.js';
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
 *   Refer-To must pass the same checks as a dialled number.
 */
export class TransferController {
  constructor(
    private readonly ctx: PhoneContext,
    private readonly registry: CallRegistry,
    private readonly lifecycle: CallLifecycle,
    private readonly calls: CallController,
  ) {}

  /** `blindTransfer(callId, number)`. */
  blind(callId: string, number: string): boolean {
    const live = this.registry.get(callId);
    const parsed = parseDialTarget(number);
    if (!live || !live.sip.isEstablished || !parsed.ok || this.busy(callId)) return false;
    const target: SipTarget = { user: parsed.target.user, host: parsed.target.host ?? this.ctx.config.domain, port: parsed.target.port };
    this.setTransfer(live, { status: 'blind-pending', target: target.user });
    this.refer(live, target, undefined, [live]);
    return true;
  }

  /** `attendedTransfer(callId, number)`: the consultation call, reported on the parent when it cannot start. */
  attended(callId: string, number: string): boolean {
    const live = this.registry.get(callId);
    if (!live || !live.sip.isEstablished || !parseDialTarget(number).ok || this.busy(callId)) return false;
    void this.calls.call(number, {}, callId).then((outcome) => {
      if (!isSuccess(outcome)) this.fail(live, `consultation call failed: ${outcome.message}`);
    });
    return true;
  }

  /** `completeTransfer(consultCallId)`. */
  complete(consultCallId: string): boolean {
    const consult = this.registry.get(consultCallId);
    const parentId = this.registry.record(consultCallId)?.status.transferParent?.callId;
    if (!consult || !consult.sip.isEstablished || parentId === undefined) return false;
    const parent = this.registry.get(parentId);
    if (!parent || !parent.sip.isEstablished) {
      consult.session.emit('clientError', { callId: consultCallId, cause: 'ATTENDED_PARENT_NOT_FOUND: the call to transfer is gone' });
      return false;
    }
    const aor = consult.sip.remoteAor;
    if (!aor.user) return false;
    this.setTransfer(parent, { status: 'completing', target: aor.user });
    // Refer-To names the target's address of record (not its Contact) so the INVITE with Replaces is routed by the proxy.
    this.refer(parent, aor, consult, [parent, consult]);
    return true;
  }

  /** A REFER arrived on `live`: we are the transferee. */
  onRefer(live: LiveCall, transfer: IncomingTransfer): void {
    if (!live.sip.isEstablished) {
      transfer.reject(603);
      return;
    }
    transfer.accept();
    void this.calls
      .placeOutgoing({
        number: transfer.target.user,
        options: { video: this.registry.record(live.callId)?.status.isVideo ?? false },
        make: () => transfer.follow(),
        onCreated: (next) => {
          next.replacesCallId = live.callId;
        },
      })
      .then((outcome) => {
        if (!isSuccess(outcome)) live.session.emit('clientError', { callId: live.callId, cause: `transfer call failed: ${outcome.message}` });
      });
  }

  /** A call was answered: if it came from a REFER, the call it takes over ends now. */
  onAccepted(live: LiveCall): void {
    if (live.replacesCallId === null) return;
    const old = this.registry.get(live.replacesCallId);
    live.replacesCallId = null;
    if (old) this.handOver(old);
  }

  /** A call ended: a consultation that ends leaves its parent free for another transfer. */
  onEnded(live: LiveCall): void {
    for (const other of this.registry.list()) {
      const transfer = this.registry.record(other.callId)?.transfer;
      if (transfer?.status === 'attended-consulting' && transfer.consultCallId === live.callId) this.setTransfer(other, { status: 'idle' });
    }
  }

  private busy(callId: string): boolean {
    const status = this.registry.record(callId)?.transfer.status;
    return status === 'blind-pending' || status === 'completing';
  }

  private refer(live: LiveCall, target: SipTarget, consult: LiveCall | undefined, legs: LiveCall[]): void {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const clear = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    live.cleanups.add(clear);
    const settle = (ok: boolean, reason: string): void => {
      if (settled) return;
      settled = true;
      clear();
      live.cleanups.delete(clear);
      if (ok) for (const leg of legs) this.handOver(leg);
      else for (const leg of legs) this.fail(leg, reason);
    };
    for (const leg of legs) leg.endCause = null;
    void live.sip
      .refer(target, consult?.sip, (statusCode) => {
        if (statusCode >= 200) settle(statusCode < 300, `transfer target answered ${statusCode}`);
      })
      .then((outcome: RequestOutcome) => {
        if (!outcome.ok) {
          settle(false, `REFER refused: ${outcome.statusCode} ${outcome.reason}`.trim());
          return;
        }
        if (!settled && this.registry.get(live.callId) === live) timer = setTimeout(() => settle(true, ''), TRANSFER_NOTIFY_TIMEOUT_MS);
      });
    // While the transfer runs, however the legs end it is because of the transfer.
    for (const leg of legs) leg.endCause = CallEndCause.TRANSFERRED;
  }

  /** Ends a leg as `transferred` (BYE unless the far end already sent one). */
  private handOver(leg: LiveCall): void {
    if (this.registry.get(leg.callId) !== leg) return;
    leg.endCause = CallEndCause.TRANSFERRED;
    const established = leg.sip.isEstablished;
    leg.sip.terminate();
    this.lifecycle.end(leg, established ? { kind: 'ended', cause: CallEndCause.TRANSFERRED } : { kind: 'failed', cause: CallEndCause.TRANSFERRED, code: 487 });
  }

  private fail(live: LiveCall, reason: string): void {
    if (this.registry.get(live.callId) !== live) return;
    live.endCause = null;
    const target = this.registry.record(live.callId)?.transfer;
    this.setTransfer(live, { status: 'failed', target: target && 'target' in target ? target.target : '', reason });
    this.ctx.logger.warn(`call ${live.callId}: ${reason}`);
    live.session.emit('clientError', { callId: live.callId, cause: reason });
  }

  private setTransfer(live: LiveCall, transfer: TransferState): void {
    this.lifecycle.update(live, { rest: { transfer } });
  }
}
