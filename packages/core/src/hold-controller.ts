import { CallFeature } from './call-feature.js';
import { applyMicrophone } from './call-microphone.js';
import type { LiveCall } from './live-call.js';
import type { RequestOutcome } from './sip/call-signal.js';

/** Re-INVITE attempts for one hold/unhold before giving up. */
export const MAX_REINVITE_ATTEMPTS = 4;
/** Longest Retry-After the phone waits for, in ms; a hold button that reacts later than this is useless. */
export const MAX_RETRY_AFTER_MS = 10_000;
/**
 * How long a caller lets its ACK settle before a re-INVITE, in ms.
 *
 * @remarks
 * RFC 5407 §3.1.5: a re-INVITE that overtakes the processing of the ACK is
 * refused with 500 + Retry-After (sip.js picks 1–10 s), so a hold pressed
 * right after the answer would take seconds. Waiting this long first avoids
 * the race in practice; the Retry-After handling stays for when it happens anyway.
 */
export const ACK_SETTLE_MS = 250;

/**
 * How long to wait before re-sending a refused re-INVITE, or `null` to give up.
 *
 * @remarks
 * - 491 Request Pending (glare): RFC 3261 §14.1 — the owner of the Call-ID
 *   (the caller) waits 2.1–4 s, the other side 0–2 s, so the two retries do
 *   not collide again.
 * - 500 with Retry-After: the peer is still processing the previous
 *   offer/answer or the ACK (RFC 3261 §14.2, RFC 6337 §4.3); wait as asked
 *   (capped at {@link MAX_RETRY_AFTER_MS}).
 * - sip.js's own "re-INVITE in progress" (no status): retry shortly.
 */
export function reinviteRetryDelay(outcome: RequestOutcome, attempt: number, ownsCallId: boolean, random: () => number = Math.random): number | null {
  if (attempt >= MAX_REINVITE_ATTEMPTS) return null;
  if (outcome.statusCode === 491) return Math.round(ownsCallId ? 2100 + random() * 1900 : random() * 2000);
  if ((outcome.statusCode === 500 || outcome.statusCode === 503) && outcome.retryAfterMs !== null) return Math.min(outcome.retryAfterMs, MAX_RETRY_AFTER_MS);
  if (outcome.statusCode === 0 && /in progress/i.test(outcome.reason)) return 200;
  return null;
}

/**
 * Hold and unhold by re-INVITE (our side `sendonly` / `sendrecv`,
 * RFC 3264 §8.4).
 *
 * @remarks
 * `isHold` changes only when the far end accepted the re-INVITE; a refused
 * or failed one leaves it as it was and emits `clientError`. Requests made
 * while a re-INVITE is under way are merged: the last wish wins. A hold
 * asked for between answer and ACK waits for the ACK (RFC 5407 §3.1.5).
 */
export class HoldController extends CallFeature {
  /** The wanted hold state of each call whose re-INVITE loop is running. */
  readonly #desired = new Map<LiveCall, boolean>();

  /** Asks for hold (`true`) or unhold (`false`); false for an unknown or not yet answered call. */
  request(callId: string, hold: boolean): boolean {
    const live = this.registry.get(callId);
    const callStatus = this.registry.record(callId)?.status.callStatus;
    if (live && callStatus === 'connecting') {
      live.onConfirmed.push(() => this.request(callId, hold));
      return true;
    }
    if (!live || callStatus !== 'talking') return false;
    const running = this.#desired.has(live);
    this.#desired.set(live, hold);
    applyMicrophone(live, this.registry.record(callId)?.status, hold);
    if (!running) void this.#run(live);
    return true;
  }

  async #run(live: LiveCall): Promise<void> {
    const { callId, sip } = live;
    const outbound = sip.direction === 'outbound';
    let attempt = 0;
    // A caller first lets the ACK settle (see ACK_SETTLE_MS).
    let delay: number | null = outbound ? (this.registry.record(callId)?.timestamps.answeredAt ?? 0) + ACK_SETTLE_MS - this.ctx.now() : 0;
    try {
      while (delay !== null) {
        if (delay > 0) await this.#wait(live, delay);
        const record = this.registry.record(callId);
        const wanted = this.#desired.get(live) === true;
        if (!record || !this.isLive(live) || wanted === record.status.isHold) break;
        const outcome = await sip.reinvite(wanted);
        if (!this.isLive(live)) break;
        if (outcome.ok) {
          const now = this.ctx.now();
          const { holdStartedAt, heldMs } = record.timestamps;
          this.lifecycle.update(live, {
            status: { isHold: wanted },
            timestamps: wanted ? { holdStartedAt: now } : { holdStartedAt: 0, heldMs: heldMs + (holdStartedAt > 0 ? now - holdStartedAt : 0) },
          });
          attempt = delay = 0;
          continue;
        }
        delay = reinviteRetryDelay(outcome, ++attempt, outbound);
        if (delay === null) this.report(live, `${wanted ? 'hold' : 'unhold'} failed: ${outcome.statusCode} ${outcome.reason}`.trim());
        else this.ctx.logger.info(`call ${callId}: re-INVITE ${outcome.statusCode}, retry in ${delay} ms`);
      }
    } finally {
      this.#desired.delete(live);
      applyMicrophone(live, this.registry.record(callId)?.status, false);
    }
  }

  /** Resolves after `ms`, or at once when the call ends (its cleanup clears the timer). */
  #wait(live: LiveCall, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        live.cleanups.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      live.cleanups.add(done);
    });
  }
}
