import { CallFeature } from './call-feature.js';
import { applyMicrophone } from './call-microphone.js';
import type { LiveCall } from './live-call.js';
import { outcome as requestOutcome, type RequestOutcome, type VideoChange } from './sip/call-signal.js';

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

/** Answers after which the far end may take the same re-INVITE later: it or the path to it was unavailable for a moment. */
const TRANSIENT = new Set([0, 408, 477, 480, 500, 502, 503, 504]);

/**
 * How long to wait before re-sending a refused re-INVITE, or `null` to give up.
 *
 * @remarks
 * - 491 Request Pending (glare): RFC 3261 §14.1 — the owner of the Call-ID
 *   (the caller) waits 2.1–4 s, the other side 0–2 s, so the two retries do
 *   not collide again.
 * - 500/503 with Retry-After: the peer is still processing the previous
 *   offer/answer or the ACK (RFC 3261 §14.2, RFC 6337 §4.3); wait as asked
 *   (capped at {@link MAX_RETRY_AFTER_MS}).
 * - sip.js's own "re-INVITE in progress" or "ongoing re-INVITE server
 *   transaction" (no status: this side's or the far end's re-INVITE is not
 *   finished yet): retry shortly.
 * - Other transient answers (408, 480, 5xx, no answer): the far end or the
 *   route to it was away for a moment, as when it is itself reconnecting;
 *   retry after 0.5–1 s, doubling each time up to 8 s.
 *
 * `maxAttempts` bounds the attempts (a call being recovered has no count
 * limit: its recovery bound ends it instead).
 */
export function reinviteRetryDelay(
  outcome: RequestOutcome,
  attempt: number,
  ownsCallId: boolean,
  random: () => number = Math.random,
  maxAttempts = MAX_REINVITE_ATTEMPTS,
): number | null {
  const { statusCode, retryAfterMs } = outcome;
  if (attempt >= maxAttempts) return null;
  if (statusCode === 491) return Math.round(ownsCallId ? 2100 + random() * 1900 : random() * 2000);
  if ((statusCode === 500 || statusCode === 503) && retryAfterMs !== null) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  if (statusCode === 0 && /in progress|ongoing re-INVITE/i.test(outcome.reason)) return 200;
  if (!TRANSIENT.has(statusCode) || (statusCode === 0 && !/connection|transport|closed/i.test(outcome.reason))) return null;
  return Math.round(Math.min(4000, 500 * 2 ** Math.min(attempt - 1, 3)) * (1 + random()));
}

/** What a call's re-INVITE loop works towards. */
interface OfferGoal {
  /** The hold state wanted. */
  hold: boolean;
  /** A re-INVITE is owed whatever the hold state: the connection came back and the far end must learn the new route. */
  refresh: boolean;
  /** The next offer restarts ICE (the local network may have changed). */
  iceRestart: boolean;
  /** Wakes the loop while it waits for the connection to come back. */
  wake?: () => void;
  /** A video change to offer, and who waits for the far end's final answer to it. */
  video: VideoWish | null;
}

/** A video change waiting to be offered. */
interface VideoWish {
  readonly change: VideoChange;
  readonly settle: (outcome: RequestOutcome) => void;
}

/**
 * Hold, unhold and the re-INVITE that recovers a call after a connection
 * loss: every offer the phone makes in an established call.
 *
 * @remarks
 * `isHold` changes only when the far end accepted the re-INVITE; a refused
 * one is rolled back and leaves it as it was (transient failures are retried
 * first), then emits `clientError`. Requests made while a re-INVITE is under
 * way are merged: the last wish wins, and `pendingHold` shows it until the
 * far end accepts. A hold asked for between answer and ACK waits for the ACK
 * (RFC 5407 §3.1.5); one asked for while the call is recovering waits for
 * the connection and travels in the recovery re-INVITE, so a held call stays
 * held and a hold pressed during an outage is not lost.
 */
