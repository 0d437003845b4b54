import type { Credential } from './config.js';
import { errorMessage } from './errors.js';
import type { LinkEventMap, LinkOutage } from './link-events.js';
import type { PhoneContext } from './phone-context.js';
import { NOT_RECONNECTING } from './initial-state.js';
import type { PhoneIdentity, PhoneState, RegistrationState } from './phone-state.js';
import { result, type Result } from './result.js';
import { SipConnection, type SipConnectionEvents, type SipConnectionOptions } from './sip/sip-connection.js';
import { TypedEmitter } from './typed-emitter.js';

/** Status codes after which retrying with the same credentials cannot help. */
const FINAL_REJECTIONS = new Set([401, 403, 404, 407]);

/**
 * How long a registration must last to count as holding, in ms: only then
 * does the attempt count start from 0 again. A server that answers 200 and
 * drops the connection soon after keeps using attempts up and backing off.
 */
export const REGISTRATION_HOLDS_MS = 30_000;

/** Upper bound of the random delay before retrying on the browser's `online` event, in ms. */
export const ONLINE_JITTER_MS = 2000;

/** `length` random lowercase letters and digits, for the `*.invalid` Contact of a WebSocket client (RFC 7118 §5.2). */
function randomToken(length: number): string {
  let token = '';
  for (let i = 0; i < length; i++) token += Math.floor(Math.random() * 36).toString(36);
  return token;
}

/** A Contact of a WebSocket client: a random user part at a random `*.invalid` host (RFC 7118 §5.2). */
const newContact = (): { user: string; host: string } => ({ user: randomToken(8), host: `${randomToken(12)}.invalid` });

/** True when a WebSocket with the `sip` subprotocol opens to `server` within 5 s (it is closed again at once). */
function answersWebSocket(server: string): Promise<boolean> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(server, 'sip');
    } catch {
      return resolve(false);
    }
    const done = (alive: boolean): void => {
      clearTimeout(timer);
      socket.onopen = socket.onerror = socket.onclose = null;
      if (alive) socket.close(1000);
      resolve(alive);
    };
    const timer = setTimeout(() => {
      done(false);
      socket.close();
    }, 5000);
    socket.onopen = () => done(true);
    socket.onerror = socket.onclose = () => done(false);
  });
}

/**
 * Delay before reconnect attempt `attempt` (1-based): a random time up to a
 * bound that starts at `initialDelayMs` and doubles with each attempt, capped
 * at `maxDelayMs` ("full jitter"). When a server restarts, every phone loses
 * its connection in the same instant; a random delay over the whole window
 * spreads their return over seconds instead of a burst.
 */
export function backoffDelay(attempt: number, options: { initialDelayMs: number; maxDelayMs: number }, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.max(0, attempt - 1)));
}

/**
 * Keeps the phone connected and registered.
 *
 * @remarks
 * Owns the sip.js connection (with its keep-alive), the reconnect policy
 * (exponential backoff with jitter, bounded by `reRegistryPhoneTimes`) and the
 * browser `online` listener. Every state change is written to the store
 * before the matching event is emitted.
 *
 * An attempt is one try to get from "lost" to "registered"; it fails whatever
 * fails: the socket does not open, it closes before the registrar answered,
 * or the REGISTER is refused (408, 5xx) or unanswered. The attempt counter
 * goes back to 0 only when a registration holds (the registrar answered 200
 * and the connection then lasted {@link REGISTRATION_HOLDS_MS}), not when a
 * socket opens or a REGISTER is answered, so a server that accepts and then
 * drops uses attempts up, before or after its 200.
 *
 * `link` tells the call layer when a registered phone lost its connection
 * and when it is registered again ({@link LinkEventMap}).
 */
export class RegistrationController {
  /** Set exactly while started: `start()` creates it, `stop()` drops it. */
  #connection: SipConnection | null = null;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #wanted = false;
  #destroyed = false;
  /** Set from the loss of a registered phone's connection until it registers again. */
  #outage: LinkOutage | null = null;
  /** Registered at least once since `start()`: a loss from here on is an outage. */
  #everRegistered = false;
  /** The browser said `online` since the last registration: a loss found now follows a network change. */
  #onlineSinceRegistered = false;
  /** Index of the server in use, or tried next, in `config.servers`. */
  #serverIndex = 0;
  /** The server index at the loss that began the current outage. */
  #outageServer = 0;
  /** Set while moving back to the preferred server on purpose: that loss picks no other server. */
  #failingBack = false;
  #failbackTimer: ReturnType<typeof setTimeout> | undefined;
  /** Attempts of the last outage, kept until the registration that ended it has held ({@link REGISTRATION_HOLDS_MS}). */
  #carriedAttempts = 0;
  /** When the phone last registered (epoch ms). */
  #registeredAt = 0;
  /** The latest `replaceCredential` still waiting for the old connection to close, and whether it registers after. */
  #replacing: { readonly restart: boolean; readonly done: Promise<unknown> } | null = null;

