import type { RegistrationState } from '../phone-state.js';
import { ResultCode, result, type Result } from '../result.js';
import type { ScriptedContext } from './scripted-call-book.js';

const IDLE_RECONNECT = { attempt: 0, nextAttemptAt: null, exhausted: false } as const;

/**
 * The registration half of a scripted phone: moves transport and
 * registration through the same states as the real registration controller,
 * on command instead of on network events.
 */
export class ScriptedRegistration {
  constructor(
    private readonly ctx: ScriptedContext,
    private readonly expiresSeconds: number,
  ) {}

  /** `start()`: the socket starts connecting. */
  connect(): void {
    this.ctx.setState({ transport: 'connecting', reconnect: IDLE_RECONNECT });
  }

  /** The registrar accepted (first time, after a reconnect, or a refresh). */
  register(): void {
    const state = this.ctx.getState();
    if (state.transport !== 'connected') {
      this.ctx.setState({ transport: 'connected', reconnect: IDLE_RECONNECT });
      this.ctx.emit('connected');
    }
    const now = this.ctx.now();
    const { extension, domain } = this.ctx.getState().identity;
    this.set({ status: 'registered', aor: `sip:${extension}@${domain}`, registeredAt: now, expiresAt: now + this.expiresSeconds * 1000 }, () =>
      this.ctx.emit('registered'),
    );
  }

  /** The socket opened (emits `connected`) and a REGISTER is on its way. */
  connectedAndRegistering(): void {
    this.ctx.setState({ transport: 'connected', reconnect: IDLE_RECONNECT });
    this.ctx.emit('connected');
    this.registering();
  }

  /** A REGISTER is on its way. */
  registering(): void {
    this.set({ status: 'registering' });
  }

  /** The registrar refused, or reconnecting gave up (`RE_REGISTRY_MAX_LIMIT_TIMES`). */
  fail(error: Result, statusCode?: number): void {
    const exhausted = error.code === ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES;
    const reconnect = exhausted ? { ...this.ctx.getState().reconnect, nextAttemptAt: null, exhausted: true } : this.ctx.getState().reconnect;
    this.ctx.setState({ lastError: error, reconnect });
    this.set({ status: 'failed', error, ...(statusCode === undefined ? {} : { statusCode }) }, () => this.ctx.emit('registrationFailed', error));
  }

  /** The socket was lost; a reconnect attempt is scheduled a second later. */
  drop(): void {
    const previous = this.ctx.getState().reconnect;
    this.ctx.setState({ transport: 'disconnected', reconnect: { attempt: previous.attempt + 1, nextAttemptAt: this.ctx.now() + 1000, exhausted: false } });
    this.set({ status: 'unregistered' }, () => this.ctx.emit('disconnected'));
  }

  /** `disconnect()` or `destroy()`: unregistered, socket closed. */
  stop(emitDisconnected: boolean): void {
    this.ctx.setState({ transport: 'idle', reconnect: IDLE_RECONNECT });
    this.set({ status: 'unregistered' }, emitDisconnected ? () => this.ctx.emit('disconnected') : undefined);
  }

  /** The default failure of `failRegistration()`. */
  static forbidden(): Result {
    return result('REGISTRY_FAILED', '403 Forbidden');
  }

  private set(registration: RegistrationState, emitPrimary?: () => void): void {
    const wasRegistered = this.ctx.getState().isRegistered;
    const isRegistered = registration.status === 'registered';
    this.ctx.setState({ registration, isRegistered });
    emitPrimary?.();
    if (wasRegistered !== isRegistered) this.ctx.emit('isRegisteredChange', isRegistered);
  }
}