export class HoldController extends CallFeature {
  /** The goal of each call whose re-INVITE loop is running. */
  readonly #goals = new Map<LiveCall, OfferGoal>();

  /** Asks for hold (`true`) or unhold (`false`); false for an unknown or not yet answered call. */
  request(callId: string, hold: boolean): boolean {
    const live = this.registry.get(callId);
    const callStatus = this.registry.record(callId)?.status.callStatus;
    if (live && callStatus === 'connecting') {
      live.onConfirmed.push(() => this.request(callId, hold));
      return true;
    }
    if (!live || callStatus !== 'talking') return false;
    applyMicrophone(live, this.registry.record(callId)?.status, hold);
    if (!this.#goals.has(live) && this.registry.record(callId)?.status.isHold === hold) return true;
    this.#goal(live).hold = hold;
    this.lifecycle.update(live, { rest: { pendingHold: hold } });
    return true;
  }

  /**
   * The connection is back: sends `live` a re-INVITE (with its wanted hold
   * state) so the far end learns the new route, restarting ICE when asked.
   * `isRecovering` is cleared when the far end answers.
   */
  refresh(live: LiveCall, iceRestart: boolean): void {
    const goal = this.#goal(live);
    goal.refresh = true;
    goal.iceRestart ||= iceRestart;
    goal.wake?.();
  }

  /**
   * Offers `change` to the far end in a re-INVITE of this loop (so glare,
   * Retry-After and the wait for the ACK or for a lost connection apply as
   * for hold), keeping the wanted hold state. Resolves with the re-INVITE's
   * final outcome; one video change at a time.
   */
  changeVideo(live: LiveCall, change: VideoChange): Promise<RequestOutcome> {
    return new Promise((settle) => {
      if (!this.isLive(live)) return settle(requestOutcome(false, 0, 'call ended'));
      const goal = this.#goal(live);
      if (goal.video) return settle(requestOutcome(false, 0, 'a video change is under way'));
      goal.video = { change, settle };
    });
  }

  /** The goal of `live`'s loop, starting the loop if it is not running. */
  #goal(live: LiveCall): OfferGoal {
    let goal = this.#goals.get(live);
    if (!goal) {
      goal = { hold: this.registry.record(live.callId)?.status.isHold ?? false, refresh: false, iceRestart: false, video: null };
      this.#goals.set(live, goal);
      void this.#run(live, goal);
    }
    return goal;
  }

