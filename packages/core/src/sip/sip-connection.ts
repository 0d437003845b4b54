import {
  RegistererState,
  SIPExtension,
  UserAgent,
  UserAgentState,
  type UserAgentDelegate,
  type UserAgentOptions,
} from 'sip.js';
import type { Credential, ResolvedPhoneConfig } from '../config.js';
import type { RedactingLogger } from '../logger.js';
import type { PhoneIdentity } from '../phone-state.js';
import { ObservedRegisterer } from './observed-registerer.js';
import { createSipLogConnector } from './sip-log-connector.js';
import { webSessionDescriptionHandlerFactory } from './web-media.js';

/** What the connection reports to its owner, in this project's own terms. */
export interface SipConnectionEvents {
  /** The WebSocket is open. */
  onConnected(): void;
  /** The WebSocket closed; `unexpected` when the network or server dropped it. */
  onDisconnected(unexpected: boolean, reason: string | undefined): void;
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
}

/** The part of sip.js's Registerer (0.21.2) that is private but needed to queue a REGISTER. */
interface RegistererWaiting {
  readonly waiting: boolean;
  readonly waitingChange: { addListener(listener: (waiting: boolean) => void, options: { once: boolean }): void };
}

const UNREGISTER_TIMEOUT_MS = 2000;

/** Resolves when `promise` settles or after `ms`, whichever comes first. */
function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Escapes a display name for a quoted-string (RFC 3261 §25.1). */
function quoteDisplayName(name: string): string {
  return name.replace(/["\\]/g, (c) => `\\${c}`);
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
  private readonly registerer: ObservedRegisterer;
  private readonly aor: string;
  private stopped = false;

  constructor(private readonly options: SipConnectionOptions) {
    const { config, identity, credential, logger, events } = options;
    this.aor = `sip:${identity.extension}@${identity.domain}`;
    const uri = UserAgent.makeURI(this.aor);
    if (!uri) throw new Error(`cannot build a SIP URI from ${this.aor}`);

    const userAgentOptions: UserAgentOptions = {
      uri,
      transportOptions: { server: config.server, connectionTimeout: 5 },
      authorizationUsername: identity.authorizationUser,
      ...(credential.type === 'password' ? { authorizationPassword: credential.password } : { authorizationHa1: credential.ha1 }),
      displayName: identity.displayName === undefined ? undefined : quoteDisplayName(identity.displayName),
      logBuiltinEnabled: false,
      logConnector: createSipLogConnector(logger),
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
          if (!this.stopped) events.onConnected();
        },
        onDisconnect: (error) => {
          if (!this.stopped) events.onDisconnected(error !== undefined, error?.message);
        },
      },
    };
    this.userAgent = new UserAgent(userAgentOptions);
    this.guardAgainstMalformedMessages();
    this.registerer = new ObservedRegisterer(
      this.userAgent,
      { expires: config.registerExpires, refreshFrequency: 90 },
      {
        onAccept: (response) => {
          if (this.stopped) return;
          const expires = this.grantedExpires(response.message.getHeaders('contact'));
          // The answer to an un-REGISTER grants nothing; the state listener reports it.
          if (expires > 0) events.onRegistered({ aor: this.aor, expiresAt: Date.now() + expires * 1000 });
        },
        onReject: (response) => {
          if (!this.stopped) events.onRegistrationRejected(response.message.statusCode ?? 0, response.message.reasonPhrase ?? '');
        },
      },
    );
    this.registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Unregistered && !this.stopped) events.onUnregistered();
    });
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
    const pending = this.registerer as unknown as RegistererWaiting;
    if (pending.waiting) {
      await new Promise<void>((resolve) => pending.waitingChange.addListener(() => resolve(), { once: true }));
    }
    if (this.stopped) return;
    await this.registerer.register();
  }

  /**
   * sip.js's parser throws on some malformed input (e.g. a start line with no
   * headers), and the throw would escape from the WebSocket's message
   * handler. A server's bad message is dropped and logged instead.
   */
  private guardAgainstMalformedMessages(): void {
    const transport = this.userAgent.transport;
    const deliver = transport.onMessage;
    if (!deliver) return;
    transport.onMessage = (message: string) => {
      try {
        deliver.call(transport, message);
      } catch (error) {
        this.options.logger.warn(`dropped a SIP message that could not be handled: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  }

  /** The lifetime the registrar granted to this UA's contact, in seconds. */
  private grantedExpires(contacts: string[]): number {
    const ownUser = this.userAgent.contact.uri.user;
    for (const contact of contacts.flatMap((header) => header.split(/,(?=\s*<)/))) {
      if (ownUser && !contact.includes(ownUser)) continue;
      const match = /;\s*expires=(\d+)/i.exec(contact);
      if (match) return Number(match[1]);
    }
    return this.options.config.registerExpires;
  }

  /** Removes the binding, when there is one and the socket is up. */
  async unregister(): Promise<void> {
    if (this.registerer.state !== RegistererState.Registered || !this.userAgent.isConnected()) return;
    await withTimeout(
      new Promise<void>((resolve) => {
        this.registerer
          .unregister({ requestDelegate: { onAccept: () => resolve(), onReject: () => resolve() } })
          .catch(() => resolve());
      }),
      UNREGISTER_TIMEOUT_MS,
    );
  }

  /**
   * Stops everything: registration timers, transactions and the WebSocket.
   * Idempotent; resolves within a few seconds even when the server is gone.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.unregister();
    // Disposing clears the refresh timers; it would unregister again only if the first try got no answer.
    await withTimeout(this.registerer.dispose().catch(() => undefined), UNREGISTER_TIMEOUT_MS);
    await this.userAgent.stop().catch(() => undefined);
  }
}
