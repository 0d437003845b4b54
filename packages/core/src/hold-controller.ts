import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { LiveCall } from './live-call.js';
import type { PhoneContext } from './phone-context.js';
import type { RequestOutcome } from './sip/sip-call.js';

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

interface HoldJob {
  desired: boolean;
  running: boolean;
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
export class HoldController {
  private readonly jobs = new Map<string, HoldJob>();

  constructor(
    private readonly ctx: PhoneContext,
    private readonly registry: CallRegistry,
    private readonly lifecycle: CallLifecycle,
  ) {}

  /** Asks for hold (`true`) or unhold (`false`); false for an unknown or not yet answered call. */
  request(callId: string, hold: boolean): boolean {
    const live = this.registry.get(callId);
    const status = this.registry.record(callId)?.status;
    if (!live || !status) return false;
    if (status.callStatus === 'connecting') {
      live.onConfirmed.push(() => this.request(callId, hold));
      return true;
    }
    if (status.callStatus !== 'talking') return false;
    let job = this.jobs.get(callId);
    if (!job) {
      job = { desired: hold, running: false };
      this.jobs.set(callId, job);
    }
    job.desired = hold;
    if (!job.running) void this.run(live, job);
    return true;
  }

  private isLive(live: LiveCall): boolean {
    return this.registry.get(live.callId) === live;
  }

  private async run(live: LiveCall, job: HoldJob): Promise<void> {
    job.running = true;
    let attempt = 0;
    try {
      const answeredAt = this.registry.record(live.callId)?.timestamps.answeredAt ?? 0;
      const settle = answeredAt + ACK_SETTLE_MS - Date.now();
      if (live.sip.direction === 'outbound' && settle > 0) await this.wait(live, settle);
      while (this.isLive(live)) {
        const held = this.registry.record(live.callId)?.status.isHold ?? false;
        if (held === job.desired) break;
        const wanted = job.desired;
        const outcome = await live.sip.reinvite(wanted);
        if (!this.isLive(live)) break;
        if (outcome.ok) {
          this.apply(live, wanted);
          attempt = 0;
          continue;
        }
        attempt += 1;
        const delay = reinviteRetryDelay(outcome, attempt, live.sip.direction === 'outbound');
        if (delay === null) {
          job.desired = held;
          const cause = `${wanted ? 'hold' : 'unhold'} failed: ${outcome.statusCode || ''} ${outcome.reason}`.replace(/\s+/g, ' ').trim();
          this.ctx.logger.warn(`call ${live.callId}: ${cause}`);
          live.session.emit('clientError', { callId: live.callId, cause });
          break;
        }
        this.ctx.logger.info(`call ${live.callId}: re-INVITE refused (${outcome.statusCode}), retrying in ${delay} ms`);
        await this.wait(live, delay);
      }
    } finally {
      job.running = false;
      if (this.jobs.get(live.callId) === job) this.jobs.delete(live.callId);
    }
  }

  private wait(live: LiveCall, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const cancel = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        live.cleanups.delete(cancel);
        resolve();
      }, ms);
      // The call may end while we wait: its cleanup clears the timer.
      live.cleanups.add(cancel);
    });
  }

  private apply(live: LiveCall, hold: boolean): void {
    const record = this.registry.record(live.callId);
    if (!record) return;
    const now = Date.now();
    const { holdStartedAt, heldMs } = record.timestamps;
    this.lifecycle.update(live, {
      status: { isHold: hold },
      timestamps: hold ? { holdStartedAt: now } : { holdStartedAt: 0, heldMs: heldMs + (holdStartedAt > 0 ? now - holdStartedAt : 0) },
    });
  }
}
