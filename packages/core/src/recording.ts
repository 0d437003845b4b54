import { CallFeature } from './call-feature.js';
import type { RecordStatus } from './call-status.js';
import type { LiveCall } from './live-call.js';

/**
 * Recording control by SIP INFO with `Record: on` / `Record: off` (the
 * convention of Asterisk-based PBXs and many hosted PBXs).
 *
 * @remarks
 * The INFO carries the header and, for far ends that refuse an INFO without
 * a body, the same line as a `text/plain` body: JsSIP (inside Yeastar's own
 * SDK, among others) answers 415 to an INFO without `Content-Type` and 200
 * to one with any type but DTMF's, while Asterisk (chan_sip and
 * res_pjsip's one-touch recording) reads the `Record` header whatever the
 * body. A far end that answers this form 415 is asked once more without
 * the body (the form sent before).
 *
 * `recordStatus` changes only when the far end answers 2xx. Permissions:
 * 0 allows nothing, 1 pause and resume (starting from `pause`), 2 also the
 * first start. One request per call at a time.
 */
export class RecordingController extends CallFeature {
  readonly #pending = new Set<LiveCall>();

  /** `startRecord`: start (permission 2) or resume (permission 1+). */
  start(callId: string): boolean {
    const current = this.registry.record(callId)?.status.recordStatus;
    return (
      current === 'recording' ||
      (current !== undefined && this.ctx.getState().recordPermissions >= (current === 'stop' ? 2 : 1) && this.#send(callId, 'recording'))
    );
  }

  /** `pauseRecord`: pause (permission 1+). */
  pause(callId: string): boolean {
    const current = this.registry.record(callId)?.status.recordStatus;
    return this.ctx.getState().recordPermissions >= 1 && (current === 'pause' || (current === 'recording' && this.#send(callId, 'pause')));
  }

  #send(callId: string, next: RecordStatus): boolean {
    const live = this.talking(callId);
    if (!live || this.#pending.has(live)) return false;
    const header = `Record: ${next === 'recording' ? 'on' : 'off'}`;
    this.#pending.add(live);
    void live.sip
      .info([header], { contentType: 'text/plain', content: header })
      .then((first) => (first.statusCode === 415 && this.isLive(live) ? live.sip.info([header]) : first))
      .then((outcome) => {
        this.#pending.delete(live);
        if (!this.isLive(live)) return;
        if (outcome.ok) this.lifecycle.update(live, { status: { recordStatus: next } });
        else this.report(live, `${header} refused: ${outcome.statusCode} ${outcome.reason}`.trim());
      });
    return true;
  }
}