  async #run(live: LiveCall, goal: OfferGoal): Promise<void> {
    const { callId, sip } = live;
    const outbound = sip.direction === 'outbound';
    let attempt = 0;
    // Let the caller of this method finish its update first; a caller then lets the ACK settle (see ACK_SETTLE_MS).
    let delay: number | null = Math.max(0, outbound ? (this.registry.record(callId)?.timestamps.answeredAt ?? 0) + ACK_SETTLE_MS - this.ctx.now() : 0);
    try {
      while (delay !== null) {
        await this.#wait(live, delay);
        const status = this.registry.record(callId)?.status;
        if (!status || !this.isLive(live) || (!goal.refresh && !goal.video && goal.hold === status.isHold)) break;
        if (status.isRecovering && !goal.refresh) {
          // The connection is down: this wish goes out with the recovery re-INVITE.
          await new Promise<void>((resolve) => this.#untilEnd(live, resolve, (wake) => (goal.wake = wake)));
          goal.wake = undefined;
          delay = 0;
          continue;
        }
        const { hold, refresh, video } = goal;
        const outcome = await sip.reinvite(hold, { iceRestart: goal.iceRestart, video: video?.change });
        if (!this.isLive(live)) break;
        if (outcome.ok || (refresh && !TRANSIENT.has(outcome.statusCode) && outcome.statusCode !== 481 && outcome.statusCode !== 491)) {
          // Any answer but these shows the route works again, even a refusal of the offer.
          if (refresh) this.#recovered(live, goal);
          if (video) this.#settleVideo(goal, outcome);
          if (outcome.ok) this.#applied(live, hold, goal.hold === hold);
          else this.report(live, `recovery re-INVITE refused: ${outcome.statusCode} ${outcome.reason}`.trim());
          attempt = delay = 0;
          continue;
        }
        if (outcome.statusCode === 481) {
          // The far end no longer knows the call (RFC 3261 §12.2.1.2): it ended while this phone could not hear.
          this.ctx.logger.warn(`call ${callId}: re-INVITE answered 481, the far end has no such call`);
          this.lifecycle.hangUp(live, 'connection-lost');
          break;
        }
        const recovering = this.registry.record(callId)?.status.isRecovering === true;
        // Lost while this re-INVITE was under way: wait for the connection (loop top).
        if (recovering && !goal.refresh) {
          delay = 0;
          continue;
        }
        delay = reinviteRetryDelay(outcome, ++attempt, outbound, Math.random, recovering ? Infinity : MAX_REINVITE_ATTEMPTS);
        // A refused video change is reported by its own result; the hold state it carried did not change.
        if (delay === null && video) this.#settleVideo(goal, outcome);
        else if (delay === null) this.report(live, `${hold ? 'hold' : 'unhold'} failed: ${outcome.statusCode} ${outcome.reason}`.trim());
        else this.ctx.logger.info(`call ${callId}: re-INVITE ${outcome.statusCode} ${outcome.reason}, retry in ${delay} ms`);
      }
    } finally {
      this.#settleVideo(goal, requestOutcome(false, 0, 'call ended'));
      this.#goals.delete(live);
      if (this.isLive(live)) this.lifecycle.update(live, { rest: { pendingHold: null } });
      applyMicrophone(live, this.registry.record(callId)?.status, false);
    }
  }

  /** The far end accepted `hold`: `isHold` and the hold timestamps follow; `settled` (nothing else wanted) clears `pendingHold` with them. */
  #applied(live: LiveCall, hold: boolean, settled: boolean): void {
    const record = this.registry.record(live.callId);
    if (!record || (record.status.isHold === hold && !settled)) return;
    const now = this.ctx.now();
    const { holdStartedAt, heldMs } = record.timestamps;
    if (record.status.isHold === hold) return void this.lifecycle.update(live, { rest: { pendingHold: null } });
    this.lifecycle.update(live, {
      ...(settled && { rest: { pendingHold: null } }),
      status: { isHold: hold },
      timestamps: hold ? { holdStartedAt: now } : { holdStartedAt: 0, heldMs: heldMs + (holdStartedAt > 0 ? now - holdStartedAt : 0) },
    });
  }

  /** Hands `outcome` to whoever waits for the goal's video change, if any. */
  #settleVideo(goal: OfferGoal, outcome: RequestOutcome): void {
    const wish = goal.video;
    goal.video = null;
    wish?.settle(outcome);
  }

  /** The recovery re-INVITE was answered: the call's signalling works again. */
  #recovered(live: LiveCall, goal: OfferGoal): void {
    goal.refresh = goal.iceRestart = false;
    this.ctx.logger.info(`call ${live.callId}: recovered`);
    this.lifecycle.update(live, { status: { isRecovering: false } });
  }

  /** Resolves after `ms`, or at once when the call ends (its cleanup clears the timer). */
  #wait(live: LiveCall, ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = this.#untilEnd(live, () => {
        clearTimeout(timer);
        resolve();
      });
      const timer = setTimeout(done, ms);
    });
  }

  /**
   * Runs `resolve` once: when the returned function is called, or when the
   * call ends. `expose` receives that function (to be called from elsewhere).
   */
  #untilEnd(live: LiveCall, resolve: () => void, expose?: (done: () => void) => void): () => void {
    const done = (): void => {
      live.cleanups.delete(done);
      resolve();
    };
    live.cleanups.add(done);
    expose?.(done);
    return done;
  }
}
