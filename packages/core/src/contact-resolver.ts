import type { StaticCallStatus } from './call-status.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { LiveCall } from './live-call.js';
import type { PhoneContext } from './phone-context.js';

/** Keeps only string name/avatar/company fields (the values may come from an app callback or the network). */
export function pickStaticStatus(input: unknown): Partial<StaticCallStatus> {
  if (typeof input !== 'object' || input === null) return {};
  const picked: Partial<StaticCallStatus> = {};
  for (const key of ['name', 'avatar', 'company'] as const) {
    const value = (input as Record<string, unknown>)[key];
    if (typeof value === 'string') picked[key] = value;
  }
  return picked;
}

/**
 * Fills name, avatar and company of calls: automatically through
 * `resolveContact`, or manually through `setSessionStaticStatus`.
 *
 * @remarks
 * Manual mode (`manual = true`) wins for the rest of the call: a lookup that
 * resolves later does not overwrite what the application set.
 */
export class ContactResolver {
  constructor(
    private readonly ctx: PhoneContext,
    private readonly registry: CallRegistry,
    private readonly lifecycle: CallLifecycle,
  ) {}

  /** Starts the `resolveContact` lookup for a new call. */
  resolve(live: LiveCall): void {
    const lookup = this.ctx.config.resolveContact;
    const record = this.registry.record(live.callId);
    if (!lookup || !record) return;
    let pending: Promise<Partial<StaticCallStatus>>;
    try {
      pending = Promise.resolve(lookup(record.status.number));
    } catch (error) {
      this.logFailure(error);
      return;
    }
    pending.then(
      (found) => {
        const current = this.registry.record(live.callId);
        if (!current || current.manualStaticStatus || this.registry.get(live.callId) !== live) return;
        const status = pickStaticStatus(found);
        if (Object.keys(status).length > 0) this.lifecycle.update(live, { status });
      },
      (error: unknown) => this.logFailure(error),
    );
  }

  /** `setSessionStaticStatus`: applies the fields, and turns manual mode on when asked. */
  set(callId: string, status: Partial<StaticCallStatus>, manual?: boolean): boolean {
    const live = this.registry.get(callId);
    const record = this.registry.record(callId);
    if (!live || !record) return false;
    this.lifecycle.update(live, { status: pickStaticStatus(status), rest: { manualStaticStatus: manual === true || record.manualStaticStatus } });
    return true;
  }

  private logFailure(error: unknown): void {
    this.ctx.logger.warn(`resolveContact failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
