import {
  Registerer,
  RegistererState,
  SIPExtension,
  UserAgent,
  UserAgentState,
  type RegistererOptions,
  type RegistererRegisterOptions,
  type UserAgentDelegate,
} from 'sip.js';
import { TransportError } from 'sip.js/lib/core/exceptions/transport-error.js';
import type { OutgoingRegisterRequest } from 'sip.js/lib/core/messages/methods/register.js';
import type { Credential, ResolvedPhoneConfig } from '../config.js';
import { errorMessage } from '../errors.js';
import { KeepAlive } from '../keep-alive.js';
import type { RedactingLogger } from '../logger.js';
import type { PhoneIdentity } from '../phone-state.js';
import { createInboundScreen } from './inbound-screen.js';
import { webSessionDescriptionHandlerFactory } from './web-media.js';

/** What the connection reports to its owner, in this project's own terms; nothing once stopped. */
export interface SipConnectionEvents {
  /** The WebSocket is open. */
  onConnected(): void;
  /**
   * The WebSocket closed; `reason` says why when the network or server
   * dropped it, or the keep-alive found it dead (then the phone closed it).
   */
  onDisconnected(reason: string | undefined): void;
  /** The registrar accepted the binding. */
  onRegistered(binding: { aor: string; expiresAt: number }): void;
  /** The binding is gone (unregistered, or a refresh failed). */
  onUnregistered(): void;
  /** The registrar refused the binding or did not answer. */
  onRegistrationRejected(statusCode: number, reason: string): void;
}

/** Options the connection needs beyond the resolved config. */
export interface SipConnectionOptions {
  readonly config: ResolvedPhoneConfig;
  readonly identity: PhoneIdentity;
  readonly credential: Credential;
  readonly logger: RedactingLogger;
  readonly events: SipConnectionEvents;
  /** Extra user-agent delegate handlers (incoming calls, REFER...). */
  readonly delegate?: Omit<UserAgentDelegate, 'onConnect' | 'onDisconnect'>;
  /**
   * The Contact to register (user part and `*.invalid` host), the same for
   * every connection of a phone: a registrar keys bindings by Contact, so a
   * new connection updates the phone's one binding instead of adding one.
   */
  readonly contact?: { readonly user: string; readonly host: string };
}

/** The part of sip.js's Registerer (0.21.2) that is private but needed to queue a REGISTER. */
interface RegistererWaiting {
  readonly waiting: boolean;
  readonly waitingChange: { addListener(listener: (waiting: boolean) => void, options: { once: boolean }): void };
}

type IncomingResponse = Parameters<NonNullable<NonNullable<RegistererRegisterOptions['requestDelegate']>['onAccept']>>[0];

/** A REGISTER sent and not yet answered: on which connection, and whether it was given up with it. */
interface InFlightRegister {
  readonly connection: number;
  request?: OutgoingRegisterRequest;
  stale?: boolean;
}

/**
 * A sip.js Registerer that reports the final response of every REGISTER,
 * including the refreshes sip.js sends on its own timer (which take no request
 * delegate), so the store's `expiresAt` follows each refresh and a refused
 * refresh is reported like a refused registration.
 */
class ObservedRegisterer extends Registerer {
  readonly #observe: (response: IncomingResponse, accepted: boolean) => void;
  /** The REGISTER waiting for its final response, with the connection it went out on. */
  #inFlight: InFlightRegister | undefined;
  /** Counts the connections the user agent opened; set by the owner on each connect. */
  connection = 0;

  constructor(userAgent: UserAgent, options: RegistererOptions, observe: (response: IncomingResponse, accepted: boolean) => void) {
    super(userAgent, options);
    this.#observe = observe;
  }

  override register(options: RegistererRegisterOptions = {}): Promise<OutgoingRegisterRequest> {
    const sent = this.#register(options);
    // sip.js's refresh timer drops the promise: a refresh that fails (e.g. fired while stopping) must not
    // become an unhandled rejection. Callers that await it still see the error.
    sent.catch(() => undefined);
    return sent;
  }

  async #register(options: RegistererRegisterOptions): Promise<OutgoingRegisterRequest> {
    const delegate = options.requestDelegate;
    const entry: InFlightRegister = { connection: this.connection };
    const settle = (response: IncomingResponse, accepted: boolean): void => {
      if (this.#inFlight === entry) this.#inFlight = undefined;
      if (entry.stale) return; // lost with its connection; a new REGISTER owns the outcome
      delegate?.[accepted ? 'onAccept' : 'onReject']?.(response);
      this.#observe(response, accepted);
    };
    this.#inFlight = entry;
    entry.request = await super.register({
      ...options,
      requestDelegate: { ...delegate, onAccept: (response) => settle(response, true), onReject: (response) => settle(response, false) },
    });
    return entry.request;
  }

  /**
   * Stops the refresh and expiry timers. sip.js clears them only once an
   * un-REGISTER is answered; one lost with a dead connection never is, and
   * its 600 s expiry timer would outlive the phone.
   */
  release(): void {
    (this as unknown as { clearTimers(): void }).clearTimers();
  }

