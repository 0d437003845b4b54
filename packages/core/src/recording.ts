import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { RecordStatus } from './call-status.js';
import type { PhoneContext } from './phone-context.js';

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
export class RecordingController {
  private readonly pending = new Set<string>();

  constructor(
    private readonly ctx: PhoneContext,
    private readonly registry: CallRegistry,
    private readonly lifecycle: CallLifecycle,
  ) {}

  /** `startRecord`: start (permission 2) or resume (permission 1+). */
  start(callId: string): boolean {
    const status = this.registry.record(callId)?.status;
    if (!status) return false;
    const permission = this.ctx.getState().recordPermissions;
    if (status.recordStatus === 'recording') return true;
    if (status.recordStatus === 'stop' ? permission < 2 : permission < 1) return false;
    return this.send(callId, 'on', 'recording');
  }

  /** `pauseRecord`: pause (permission 1+). */
  pause(callId: string): boolean {
    const status = this.registry.record(callId)?.status;
    if (!status || this.ctx.getState().recordPermissions < 1) return false;
    if (status.recordStatus === 'pause') return true;
    if (status.recordStatus !== 'recording') return false;
    return this.send(callId, 'off', 'pause');
  }

  private send(callId: string, value: 'on' | 'off', next: RecordStatus): boolean {
    const live = this.registry.get(callId);
    if (!live || this.registry.record(callId)?.status.callStatus !== 'talking' || this.pending.has(callId)) return false;
    this.pending.add(callId);
    void live.sip.info([`Record: ${value}`]).then((outcome) => {
      this.pending.delete(callId);
      if (this.registry.get(callId) !== live) return;
      if (outcome.ok) {
        this.lifecycle.update(live, { status: { recordStatus: next } });
        return;
      }
      const cause = `Record: ${value} refused: ${outcome.statusCode} ${outcome.reason}`.trim();
      this.ctx.logger.warn(`call ${callId}: ${cause}`);
      live.session.emit('clientError', { callId, cause });
    });
    return true;
  }
}
