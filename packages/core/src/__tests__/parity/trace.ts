import type { CallRecord, PhoneApi, PhoneState, SessionApi, SessionEventMap } from '../../index.js';

/** One entry of a trace: an event the phone emitted, a command's result, or a store snapshot. */
export type TraceEntry = { readonly kind: 'event' | 'result' | 'snapshot' | 'step'; readonly text: string };

/** The session events recorded (quality reports depend on timing and are left out). */
const SESSION_EVENTS = [
  'accepted',
  'confirmed',
  'ended',
  'failed',
  'clientError',
  'statusChange',
  'dtmf',
  'recordInfo',
] as const satisfies readonly (keyof SessionEventMap)[];

/**
 * Records what an application sees of a phone: its call events, the
 * results of its commands and snapshots of the call part of its store, with
 * everything that legitimately differs between two runs (call ids, clock
 * readings) replaced by stable stand-ins.
 */
export class PhoneTrace {
  readonly entries: TraceEntry[] = [];
  readonly #names = new Map<string, string>();

  constructor(private readonly phone: PhoneApi) {
    phone.on('newRTCSession', ({ callId, session }) => {
      this.#event(`newRTCSession ${this.name(callId)}`);
      this.#watch(session);
    });
    phone.on('incoming', ({ callId }) => this.#event(`incoming ${this.name(callId)}`));
    phone.on('startSession', ({ callId }) => this.#event(`startSession ${this.name(callId)}`));
    phone.on('incomingRefused', (refusal) => this.#event(`incomingRefused ${JSON.stringify(refusal)}`));
    phone.on('deleteSession', ({ callId, cause, code, record }) =>
      this.#event(`deleteSession ${this.name(callId)} ${cause} ${code ?? '-'} ${JSON.stringify(this.#record(record))}`),
    );
  }

  /** The stable name of a call id: c1, c2… in order of appearance. */
  name(callId: string): string {
    let name = this.#names.get(callId);
    if (!name) this.#names.set(callId, (name = `c${this.#names.size + 1}`));
    return name;
  }

  /** Marks the start of a scenario step. */
  step(label: string): void {
    this.entries.push({ kind: 'step', text: label });
  }

  /** Records a command's outcome (a `Result` loses its call id, a boolean stays). */
  result(label: string, value: unknown): void {
    const shown = typeof value === 'object' && value !== null ? { ...(value as Record<string, unknown>), callId: undefined } : value;
    this.entries.push({ kind: 'result', text: `${label} → ${JSON.stringify(shown)}` });
  }

  /** Records the call part of the store. */
  snapshot(): void {
    const state: PhoneState = this.phone.store.getState();
    const calls = Object.fromEntries(state.callIds.map((id) => [this.name(id), this.#record(state.calls[id])]));
    this.entries.push({
      kind: 'snapshot',
      text: JSON.stringify({
        callIds: state.callIds.map((id) => this.name(id)),
        incomingIds: state.incomingIds.map((id) => this.name(id)),
        currentSessionID: state.currentSessionID === null ? null : this.name(state.currentSessionID),
        isMaxCall: state.isMaxCall,
        calls,
      }),
    });
  }

  #watch(session: SessionApi): void {
    const id = this.name(session.callId);
    for (const event of SESSION_EVENTS) {
      session.on(event, (...args: unknown[]) => {
        if (event === 'statusChange') {
          const [next, previous] = args as SessionEventMap['statusChange'];
          const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== previous[key] && key !== 'transferParent');
          this.#event(
            `${id} statusChange ${changed
              .sort()
              .map((key) => `${key}=${this.#value(key, next[key])}`)
              .join(',')}`,
          );
        } else {
          const { callId: _callId, ...rest } = (args[0] ?? {}) as Record<string, unknown>;
          this.#event(`${id} ${event} ${JSON.stringify(rest)}`);
        }
      });
    }
  }

  #event(text: string): void {
    this.entries.push({ kind: 'event', text });
  }

  /** A call record without what depends on the clock or the network's ids. */
  #record(record: CallRecord | undefined): unknown {
    if (!record) return null;
    const { status, timestamps, transfer } = record;
    const parent = status.transferParent;
    return {
      status: {
        ...status,
        callId: this.name(status.callId),
        callStartTime: status.callStartTime > 0,
        transferParent: parent && { ...parent, callId: this.name(parent.callId), callDuration: 'n', holdDuration: 'n' },
      },
      timestamps: { answered: timestamps.answeredAt > 0, onHold: timestamps.holdStartedAt > 0 },
      transfer: transfer.status === 'attended-consulting' ? { ...transfer, consultCallId: this.name(transfer.consultCallId) } : transfer,
      manualStaticStatus: record.manualStaticStatus,
    };
  }

  #value(key: string, value: unknown): unknown {
    if (key === 'callStartTime') return (value as number) > 0;
    if (key === 'callId') return this.name(value as string);
    return value;
  }
}