  /**
   * Ends a REGISTER still waiting on an earlier connection, which can never
   * be answered, as a transport error (RFC 3261 §8.1.3.1), without reporting
   * it: otherwise sip.js refuses a new REGISTER until Timer F (32 s) fires.
   */
  abortStale(): void {
    const entry = this.#inFlight;
    if (!entry?.request || entry.connection === this.connection) return;
    entry.stale = true;
    const { transaction } = entry.request as { transaction?: { state: string; onTransportError(error: TransportError): void } };
    if (transaction && transaction.state !== 'Terminated') transaction.onTransportError(new TransportError('connection lost'));
  }
}

/** Resolves when `promise` settles or after 2 s, whichever comes first: a gone server must not hold up `stop()`. */
function withTimeout(promise: Promise<unknown>): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]).finally(() => clearTimeout(timer));
}

/**
 * One sip.js user agent and its registerer: the signalling link of a phone.
 *
 * @remarks
 * sip.js's own reconnection stays off (its `reconnectionAttempts` defaults to 0): the
 * phone's registration controller owns the retry policy so that attempts are
 * visible in the store and bounded by `reRegistryPhoneTimes`.
 */
export class SipConnection {
  readonly userAgent: UserAgent;
  readonly #registerer: ObservedRegisterer;
  readonly #keepAlive: KeepAlive;
  /** Why the phone is closing the socket itself (the keep-alive found it dead). */
  #dropReason: string | undefined;
  /** The last keep-alive OPTIONS; dropped with its connection so its Timer F does not outlive it. */
  #options: { dispose(): void } | undefined;
  #stopped = false;

