import { NOT_RECONNECTING } from '../initial-state.js';
import type { LinkEventMap, LinkOutage } from '../link-events.js';
import type { PhoneRegistration } from '../phone-backend.js';
import type { PhoneContext } from '../phone-context.js';
import type { PhoneIdentity, RegistrationState } from '../phone-state.js';
import { ResultCode, type Result } from '../result.js';
import type { CallSignal } from '../sip/call-signal.js';
import type { SipTarget } from '../sip/sip-target.js';
import { TypedEmitter } from '../typed-emitter.js';

/** How long after a loss the scripted phone says its next attempt is due, in ms. */
const RECONNECT_DELAY_MS = 1000;

/**
 * The registration of a scripted phone: moves transport and registration
 * through the same states as the real registration controller, on command
 * instead of on network events.
 */
export class ScriptedRegistration implements PhoneRegistration {
  readonly #ctx: PhoneContext;
  readonly #autoRegister: boolean;
  readonly #dial: (target: SipTarget, headers: readonly string[]) => CallSignal;
  /** The current loss of a registered connection, until the registrar accepts again. */
  #outage: LinkOutage | null = null;
  /** Loss and recovery of the connection, as the real registration reports them. */
  readonly link = new TypedEmitter<LinkEventMap>();

  constructor(ctx: PhoneContext, autoRegister: boolean, dial: (target: SipTarget, headers: readonly string[]) => CallSignal) {
    this.#ctx = ctx;
    this.#autoRegister = autoRegister;
    this.#dial = dial;
  }

  // ── what the phone asks for ──────────────────────────────────────────

  /** Connects; then registers at once, or waits in `registering` (`autoRegister: false`). */
  start(): void {
    const { transport, destroyed } = this.#ctx.getState();
    if (destroyed || transport === 'connecting' || transport === 'connected') return;
    this.#ctx.setState({ transport: 'connecting', reconnect: NOT_RECONNECTING });
    if (this.#autoRegister) this.register();
    else this.#connectedAndRegistering();
  }

  /** Unregisters and closes. */
  stop(): Promise<void> {
    if (this.#ctx.getState().transport !== 'idle') this.#stop(true);
    return Promise.resolve();
  }

  /** New credentials: registers again if the phone was started. */
  replaceCredential(identity: PhoneIdentity): Promise<void> {
    const started = this.#ctx.getState().transport !== 'idle';
    this.#ctx.setState({ identity });
    if (started) {
      this.#set({ status: 'registering' });
      if (this.#autoRegister) this.register();
    }
    return Promise.resolve();
  }

  destroy(): Promise<void> {
    this.#stop(false);
    return Promise.resolve();
  }

  dial(target: SipTarget, headers: readonly string[] = []): CallSignal | null {
    return this.#ctx.getState().transport === 'connected' ? this.#dial(target, headers) : null;
  }

  // ── what the network does ────────────────────────────────────────────

  /** The registrar accepted (first time, after a reconnect, or a refresh). */
  register(): void {
    if (this.#ctx.getState().transport !== 'connected') {
      this.#ctx.setState({ transport: 'connected', reconnect: NOT_RECONNECTING });
      this.#ctx.emit('connected');
    }
    const now = this.#ctx.now();
    const { extension, domain } = this.#ctx.getState().identity;
    const expiresAt = now + this.#ctx.config.registerExpires * 1000;
    this.#set({ status: 'registered', aor: `sip:${extension}@${domain}`, registeredAt: now, expiresAt }, () => this.#ctx.emit('registered'));
    const outage = this.#outage;
    this.#outage = null;
    if (outage) this.link.emit('recovered', { ...outage, recoveredAt: now });
  }

  /** The registrar refused, or reconnecting gave up (`RE_REGISTRY_MAX_LIMIT_TIMES`). */
  fail(error: Result, statusCode?: number): void {
    const exhausted = error.code === ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES;
    const previous = this.#ctx.getState().reconnect;
    this.#ctx.setState({ lastError: error, reconnect: exhausted ? { ...previous, nextAttemptAt: null, exhausted: true } : previous });
    this.#set({ status: 'failed', error, ...(statusCode === undefined ? {} : { statusCode }) }, () => this.#ctx.emit('registrationFailed', error));
  }

  /** The socket was lost; the next attempt is due a second later. `networkChanged`: the browser said `online` meanwhile. */
  drop(networkChanged = false): void {
    const previous = this.#ctx.getState().reconnect;
    const wasRegistered = this.#ctx.getState().isRegistered;
    this.#ctx.setState({
      transport: 'disconnected',
      reconnect: { attempt: previous.attempt + 1, nextAttemptAt: this.#ctx.now() + RECONNECT_DELAY_MS, exhausted: false },
    });
    this.#set({ status: 'unregistered' }, () => this.#ctx.emit('disconnected'));
    if (this.#outage) this.#outage = { ...this.#outage, networkChanged: this.#outage.networkChanged || networkChanged };
    else if (wasRegistered) this.link.emit('lost', (this.#outage = { lostAt: this.#ctx.now(), reason: 'connection closed', networkChanged }));
  }

  #connectedAndRegistering(): void {
    this.#ctx.setState({ transport: 'connected', reconnect: NOT_RECONNECTING });
    this.#ctx.emit('connected');
    this.#set({ status: 'registering' });
  }

  #stop(emitDisconnected: boolean): void {
    this.#outage = null;
    this.#ctx.setState({ transport: 'idle', reconnect: NOT_RECONNECTING });
    this.#set({ status: 'unregistered' }, emitDisconnected ? () => this.#ctx.emit('disconnected') : undefined);
  }

  #set(registration: RegistrationState, emitPrimary?: () => void): void {
    const wasRegistered = this.#ctx.getState().isRegistered;
    const isRegistered = registration.status === 'registered';
    this.#ctx.setState({ registration, isRegistered });
    emitPrimary?.();
    if (wasRegistered !== isRegistered) this.#ctx.emit('isRegisteredChange', isRegistered);
  }
}
