import type { KeepAliveMethod, KeepAliveOptions } from './config.js';

/** How the keep-alive reaches the server; the SIP connection implements it. */
export interface KeepAliveProbe {
  /** Sends a double-CRLF ping (RFC 5626 §4.4.1); the answer arrives as {@link KeepAlive.pong}. */
  ping(): void;
  /** Sends an out-of-dialog `OPTIONS` to the server; its answer arrives as {@link KeepAlive.answered}. */
  options(): void;
}

/**
 * Keeps an idle signalling connection alive and notices when it is dead.
 *
 * @remarks
 * One round: send a probe, wait `timeoutMs` for an answer; a CRLF pong or
 * any SIP response counts. The next round starts 80-100 % of `intervalMs`
 * after the previous one was answered (RFC 5626 §4.4.1 jitter), so the
 * longest a dead connection goes unnoticed is `intervalMs + timeoutMs`.
 *
 * Kamailio answers a double CRLF over WebSocket with a CRLF; Asterisk and
 * FreeSWITCH do not (they answer CRLF pings on plain TCP only), but every
 * server answers `OPTIONS`. In `'auto'` mode a round sends both until the
 * server's first pong; a round answered by the `OPTIONS` alone switches this
 * connection's rounds to `OPTIONS` for good. What was learned survives
 * reconnects (same server).
 *
 * ```
 *  start() ──▶ idle ──interval──▶ waiting ──pong/answer──▶ idle
 *                ▲                   │ timeoutMs
 *  stop() ◀──────┴───────────────────┴──▶ onDead(reason)
 * ```
 */
export class KeepAlive {
  readonly #settings: Required<KeepAliveOptions>;
  readonly #probe: KeepAliveProbe;
  readonly #onDead: (reason: string) => void;
  readonly #random: () => number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Set while a round waits for its answer: whether an `OPTIONS` answer came. */
  #round: { answered: boolean } | null = null;
  /** `'auto'` until the server showed whether it answers CRLF pings. */
  #method: KeepAliveMethod;

  constructor(settings: Required<KeepAliveOptions>, probe: KeepAliveProbe, onDead: (reason: string) => void, random: () => number = Math.random) {
    this.#settings = settings;
    this.#method = settings.method;
    this.#probe = probe;
    this.#onDead = onDead;
    this.#random = random;
  }

  /** The connection opened: schedules the first round. */
  start(): void {
    this.stop();
    this.#schedule();
  }

  /** The connection closed: no more rounds. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#round = null;
  }

  /** Starts a round now (e.g. the network changed), unless one is waiting or keep-alive is stopped. */
  probeNow(): void {
    if (this.#timer !== undefined && !this.#round) this.#send();
  }

  /** A CRLF pong arrived: the server answers pings. */
  pong(): void {
    if (this.#method === 'auto') this.#method = 'crlf';
    if (this.#round) this.#alive();
  }

  /** A SIP response arrived on the connection. */
  answered(): void {
    if (!this.#round) return;
    // Still learning: wait out the round for a pong before concluding there is none.
    if (this.#method === 'auto') this.#round.answered = true;
    else this.#alive();
  }

  #schedule(): void {
    const { intervalMs } = this.#settings;
    if (intervalMs > 0) this.#timer = setTimeout(() => this.#send(), intervalMs * (0.8 + 0.2 * this.#random()));
  }

  #send(): void {
    const method = this.#method;
    this.#round = { answered: false };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#expire(), this.#settings.timeoutMs);
    if (method !== 'options') this.#probe.ping();
    if (method !== 'crlf') this.#probe.options();
  }

  #alive(): void {
    this.stop();
    this.#schedule();
  }

  #expire(): void {
    if (this.#round?.answered) {
      this.#method = 'options';
      return this.#alive();
    }
    this.stop();
    this.#onDead(`no answer to a keep-alive within ${this.#settings.timeoutMs} ms`);
  }
}
