import { errorMessage } from './errors.js';
import { CallFeature } from './call-feature.js';
import type { LiveCall } from './live-call.js';
import { readSdpFacts } from './media/sdp-facts.js';
import { dtmfRelayBody } from './sip/info-parsers.js';

/** The most digits one `dtmf()` call sends (each may be one INFO); a longer string is refused. */
export const MAX_DTMF_DIGITS = 32;

/** A DTMF string: 1 to {@link MAX_DTMF_DIGITS} digits (RFC 4733 §3.2 events 0–15). */
export const DTMF_DIGITS = /^[0-9*#A-D]{1,32}$/i;

/**
 * Sends DTMF: RFC 4733 through the media layer when configured and the far
 * end offered `telephone-event`, otherwise SIP INFO `application/dtmf-relay`,
 * one INFO per digit, in order.
 */
export class DtmfSender extends CallFeature {
  /** Each call's INFO queue, so digits sent in several calls to `send` go out in order. */
  readonly #queues = new WeakMap<LiveCall, Promise<void>>();

  /** `dtmf(callId, digits)`: false for an unknown or not talking call, digits outside `0-9*#A-D`, or more than {@link MAX_DTMF_DIGITS}. */
  send(callId: string, digits: string): boolean {
    const live = this.talking(callId);
    if (!live || typeof digits !== 'string' || !DTMF_DIGITS.test(digits)) return false;
    const tones = digits.toUpperCase();
    if (this.ctx.config.dtmfMethod === 'rfc4733' && readSdpFacts(live.sip.remoteSdp).telephoneEvent) {
      try {
        if (live.sip.media?.sendDtmf(tones)) return true;
      } catch (error) {
        this.ctx.logger.warn(`RFC 4733 failed, using INFO: ${errorMessage(error)}`);
      }
    }
    const queue = (this.#queues.get(live) ?? Promise.resolve()).then(async () => {
      for (const digit of tones) {
        if (!this.isLive(live)) return;
        const outcome = await live.sip.info([], { contentType: 'application/dtmf-relay', content: dtmfRelayBody(digit) });
        if (!outcome.ok) return this.report(live, `DTMF "${digit}" refused: ${outcome.statusCode} ${outcome.reason}`.trim());
      }
    });
    this.#queues.set(live, queue);
    return true;
  }
}
