/** An event map: event name → listener argument tuple. */
export type EventMap<M> = { [K in keyof M]: unknown[] };

/** A listener for event `K` of map `M`. */
export type Listener<M extends EventMap<M>, K extends keyof M> = (...args: M[K]) => void;

/**
 * A minimal typed event emitter.
 *
 * @remarks
 * A listener that throws is reported to `onListenerError` and does not stop
 * the other listeners or the emitter's owner.
 */
export class TypedEmitter<M extends EventMap<M>> {
  private readonly listeners = new Map<keyof M, Set<Listener<M, keyof M>>>();

  constructor(private readonly onListenerError: (event: keyof M, error: unknown) => void = () => {}) {}

  /** Adds `listener` for `event`. */
  on<K extends keyof M>(event: K, listener: Listener<M, K>): this {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<M, keyof M>);
    return this;
  }

  /** Removes `listener` from `event`. */
  off<K extends keyof M>(event: K, listener: Listener<M, K>): this {
    const set = this.listeners.get(event);
    if (!set) return this;
    if (!set.delete(listener as Listener<M, keyof M>)) {
      // A listener added through once() is stored wrapped.
      for (const candidate of set) {
        if ((candidate as OnceWrapper).original === (listener as unknown)) set.delete(candidate);
      }
    }
    if (set.size === 0) this.listeners.delete(event);
    return this;
  }

  /** Adds `listener` for the next `event` only. */
  once<K extends keyof M>(event: K, listener: Listener<M, K>): this {
    const wrapper = ((...args: M[K]) => {
      this.off(event, wrapper);
      listener(...args);
    }) as Listener<M, K> & OnceWrapper;
    wrapper.original = listener as unknown;
    return this.on(event, wrapper);
  }

  /** Calls every listener of `event` with `args`. */
  emit<K extends keyof M>(event: K, ...args: M[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(...args);
      } catch (error) {
        this.onListenerError(event, error);
      }
    }
  }

  /** Number of listeners of `event`, or of every event when omitted. */
  listenerCount(event?: keyof M): number {
    if (event !== undefined) return this.listeners.get(event)?.size ?? 0;
    let total = 0;
    for (const set of this.listeners.values()) total += set.size;
    return total;
  }

  /** Removes every listener. */
  removeAllListeners(): void {
    this.listeners.clear();
  }
}

interface OnceWrapper {
  original?: unknown;
}
