import { CallFeature } from './call-feature.js';
import type { RecordStatus } from './call-status.js';
import type { LiveCall } from './live-call.js';

/** Value of the `Record` header of a received INFO, or `null` when absent or unknown. */
export function parseRecordHeader(value: string | undefined): 'on' | 'off' | null {
  const word = value?.trim().toLowerCase();
  return word === 'on' || word === 'off' ? word : null;
}

/**
 * Recording control by SIP INFO with `Record: on` / `Record: off` (the
 * convention of Asterisk-based PBXs and many hosted PBXs).
 *
 * @remarks
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
    void live.sip.info([header]).then((outcome) => {
      this.#pending.delete(live);
      if (!this.isLive(live)) return;
      if (outcome.ok) this.lifecycle.update(live, { status: { recordStatus: next } });
      else this.report(live, `${header} refused: ${outcome.statusCode} ${outcome.reason}`.trim());
    });
    return true;
  }
}