  constructor(options: SipConnectionOptions) {
    const { config, identity, credential, logger, events, contact } = options;
    const aor = `sip:${identity.extension}@${identity.domain}`;
    const uri = UserAgent.makeURI(aor);
    if (!uri) throw new Error(`cannot build a SIP URI from ${aor}`);

    const userAgent = (this.userAgent = new UserAgent({
      uri,
      transportOptions: { server: config.server, connectionTimeout: 5 },
      authorizationUsername: identity.authorizationUser,
      ...(credential.type === 'password' ? { authorizationPassword: credential.password } : { authorizationHa1: credential.ha1 }),
      // Escaped for a quoted-string (RFC 3261 §25.1).
      displayName: identity.displayName?.replace(/["\\]/g, '\\$&'),
      ...(contact && { contactName: contact.user, viaHost: contact.host }),
      logBuiltinEnabled: false,
      // sip.js logs whole SIP messages at debug level; the redacting logger strips their credential
      // headers. Its levels are ours, except that it calls info 'log'.
      logConnector: (level, category, label, content) => logger[level === 'log' ? 'info' : level](`[sip.js ${label ?? category}] ${content}`),
      logLevel: config.logLevel === 'silent' ? 'error' : config.logLevel === 'info' ? 'log' : config.logLevel,
      sipExtensionReplaces: SIPExtension.Supported,
      userAgentString: 'webphone/0.1',
      sessionDescriptionHandlerFactory: config.media?.sessionDescriptionHandlerFactory ?? webSessionDescriptionHandlerFactory(),
      // The phone sends 180 itself once it decided to ring: a call refused by the call limit gets 486 and nothing before it.
      sendInitialProvisionalResponse: false,
      gracefulShutdown: false,
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: config.iceServers, iceTransportPolicy: config.iceTransportPolicy },
      },
      delegate: {
        ...options.delegate,
        onConnect: () => {
          if (this.#stopped) return;
          this.#registerer.connection++;
          this.#listenForPongs();
          this.#keepAlive.start();
          events.onConnected();
        },
        onDisconnect: (error) => {
          this.#keepAlive.stop();
          const reason = this.#dropReason ?? error?.message;
          this.#dropReason = undefined;
          this.#options?.dispose();
          this.#options = undefined;
          if (this.#stopped) return;
          events.onDisconnected(reason);
        },
      },
    }));

    // sip.js's parser throws on some malformed input (e.g. a start line with no headers), and the
    // throw would escape from the WebSocket's message handler: a server's bad message is dropped and logged instead.
    // What is too large or comes too fast never reaches that parser (INBOUND_LIMITS says why).
    const transport = userAgent.transport;
    const deliver = transport.onMessage;
    const screen = createInboundScreen();
    let dropped = 0;
    if (deliver) {
      transport.onMessage = (message: string) => {
        if (message.startsWith('SIP/2.0 ')) this.#keepAlive.answered();
        const refused = screen(message);
        // Logged at the 1st, 2nd, 4th, 8th... drop: a flood must not become a flood of log lines.
        if (refused && !(++dropped & (dropped - 1))) logger.warn(`dropped a SIP message (${refused}); ${dropped} dropped so far`);
        if (refused) return;
        try {
          deliver.call(transport, message);
        } catch (error) {
          logger.warn(`dropped a bad SIP message: ${errorMessage(error)}`);
        }
      };
    }

    this.#keepAlive = new KeepAlive(
      config.keepAlive,
      {
        ping: () => void transport.send('\r\n\r\n').catch(() => undefined),
        options: () => this.#sendOptions(identity.domain),
      },
      (reason) => this.#drop(reason),
    );

    this.#registerer = new ObservedRegisterer(userAgent, { expires: config.registerExpires, refreshFrequency: 90 }, ({ message }, accepted) => {
      if (this.#stopped) return;
      if (!accepted) return events.onRegistrationRejected(message.statusCode ?? 0, message.reasonPhrase ?? '');
      // The lifetime the registrar granted to this UA's own contact, in seconds.
      const ownUser = userAgent.contact.uri.user;
      let expires = config.registerExpires;
      for (const contact of message.getHeaders('contact').flatMap((header) => header.split(/,(?=\s*<)/))) {
        const match = /;\s*expires=(\d+)/i.exec(contact);
        if (match && (!ownUser || contact.includes(ownUser))) {
          expires = Number(match[1]);
          break;
        }
      }
      // The answer to an un-REGISTER grants nothing; the state listener reports it.
      if (expires > 0) events.onRegistered({ aor, expiresAt: Date.now() + expires * 1000 });
    });
    this.#registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Unregistered && !this.#stopped) events.onUnregistered();
    });
  }

  /** The server the next `connect()` opens a WebSocket to (one of the config's servers); the open one is not touched. */
  useServer(server: string): void {
    (this.userAgent.transport as unknown as { configuration: { server: string } }).configuration.server = server;
  }

  /** Closes the open WebSocket at once, reporting `reason` as the loss (the owner reconnects). */
  close(reason: string): void {
    this.#drop(reason);
  }

  /** Checks the connection now (e.g. after the browser's `online` event): a dead one is found within the keep-alive timeout. */
  probe(): void {
    this.#keepAlive.probeNow();
  }

  /** Sees CRLF pongs, which sip.js's transport swallows before its message callback. */
  #listenForPongs(): void {
    const transport = this.userAgent.transport as { ws?: WebSocket };
    const ws = transport.ws;
    ws?.addEventListener('message', (event: MessageEvent) => {
      // A late pong on a socket already given up must not vouch for its successor.
      if (ws === transport.ws && typeof event.data === 'string' && /^(\r\n)+$/.test(event.data)) this.#keepAlive.pong();
    });
  }

  /** An out-of-dialog OPTIONS to the server's domain: any final answer shows the connection is alive. */
  #sendOptions(domain: string): void {
    const core = this.userAgent.userAgentCore;
    const target = UserAgent.makeURI(`sip:${domain}`);
    if (!target || !this.userAgent.isConnected()) return;
    this.#options?.dispose();
    this.#options = core.request(core.makeOutgoingRequestMessage('OPTIONS', target, this.userAgent.configuration.uri, target, {}), {});
  }

  /**
   * Closes a connection the keep-alive found dead, without waiting for the
   * closing handshake (it would never come): sip.js reports the loss at once
   * and the phone reconnects on a new socket.
   */
  #drop(reason: string): void {
    this.#dropReason = reason;
    void this.userAgent.transport.disconnect().catch(() => undefined);
  }

  /** Opens the WebSocket (first time or again); rejects when it cannot. */
  connect(): Promise<void> {
    if (this.userAgent.isConnected()) return Promise.resolve();
    return this.userAgent.state === UserAgentState.Started ? this.userAgent.reconnect() : this.userAgent.start();
  }

  /** Sends REGISTER; the outcome arrives through the events. */
  async register(): Promise<void> {
    // sip.js refuses a REGISTER while one is outstanding (e.g. a refresh sent
    // on the socket that just died); its `waiting` flag is private in 0.21.2.
    this.#registerer.abortStale();
    const pending = this.#registerer as unknown as RegistererWaiting;
    if (pending.waiting) await new Promise((resolve) => pending.waitingChange.addListener(resolve, { once: true }));
    if (!this.#stopped) await this.#registerer.register();
  }

  /**
   * Removes the binding if there is one, then stops registration timers,
   * transactions and the WebSocket. Idempotent; resolves within a few seconds
   * even when the server is gone.
   */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#keepAlive.stop();
    const registerer = this.#registerer;
    const userAgent = this.userAgent;
    if (registerer.state === RegistererState.Registered && userAgent.isConnected()) {
      await withTimeout(
        new Promise((resolve) => {
          registerer.unregister({ requestDelegate: { onAccept: resolve, onReject: resolve } }).catch(resolve);
        }),
      );
    }
    // Disposing clears the refresh timers; it would unregister again only if the first try got no answer.
    await withTimeout(registerer.dispose().catch(() => undefined));
    await userAgent.stop().catch(() => undefined);
    registerer.release();
  }
}
