import type { CallRecord, CallStatus, CallTimestamps } from './call-status.js';
import type { LiveCall } from './live-call.js';
import type { PhoneContext } from './phone-context.js';
import type { PhoneState } from './phone-state.js';

/** Changes to one call's record. */
export interface CallPatch {
  readonly status?: Partial<Omit<CallStatus, 'callId'>>;
  readonly timestamps?: Partial<CallTimestamps>;
  readonly rest?: Partial<Omit<CallRecord, 'status' | 'timestamps'>>;
}

/**
 * The live calls of a phone and their part of the store.
 *
 * @remarks
 * The only writer of `calls`, `callIds`, `incomingIds`, `currentSessionID`
 * and `isMaxCall`. Rules: a new or answered call becomes current; when the
 * current call leaves, the most recent remaining call becomes current.
 * Every write happens before the caller emits the matching event.
 */
export class CallRegistry {
  readonly #calls = new Map<string, LiveCall>();

  readonly #ctx: PhoneContext;

  constructor(ctx: PhoneContext) {
    this.#ctx = ctx;
  }

  /** Number of live calls. */
  get size(): number {
    return this.#calls.size;
  }

  get(callId: string): LiveCall | undefined {
    return typeof callId === 'string' ? this.#calls.get(callId) : undefined;
  }

  /** Live calls, oldest first. */
  list(): LiveCall[] {
    return [...this.#calls.values()];
  }

  /** The store's record of a live call; ids are looked up in the live calls first, so `'__proto__'` or `'toString'` find nothing. */
  record(callId: string): CallRecord | undefined {
    return this.#calls.has(callId) ? this.#ctx.getState().calls[callId] : undefined;
  }

  /** A call id not used by a live call, derived from the SIP Call-ID (a call to oneself has both legs on this phone). */
  uniqueId(sipCallId: string): string {
    let id = sipCallId;
    for (let n = 2; this.#calls.has(id); n += 1) id = `${sipCallId}#${n}`;
    return id;
  }

  /** Adds a call (it becomes current); `ringing` puts it in `incomingIds`. */
  add(live: LiveCall, record: CallRecord, ringing: boolean): void {
    const { callId } = live;
    this.#calls.set(callId, live);
    const state = this.#ctx.getState();
    this.#write({
      calls: { ...state.calls, [callId]: record },
      callIds: [...state.callIds, callId],
      incomingIds: ringing ? [...state.incomingIds, callId] : state.incomingIds,
      currentSessionID: callId,
    });
  }

  /**
   * Applies `patch` to a live call's record.
   *
   * @returns the previous and next status, or `undefined` for an unknown call.
   */
  patch(callId: string, patch: CallPatch): { previous: CallStatus; next: CallStatus } | undefined {
    const current = this.record(callId);
    if (!current) return undefined;
    const state = this.#ctx.getState();
    const next: CallRecord = {
      ...current,
      ...patch.rest,
      status: patch.status ? { ...current.status, ...patch.status } : current.status,
      timestamps: patch.timestamps ? { ...current.timestamps, ...patch.timestamps } : current.timestamps,
    };
    this.#ctx.setState({ calls: { ...state.calls, [callId]: next } });
    return { previous: current.status, next: next.status };
  }

  /** Removes a call from the ringing list (answered, or about to end). */
  stopRinging(callId: string): void {
    const state = this.#ctx.getState();
    if (state.incomingIds.includes(callId)) this.#ctx.setState({ incomingIds: state.incomingIds.filter((id) => id !== callId) });
  }

  /** Makes `callId` the current call. */
  setCurrent(callId: string): boolean {
    if (!this.#calls.has(callId)) return false;
    if (this.#ctx.getState().currentSessionID !== callId) this.#ctx.setState({ currentSessionID: callId });
    return true;
  }

  /** Removes a call; the store no longer holds it when this returns. */
  remove(callId: string): void {
    if (!this.#calls.delete(callId)) return;
    const state = this.#ctx.getState();
    const { [callId]: _gone, ...calls } = state.calls;
    const callIds = state.callIds.filter((id) => id !== callId);
    this.#write({
      calls,
      callIds,
      incomingIds: state.incomingIds.filter((id) => id !== callId),
      currentSessionID: state.currentSessionID === callId ? (callIds.at(-1) ?? null) : state.currentSessionID,
    });
  }

  /** Writes the call lists; `isMaxCall` follows `callIds`. */
  #write(lists: Pick<PhoneState, 'calls' | 'callIds' | 'incomingIds' | 'currentSessionID'>): void {
    this.#ctx.setState({ ...lists, isMaxCall: lists.callIds.length >= this.#ctx.config.maxConcurrentCalls });
  }
}
