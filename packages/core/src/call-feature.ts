import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { LiveCall } from './live-call.js';
import type { PhoneContext } from './phone-context.js';

/**
 * What the mid-call features (hold, recording, DTMF, transfer, contacts) share:
 * the phone, its calls, and the checks and reports they all make.
 */
export abstract class CallFeature {
  constructor(
    protected readonly ctx: PhoneContext,
    protected readonly registry: CallRegistry,
    protected readonly lifecycle: CallLifecycle,
  ) {}

  /** True while `live` is still the call registered under its id (it has not ended). */
  protected isLive(live: LiveCall): boolean {
    return this.registry.get(live.callId) === live;
  }

  /** The call when it is talking (answered and confirmed). */
  protected talking(callId: string): LiveCall | undefined {
    return this.registry.record(callId)?.status.callStatus === 'talking' ? this.registry.get(callId) : undefined;
  }

  /** Logs `cause` as a warning and reports it to the app as the call's `clientError`. */
  protected report(live: LiveCall, cause: string): void {
    this.ctx.logger.warn(`call ${live.callId}: ${cause}`);
    live.session.emit('clientError', { callId: live.callId, cause });
  }
}
