import { backoffDelay } from './backoff.js';
import type { Credential } from './config.js';
import type { PhoneContext } from './phone-context.js';
import type { PhoneIdentity, RegistrationState } from './phone-state.js';
import { result } from './result.js';
import { SipConnection } from './sip/sip-connection.js';
import type { SipConnectionOptions } from './sip/sip-connection.js';

/** Status codes after which retrying with the same credentials cannot help. */
const FINAL_REJECTIONS = new Set([401, 403, 404, 407]);

/**
 * Keeps the phone connected and registered.
 *
 * @remarks
 * Owns the sip.js connection, the reconnect policy (exponential backoff with
 * jitter, bounded by `reRegistryPhoneTimes`) and the browser `online`
 * listener. Every state change is written to the store before the matching
 * event is emitted.
 */
export class RegistrationController {
  private connection: SipConnection | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private wanted = false;
  private destroyed = false;
  private readonly onlineTarget: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;

  constructor(
    private readonly ctx: PhoneContext,
    private credential: Credential,
    private readonly delegate: SipConnectionOptions['delegate'],
  ) {
    this.onlineTarget = typeof globalThis.addEventListener === 'function' ? globalThis : null;
  }

  /** The current sip.js connection, if started. */
  get current(): SipConnection | null {
    return this.connection;
  }

  /** Connects and registers; a no-op while already doing so. */
  start(): void {
    if (this.destroyed || this.wanted) return;
    this.wanted = true;
    this.onlineTarget?.addEventListener('online', this.handleOnline);
    this.connection ??= this.createConnection(this.ctx.getState().identity);
    this.ctx.setState({ reconnect: { attempt: 0, nextAttemptAt: null, exhausted: false } });
    this.connect();
  }

  /** Unregisters and closes the WebSocket; `start()` connects again. */
  async stop(): Promise<void> {
    this.wanted = false;
    this.clearReconnectTimer();
    this.onlineTarget?.removeEventListener('online', this.handleOnline);
    const connection = this.connection;
    this.connection = null;
    if (!connection) return;
    const wasConnected = this.ctx.getState().transport === 'connected';
    this.ctx.setState({ transport: 'idle', reconnect: { attempt: 0, nextAttemptAt: null, exhausted: false } });
    this.setRegistration({ status: 'unregistered' });
    await connection.stop();
    if (wasConnected && !this.destroyed) this.ctx.emit('disconnected');
  }

  /** Replaces identity and credential, then registers again if started. */
  async replaceCredential(identity: PhoneIdentity, credential: Credential): Promise<void> {
    const restart = this.wanted;
    await this.stop();
    this.credential = credential;
    this.ctx.setState({ identity });
    if (restart) this.start();
  }

