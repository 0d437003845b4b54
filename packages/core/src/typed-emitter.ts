/** An event map: event name → listener argument tuple. */
export type EventMap<M> = { [K in keyof M]: unknown[] };

/** A listener for event `K` of map `M`. */
export type Listener<M extends EventMap<M>, K extends keyof M> = (...args: M[K]) => void;

/** A listener added through `once()`, stored wrapped. */
type OnceWrapper = Listener<never, never> & { original?: unknown };

/**
 * A minimal typed event emitter.
 *
 * @remarks
 * A listener that throws is reported to `onListenerError` and does not stop
 * the other listeners or the emitter's owner. After `close()` it holds no
 * listener and ignores `on`, `once` and `emit`.
 */
export class TypedEmitter<M extends EventMap<M>> {
  // Keyed by event name, a fixed set: a set left empty is kept for the next listener. `null` once closed.
  #listeners: Map<keyof M, Set<OnceWrapper>> | null = new Map();
  readonly #onListenerError: (event: keyof M, error: unknown) => void;

  constructor(onListenerError: (event: keyof M, error: unknown) => void = () => {}) {
    this.#onListenerError = onListenerError;
  }

  /** True once `close()` was called. */
  get closed(): boolean {
    return !this.#listeners;
  }

  /** Adds `listener` for `event`. */
  on<K extends keyof M>(event: K, listener: Listener<M, K>): this {
    this.#listeners?.set(event, (this.#listeners.get(event) ?? new Set()).add(listener as OnceWrapper));
    return this;
  }

  /** Removes `listener` from `event`. */
  off<K extends keyof M>(event: K, listener: Listener<M, K>): this {
    const set = this.#listeners?.get(event);
    if (set && !set.delete(listener as OnceWrapper)) {
      for (const candidate of set) if (candidate.original === listener) set.delete(candidate);
    }
    return this;
  }

  /** Adds `listener` for the next `event` only. */
  once<K extends keyof M>(event: K, listener: Listener<M, K>): this {
    const wrapper: Listener<M, K> & OnceWrapper = (...args: M[K]) => {
      this.off(event, wrapper);
      listener(...args);
    };
    wrapper.original = listener;
    return this.on(event, wrapper);
  }

  /** Calls every listener of `event` with `args`. */
  emit<K extends keyof M>(event: K, ...args: M[K]): void {
    for (const listener of [...(this.#listeners?.get(event) ?? [])]) {
      try {
        (listener as Listener<M, K>)(...args);
      } catch (error) {
        this.#onListenerError(event, error);
      }
    }
  }

  /** Number of listeners of `event`, or of every event when omitted. */
  listenerCount(event?: keyof M): number {
    let total = 0;
    for (const [key, set] of this.#listeners ?? []) if (event === undefined || key === event) total += set.size;
    return total;
  }

  /** Removes every listener for good: later `on`, `once` and `emit` do nothing. */
  close(): void {
    this.#listeners = null;
  }
}
