import { errorMessage } from './errors.js';
import { CallFeature } from './call-feature.js';
import type { LiveCall } from './live-call.js';
import { readSdpFacts } from './media/sdp-facts.js';

/** Digits a DTMF string may hold (RFC 4733 §3.2 events 0–15). */
export const DTMF_DIGITS = /^[0-9*#A-D]+$/i;

/** Tone length announced in INFO, in ms. */
export const DTMF_INFO_DURATION_MS = 160;

/** The body of an `application/dtmf-relay` INFO for one digit. */
export function dtmfRelayBody(digit: string): string {
  return `Signal=${digit}\r\nDuration=${DTMF_INFO_DURATION_MS}\r\n`;
}

/**
 * The digits carried by a received INFO, or `null` when it is not DTMF or
 * is malformed.
 *
 * @remarks
 * Understands `application/dtmf-relay` (`Signal=5`, the de-facto format of
 * Cisco and most PBXs) and `application/dtmf` (the digit alone). Signal 10
 * and 11 are the numeric forms of `*` and `#` some gateways send.
 */
export function parseDtmfInfo(contentType: string, body: string): string | null {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const value = type === 'application/dtmf-relay' ? /^\s*signal\s*=\s*(\S+)\s*$/im.exec(body)?.[1] : type === 'application/dtmf' ? body.trim() : undefined;
  const digit = value === '10' ? '*' : value === '11' ? '#' : value;
  return digit !== undefined && /^[0-9*#A-D]$/i.test(digit) ? digit.toUpperCase() : null;
}

/**
 * Sends DTMF: RFC 4733 through the media layer when configured and the far
 * end offered `telephone-event`, otherwise SIP INFO `application/dtmf-relay`,
 * one INFO per digit, in order.
 */
export class DtmfSender extends CallFeature {
  /** Each call's INFO queue, so digits sent in several calls to `send` go out in order. */
  readonly #queues = new WeakMap<LiveCall, Promise<void>>();

  /** `dtmf(callId, digits)`: false for an unknown or not talking call, or digits outside `0-9*#A-D`. */
  send(callId: string, digits: string): boolean {
    const live = this.talking(callId);
    if (!live || typeof digits !== 'string' || !DTMF_DIGITS.test(digits)) return false;
    const tones = digits.toUpperCase();
    if (this.ctx.config.dtmfMethod === 'rfc4733' && readSdpFacts(live.sip.remoteSdp).telephoneEvent) {
      try {
        if (live.sip.media?.sendDtmf(tones)) return true;
      } catch (error) {
        this.ctx.logger.warn(`RFC 4733 DTMF failed, falling back to INFO: ${errorMessage(error)}`);
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