  /** Stops for good; later calls do nothing. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.stop();
  }

  private createConnection(identity: PhoneIdentity): SipConnection {
    const connection: SipConnection = new SipConnection({
      config: this.ctx.config,
      identity,
      credential: this.credential,
      logger: this.ctx.logger,
      delegate: this.delegate,
      events: {
        onConnected: () => this.isCurrent(connection) && this.handleConnected(),
        onDisconnected: (unexpected, reason) => this.isCurrent(connection) && this.handleDisconnected(unexpected, reason),
        onRegistered: (binding) => this.isCurrent(connection) && this.handleRegistered(binding.aor, binding.expiresAt),
        onUnregistered: () => this.isCurrent(connection) && this.handleUnregistered(),
        onRegistrationRejected: (code, reason) => this.isCurrent(connection) && this.handleRejected(code, reason),
      },
    });
    return connection;
  }

  private isCurrent(connection: SipConnection): boolean {
    return this.wanted && this.connection === connection;
  }

  private connect(): void {
    const connection = this.connection;
    if (!connection) return;
    this.ctx.setState({ transport: 'connecting' });
    connection.connect().catch((error: unknown) => {
      if (!this.isCurrent(connection)) return;
      this.ctx.logger.warn(`connection to ${this.ctx.config.server} failed: ${error instanceof Error ? error.message : String(error)}`);
      this.ctx.setState({ transport: 'disconnected' });
      this.scheduleReconnect();
    });
  }

  private handleConnected(): void {
    this.clearReconnectTimer();
    this.ctx.setState({ transport: 'connected', reconnect: { attempt: 0, nextAttemptAt: null, exhausted: false } });
    this.ctx.emit('connected');
    this.register();
  }

  private register(): void {
    const connection = this.connection;
    if (!connection) return;
    this.setRegistration({ status: 'registering' });
    connection.register().catch((error: unknown) => {
      if (!this.isCurrent(connection)) return;
      this.handleRejected(0, error instanceof Error ? error.message : String(error));
    });
  }

  private handleDisconnected(unexpected: boolean, reason: string | undefined): void {
    this.ctx.setState({ transport: 'disconnected' });
    const emitDisconnected = (): void => this.ctx.emit('disconnected');
    if (this.ctx.getState().registration.status === 'failed') emitDisconnected();
    else this.setRegistration({ status: 'unregistered' }, emitDisconnected);
    this.ctx.logger.info(`transport closed${reason ? `: ${reason}` : ''}`);
    if (unexpected || this.wanted) this.scheduleReconnect();
  }

  private handleRegistered(aor: string, expiresAt: number): void {
    this.setRegistration({ status: 'registered', aor, registeredAt: Date.now(), expiresAt }, () => this.ctx.emit('registered'));
  }

  private handleUnregistered(): void {
    if (this.ctx.getState().registration.status === 'registered') this.setRegistration({ status: 'unregistered' });
  }

  private handleRejected(statusCode: number, reason: string): void {
    if (this.ctx.getState().transport !== 'connected') return; // the transport loss handler owns this case
    const error = result('REGISTRY_FAILED', statusCode ? `${statusCode} ${reason}`.trim() : reason);
    this.ctx.setState({ lastError: error });
    this.setRegistration({ status: 'failed', error, statusCode: statusCode || undefined }, () => this.ctx.emit('registrationFailed', error));
    if (!FINAL_REJECTIONS.has(statusCode)) this.scheduleReconnect(true);
  }

  /**
   * Schedules the next attempt, or gives up with RE_REGISTRY_MAX_LIMIT_TIMES.
   * `registerOnly` retries the REGISTER on a socket that is still open.
   */
  private scheduleReconnect(registerOnly = false): void {
    if (!this.wanted || this.reconnectTimer !== null) return;
    const previous = this.ctx.getState().reconnect;
    const attempt = previous.attempt + 1;
    if (attempt > this.ctx.config.reRegistryPhoneTimes) {
      const error = result('RE_REGISTRY_MAX_LIMIT_TIMES', `gave up after ${previous.attempt} attempts`);
      this.ctx.setState({ reconnect: { ...previous, nextAttemptAt: null, exhausted: true }, lastError: error });
      this.setRegistration({ status: 'failed', error }, () => this.ctx.emit('registrationFailed', error));
      this.onlineTarget?.removeEventListener('online', this.handleOnline);
      return;
    }
    const delay = backoffDelay(attempt, this.ctx.config.reconnect);
    this.ctx.setState({ reconnect: { attempt, nextAttemptAt: Date.now() + delay, exhausted: false } });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.ctx.setState({ reconnect: { ...this.ctx.getState().reconnect, nextAttemptAt: null } });
      if (registerOnly && this.ctx.getState().transport === 'connected') this.register();
      else this.connect();
    }, delay);
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  /** The browser says the network is back: retry now instead of waiting out the backoff. */
  private readonly handleOnline = (): void => {
    if (!this.wanted || this.reconnectTimer === null) return;
    this.clearReconnectTimer();
    this.ctx.setState({ reconnect: { ...this.ctx.getState().reconnect, nextAttemptAt: null } });
    if (this.ctx.getState().transport === 'connected') this.register();
    else this.connect();
  };

  /**
   * Writes the registration state, keeping `isRegistered` in step; then
   * emits the event of the change (`emitPrimary`) and `isRegisteredChange`
   * if the flag flipped.
   */
  private setRegistration(registration: RegistrationState, emitPrimary?: () => void): void {
    const wasRegistered = this.ctx.getState().isRegistered;
    const isRegistered = registration.status === 'registered';
    this.ctx.setState({ registration, isRegistered });
    emitPrimary?.();
    if (wasRegistered !== isRegistered && !this.destroyed) this.ctx.emit('isRegisteredChange', isRegistered);
  }
}
