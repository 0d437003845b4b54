import { errorMessage } from './errors.js';
import { CallFeature } from './call-feature.js';
import type { StaticCallStatus } from './call-status.js';
import { pickStaticStatus } from './static-status.js';
import type { LiveCall } from './live-call.js';

/**
 * Fills name, avatar and company of calls: automatically through
 * `resolveContact`, or manually through `setSessionStaticStatus`.
 *
 * @remarks
 * Manual mode (`manual = true`) wins for the rest of the call: a lookup that
 * resolves later does not overwrite what the application set.
 */
export class ContactResolver extends CallFeature {
  /** Starts the `resolveContact` lookup for a new call. */
  resolve(live: LiveCall): void {
    const lookup = this.ctx.config.resolveContact;
    const record = this.registry.record(live.callId);
    if (!lookup || !record) return;
    // A lookup that throws is handled like one that rejects; so is an answer that throws while it is read (a getter).
    new Promise<Partial<StaticCallStatus>>((resolve) => resolve(lookup(record.status.number)))
      .then((found) => {
        const status = pickStaticStatus(found);
        if (this.isLive(live) && !this.registry.record(live.callId)?.manualStaticStatus && Object.keys(status).length > 0)
          this.lifecycle.update(live, { status });
      })
      .catch((error: unknown) => this.ctx.logger.warn(`resolveContact failed: ${errorMessage(error)}`));
  }

  /** `setSessionStaticStatus`: applies the fields, and turns manual mode on when asked. */
  set(callId: string, status: Partial<StaticCallStatus>, manual?: boolean): boolean {
    const live = this.registry.get(callId);
    return (
      !!live &&
      this.lifecycle.update(live, {
        status: pickStaticStatus(status),
        rest: { manualStaticStatus: manual === true || !!this.registry.record(callId)?.manualStaticStatus },
      })
    );
  }
}
