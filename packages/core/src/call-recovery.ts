import { CallFeature } from './call-feature.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { HoldController } from './hold-controller.js';
import type { LinkEventMap, LinkOutage } from './link-events.js';
import type { LiveCall } from './live-call.js';
import type { PhoneContext } from './phone-context.js';
import type { TypedEmitter } from './typed-emitter.js';

/** ICE states after which the media path needs new candidates, whatever the signalling says. */
const BROKEN_ICE = new Set(['disconnected', 'failed']);

/**
 * Keeps calls through a loss of the signalling connection.
 *
 * @remarks
 * When a registered phone loses its connection, its calls are not ended:
 * each is marked `isRecovering`, requests still waiting on the dead socket
 * are failed at once, and a deadline (`reconnect.callRecoveryMs`) starts.
 * Once the phone is connected and registered again:
 * - an established call gets a re-INVITE on the new connection (RFC 3261
 *   §14), which tells the far end the new route; it restarts ICE when the
 *   browser reported `online` during the loss or the media path broke. Its
 *   answer ends the recovery; 481 ends the call (`connection-lost`);
 *   transient failures (408, 480, 5xx: the far end may be reconnecting
 *   too) are retried until the deadline;
 * - an outgoing call not answered yet is cancelled and ends
 *   `connection-lost`: the answer to its INVITE would go to the lost
 *   connection;
 * - a ringing or answering incoming call just carries on.
 *
 * A call still recovering at the deadline ends locally with `connection-lost`.
 */
export class CallRecovery extends CallFeature {
  /** The deadline of each call's current recovery. */
  readonly #deadlines = new Map<LiveCall, ReturnType<typeof setTimeout>>();
  readonly #holds: HoldController;

  constructor(ctx: PhoneContext, registry: CallRegistry, lifecycle: CallLifecycle, holds: HoldController, link: TypedEmitter<LinkEventMap>) {
    super(ctx, registry, lifecycle);
    this.#holds = holds;
    link.on('lost', (outage) => this.#lost(outage));
    link.on('recovered', (outage) => this.#recovered(outage));
  }

  #lost(outage: LinkOutage): void {
    const bound = this.ctx.config.reconnect.callRecoveryMs;
    for (const live of this.registry.list()) {
      live.sip.abortRequests();
      if (this.registry.record(live.callId)?.status.isRecovering) continue; // lost again while recovering: same deadline
      if (bound === 0) {
        this.lifecycle.hangUp(live, 'connection-lost');
        continue;
      }
      this.ctx.logger.info(`call ${live.callId}: connection lost (${outage.reason}), recovering`);
      this.lifecycle.update(live, { status: { isRecovering: true } });
      if (!this.#deadlines.has(live)) {
        live.cleanups.add(() => {
          clearTimeout(this.#deadlines.get(live));
          this.#deadlines.delete(live);
        });
      }
      clearTimeout(this.#deadlines.get(live));
      this.#deadlines.set(
        live,
        setTimeout(() => this.#expire(live), bound),
      );
    }
  }

  #recovered(outage: LinkOutage): void {
    for (const live of this.registry.list()) {
      const status = this.registry.record(live.callId)?.status;
      if (!status?.isRecovering) continue;
      if (status.callStatus === 'talking') {
        const iceState = (live.sip.media?.peerConnection as { iceConnectionState?: string } | undefined)?.iceConnectionState;
        this.#holds.refresh(live, outage.networkChanged || BROKEN_ICE.has(iceState ?? ''));
      } else if (status.callStatus === 'calling') {
        this.lifecycle.hangUp(live, 'connection-lost');
      } else {
        this.lifecycle.update(live, { status: { isRecovering: false } });
      }
    }
  }

  /** The deadline passed: a call still recovering ends here. */
  #expire(live: LiveCall): void {
    if (!this.isLive(live) || !this.registry.record(live.callId)?.status.isRecovering) return;
    this.ctx.logger.warn(`call ${live.callId}: not recovered within ${this.ctx.config.reconnect.callRecoveryMs} ms`);
    this.lifecycle.hangUp(live, 'connection-lost');
  }
}