  readonly #ctx: PhoneContext;
  #credential: Credential;
  readonly #delegate: SipConnectionOptions['delegate'];
  /** Link loss and recovery, for the call layer (internal). */
  readonly link = new TypedEmitter<LinkEventMap>();
  /** One Contact for every connection of this phone (see {@link SipConnectionOptions.contact}); a new account gets a new one. */
  #contact = newContact();

  constructor(ctx: PhoneContext, credential: Credential, delegate: SipConnectionOptions['delegate']) {
    this.#ctx = ctx;
    this.#credential = credential;
    this.#delegate = delegate;
  }

  /** The current sip.js connection, if started. */
  get current(): SipConnection | null {
    return this.#connection;
  }

  /** Connects and registers; a no-op while already doing so. */
  start(): void {
    if (this.#destroyed || this.#wanted) return;
    this.#wanted = true;
    this.#serverIndex = 0;
    this.#watchOnline(true);
    this.#connection ??= new SipConnection({
      config: this.#ctx.config,
      identity: this.#ctx.getState().identity,
      credential: this.#credential,
      logger: this.#ctx.logger,
      delegate: this.#delegate,
      events: this.#events,
      contact: this.#contact,
    });
    this.#ctx.setState({ reconnect: NOT_RECONNECTING });
    this.#attempt();
  }

  /** Unregisters and closes the WebSocket; `start()` connects again. */
  async stop(): Promise<void> {
    this.#wanted = false;
    // A replaceCredential() still waiting does not register afterwards (one calling this takes over its restart first).
    this.#replacing = null;
    this.#outage = null;
    this.#everRegistered = false;
    this.#carriedAttempts = 0;
    this.#clearReconnectTimer();
    clearTimeout(this.#failbackTimer);
    this.#failingBack = false;
    this.#watchOnline(false);
    const connection = this.#connection;
    this.#connection = null;
    if (!connection) return;
    const wasConnected = this.#ctx.getState().transport === 'connected';
    // Started first so the connection reports nothing more, even to the listeners called below.
    const stopped = connection.stop();
    this.#setRegistration({ status: 'unregistered' }, undefined, { transport: 'idle', reconnect: NOT_RECONNECTING });
    await stopped;
    if (wasConnected && !this.#destroyed) this.#ctx.emit('disconnected');
  }

  /**
   * Replaces identity and credential, then registers again if started.
   *
   * @remarks
   * The latest call wins: one made while an earlier one is still
   * unregistering takes over its restart, and the earlier one's promise
   * resolves without registering (its credential is never sent). The new
   * registration starts once every old connection has closed, so an
   * un-REGISTER cannot remove the new binding.
   */
  async replaceCredential(identity: PhoneIdentity, credential: Credential): Promise<void> {
    const earlier = this.#replacing;
    const mine = { restart: this.#wanted || earlier?.restart === true, done: Promise.all([earlier?.done, this.stop()]) };
    this.#replacing = mine;
    // A Contact belongs to one account: a registrar may refuse, or mix up, one that moves to another.
    this.#contact = newContact();
    this.#credential = credential;
    this.#ctx.setState({ identity });
    await mine.done;
    if (this.#replacing !== mine) return;
    this.#replacing = null;
    if (mine.restart) this.start();
  }

  /** Stops for good; later calls do nothing. */
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.link.close();
    await this.stop();
  }

  /**
   * What the current connection reports. A connection reports nothing once
   * stopped, and `stop()` stops it as it drops it, so these only ever hear
   * from the current connection while the phone is started.
   */
  readonly #events: SipConnectionEvents = {
    onConnected: () => {
      this.#clearReconnectTimer();
      // The attempt is not over until the registrar accepts: keep counting.
      const { reconnect } = this.#ctx.getState();
      this.#ctx.setState({ transport: 'connected', reconnect: { ...reconnect, nextAttemptAt: null } });
      this.#ctx.emit('connected');
      this.#attempt();
    },
    onDisconnected: (reason) => {
      clearTimeout(this.#failbackTimer);
      const failingBack = this.#failingBack;
      this.#failingBack = false;
      // A dead or closed connection: the next attempt goes to the next server of the list.
      if (!failingBack) this.#serverIndex = (this.#serverIndex + 1) % this.#ctx.config.servers.length;
      const { registration } = this.#ctx.getState();
      this.#setRegistration(registration.status === 'failed' ? registration : { status: 'unregistered' }, () => this.#ctx.emit('disconnected'), {
        transport: 'disconnected',
      });
      this.#ctx.logger.info(`transport closed${reason ? `: ${reason}` : ''}`);
      if (this.#everRegistered && !this.#outage) {
        this.#outageServer = failingBack ? this.#serverIndex : (this.#serverIndex + this.#ctx.config.servers.length - 1) % this.#ctx.config.servers.length;
        this.#outage = { lostAt: Date.now(), reason: reason ?? 'connection closed', networkChanged: this.#onlineSinceRegistered };
        this.link.emit('lost', this.#outage);
      }
      if (failingBack) this.#attempt();
      else this.#scheduleReconnect();
    },
    onRegistered: ({ aor, expiresAt }) => {
      this.#everRegistered = true;
      this.#onlineSinceRegistered = false;
      // The attempt that registered counts as failed too if the registration does not hold.
      this.#carriedAttempts = this.#ctx.getState().reconnect.attempt;
      this.#registeredAt = Date.now();
      this.#setRegistration({ status: 'registered', aor, registeredAt: Date.now(), expiresAt }, () => this.#ctx.emit('registered'), {
        reconnect: NOT_RECONNECTING,
      });
      this.#scheduleFailback();
      const outage = this.#outage;
      this.#outage = null;
      // Calls that move to another server restart ICE too: another node may mean another media relay.
      const moved = outage !== null && this.#outageServer !== this.#serverIndex;
      if (outage) this.link.emit('recovered', { ...outage, networkChanged: outage.networkChanged || moved, recoveredAt: Date.now() });
    },
    onUnregistered: () => {
      if (this.#ctx.getState().registration.status === 'registered') this.#setRegistration({ status: 'unregistered' });
    },
    onRegistrationRejected: (statusCode, reason) => {
      if (this.#ctx.getState().transport !== 'connected') return; // the transport loss handler owns this case
      this.#failRegistration(result('REGISTRY_FAILED', statusCode ? `${statusCode} ${reason}`.trim() : reason), {}, statusCode || undefined);
      if (!FINAL_REJECTIONS.has(statusCode)) this.#scheduleReconnect();
    },
  };

  /** Opens the WebSocket, or sends REGISTER when it is already open. */
  #attempt(): void {
    const connection = this.#connection;
    if (!connection) return;
    const registering = this.#ctx.getState().transport === 'connected';
    if (registering) this.#setRegistration({ status: 'registering' });
    else {
      const server = this.#ctx.config.servers[this.#serverIndex] ?? this.#ctx.config.server;
      connection.useServer(server);
      this.#ctx.setState({ transport: 'connecting', server });
    }
    (registering ? connection.register() : connection.connect()).catch((error: unknown) => {
      if (this.#connection !== connection) return; // stopped or replaced meanwhile
      if (registering) return this.#events.onRegistrationRejected(0, errorMessage(error));
      this.#ctx.logger.warn(`connection to ${this.#ctx.getState().server} failed: ${errorMessage(error)}`);
      this.#serverIndex = (this.#serverIndex + 1) % this.#ctx.config.servers.length;
      this.#ctx.setState({ transport: 'disconnected' });
      this.#scheduleReconnect();
    });
  }

  /** Counts a failed attempt and schedules the next, or gives up with RE_REGISTRY_MAX_LIMIT_TIMES. */
  #scheduleReconnect(): void {
    if (!this.#wanted || this.#reconnectTimer !== undefined) return;
    const { attempt, exhausted } = this.#ctx.getState().reconnect;
    if (exhausted) return;
    const held = Date.now() - this.#registeredAt >= REGISTRATION_HOLDS_MS;
    const made = Math.max(attempt, held ? 0 : this.#carriedAttempts);
    this.#carriedAttempts = 0;
    if (made >= this.#ctx.config.reRegistryPhoneTimes) {
      this.#watchOnline(false);
      this.#failRegistration(result('RE_REGISTRY_MAX_LIMIT_TIMES', `gave up after ${made} attempts`), {
        reconnect: { attempt: made, nextAttemptAt: null, exhausted: true },
      });
      return;
    }
    this.#retryIn(backoffDelay(made + 1, this.#ctx.config.reconnect), made + 1);
  }

  /** Schedules attempt number `attempt` in `delay` ms. */
  #retryIn(delay: number, attempt: number): void {
    this.#clearReconnectTimer();
    this.#ctx.setState({ reconnect: { attempt, nextAttemptAt: Date.now() + delay, exhausted: false } });
    this.#reconnectTimer = setTimeout(() => this.#retry(), delay);
  }

  /** Makes the scheduled attempt now. */
  #retry(): void {
    this.#clearReconnectTimer();
    this.#ctx.setState({ reconnect: { ...this.#ctx.getState().reconnect, nextAttemptAt: null } });
    this.#attempt();
  }

  /**
   * Registered on a server that is not the first: check the first again
   * after `reconnect.failbackMs` (80–100 % of it, so a cluster's phones do
   * not all return at once) and move back to it if it answers and the phone
   * has no call; otherwise check again later.
   */
  #scheduleFailback(): void {
    clearTimeout(this.#failbackTimer);
    const { failbackMs } = this.#ctx.config.reconnect;
    if (this.#serverIndex === 0 || failbackMs === 0) return;
    this.#failbackTimer = setTimeout(
      () => {
        const state = this.#ctx.getState();
        if (!this.#wanted || !state.isRegistered || this.#serverIndex === 0) return;
        if (state.callIds.length > 0) return this.#scheduleFailback();
        const preferred = this.#ctx.config.servers[0]!;
        void answersWebSocket(preferred).then((alive) => {
          const now = this.#ctx.getState();
          if (!alive || !this.#wanted || !now.isRegistered || now.callIds.length > 0 || this.#serverIndex === 0) return this.#scheduleFailback();
          this.#ctx.logger.info(`moving back to the preferred server ${preferred}`);
          this.#serverIndex = 0;
          this.#failingBack = true;
          this.#connection?.close('moving back to the preferred server');
        });
      },
      Math.round(failbackMs * (0.8 + 0.2 * Math.random())),
    );
  }

  #clearReconnectTimer(): void {
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
  }

  /**
   * The browser says the network is back. Waiting for a reconnect: try after
   * a short random delay (so the phones of a whole office do not return in
   * the same instant) instead of waiting out the backoff. Connected: the old
   * route may be gone, so check the connection now. Either way the local
   * address may have changed: calls recovering from a loss found from now
   * until the next registration restart ICE.
   */
  readonly #handleOnline = (): void => {
    this.#onlineSinceRegistered = true;
    if (this.#outage) this.#outage = { ...this.#outage, networkChanged: true };
    const { reconnect } = this.#ctx.getState();
    if (this.#reconnectTimer === undefined) return this.#connection?.probe();
    const delay = Math.round(Math.random() * ONLINE_JITTER_MS);
    if (reconnect.nextAttemptAt !== null && reconnect.nextAttemptAt - Date.now() > delay) this.#retryIn(delay, reconnect.attempt);
  };

  /** Adds or removes the `online` listener; outside browsers there is no such event. */
  #watchOnline(on: boolean): void {
    globalThis[on ? 'addEventListener' : 'removeEventListener']?.('online', this.#handleOnline);
  }

  #failRegistration(error: Result, state: Partial<PhoneState>, statusCode?: number): void {
    this.#setRegistration({ status: 'failed', error, statusCode }, () => this.#ctx.emit('registrationFailed', error), { ...state, lastError: error });
  }

  /**
   * Writes the registration state (with `state`), keeping `isRegistered` in
   * step; then emits the event of the change (`emitPrimary`) and
   * `isRegisteredChange` if the flag flipped.
   */
  #setRegistration(registration: RegistrationState, emitPrimary?: () => void, state?: Partial<PhoneState>): void {
    const wasRegistered = this.#ctx.getState().isRegistered;
    const isRegistered = registration.status === 'registered';
    this.#ctx.setState({ ...state, registration, isRegistered });
    emitPrimary?.();
    if (wasRegistered !== isRegistered && !this.#destroyed) this.#ctx.emit('isRegisteredChange', isRegistered);
  }
}
