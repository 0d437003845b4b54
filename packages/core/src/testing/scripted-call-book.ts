import type { CallRecord } from '../call-status.js';
import type { PhoneEventMap } from '../phone-events.js';
import type { PhoneState } from '../phone-state.js';
import { scriptedCallRecord, patchRecord, withCall, withoutCall, type NewCall } from './scripted-calls.js';
import { ScriptedSession, type ScriptedSessionHost } from './scripted-session.js';

/** What the scripted phone's collaborators share: the store writer, the emitter, the clock. */
export interface ScriptedContext {
  getState(): PhoneState;
  setState(partial: Partial<PhoneState>): void;
  emit<K extends keyof PhoneEventMap>(event: K, ...args: PhoneEventMap[K]): void;
  now(): number;
  readonly maxConcurrentCalls: number;
}

/** How a call ended: after being established (`ended`) or before (`failed`). */
export type CallEnding = { readonly kind: 'ended'; readonly cause: string } | { readonly kind: 'failed'; readonly cause: string; readonly code: number };

/**
 * The calls of a scripted phone: adds, changes and removes call records the
 * way the real call registry does, store first, then events.
 */
export class ScriptedCallBook {
  readonly sessions = new Map<string, ScriptedSession>();

  constructor(
    private readonly ctx: ScriptedContext,
    private readonly host: ScriptedSessionHost,
  ) {}

  /** The live record of `callId`, or `undefined`. */
  record(callId: string): CallRecord | undefined {
    return Object.prototype.hasOwnProperty.call(this.ctx.getState().calls, callId) ? this.ctx.getState().calls[callId] : undefined;
  }

  /** Adds a call, which becomes current (as in the real registry); emits `newRTCSession`, `incoming` (inbound) and `startSession`. */
  add(call: NewCall): ScriptedSession {
    const record = scriptedCallRecord(call, this.ctx.now());
    const session = new ScriptedSession(call.callId, this.host, record.status);
    this.sessions.set(call.callId, session);
    this.ctx.setState(withCall(this.ctx.getState(), record, this.ctx.maxConcurrentCalls));
    const event = { callId: call.callId, session };
    this.ctx.emit('newRTCSession', event);
    if (call.communicationType === 'inbound') this.ctx.emit('incoming', event);
    this.ctx.emit('startSession', event);
    return session;
  }

  /**
   * Applies `patch` to a call in one store write (with `extra` top-level
   * fields), then emits `statusChange` when the status changed.
   */
  update(callId: string, patch: Parameters<typeof patchRecord>[1], extra: Partial<PhoneState> = {}): void {
    const previous = this.record(callId);
    if (!previous) return;
    const next = patchRecord(previous, patch);
    this.ctx.setState({ ...extra, calls: { ...this.ctx.getState().calls, [callId]: next } });
    if (patch.status) this.sessions.get(callId)?.emitter.emit('statusChange', { ...next.status }, { ...previous.status });
    if (patch.status && ('name' in patch.status || 'avatar' in patch.status || 'company' in patch.status)) {
      const pick = ({ name, avatar, company }: CallRecord['status']) => ({ name, avatar, company });
      this.sessions.get(callId)?.emitter.emit('staticStatusChange', pick(next.status), pick(previous.status));
    }
  }

  /**
   * Removes a call in one store write (also releasing an attended transfer
   * it was part of), then emits `ended` or `failed` and `deleteSession`.
   */
  end(callId: string, ending: CallEnding): void {
    const record = this.record(callId);
    if (!record) return;
    const state = this.ctx.getState();
    const fields = withoutCall(state, callId, this.ctx.maxConcurrentCalls);
    const parentId = record.status.transferParent?.callId;
    const parent = parentId === undefined ? undefined : fields.calls[parentId];
    const released =
      parentId !== undefined && parent?.transfer.status === 'attended-consulting' && parent.transfer.consultCallId === callId
        ? { calls: { ...fields.calls, [parentId]: patchRecord(parent, { transfer: { status: 'idle' } }) } }
        : {};
    this.ctx.setState({ ...fields, ...released });
    const session = this.sessions.get(callId);
    session?.remember(record.status);
    this.sessions.delete(callId);
    if (ending.kind === 'ended') session?.emitter.emit('ended', { callId, cause: ending.cause });
    else session?.emitter.emit('failed', { callId, cause: ending.cause, code: ending.code });
    this.ctx.emit('deleteSession', { callId, cause: ending.cause });
  }

  /** Forgets every call without events (used by `destroy()`). */
  clear(): void {
    for (const session of this.sessions.values()) session.emitter.removeAllListeners();
    this.sessions.clear();
    this.ctx.setState({ calls: {}, callIds: [], incomingIds: [], currentSessionID: null, isMaxCall: false });
  }
}
