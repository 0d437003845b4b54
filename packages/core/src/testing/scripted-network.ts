import type { Credential } from '../config.js';
import { buildConstraints } from '../media/user-media.js';
import type { CallRegistry } from '../call-registry.js';
import type { CallReport } from '../call-status.js';
import type { PhoneBackend } from '../phone-backend.js';
import type { PhoneContext } from '../phone-context.js';
import type { CallSignal } from '../sip/call-signal.js';
import type { SipTarget } from '../sip/sip-target.js';
import { ScriptedCall } from './scripted-call.js';
import { ScriptedRegistration } from './scripted-registration.js';
import type { ScriptedPhoneOptions } from './scripted-types.js';

/** A minimal offer: the far end sends audio (and video when asked), nothing more is read from it. */
function offer(video: boolean): string {
  return `v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n${video ? 'm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n' : ''}`;
}

/**
 * The in-memory network of a scripted phone: a `PhoneBackend` whose
 * registrar and far ends are driven by the test instead of a SIP server.
 */
export class ScriptedNetwork implements PhoneBackend {
  /** Every call's signalling by call id, ended ones included. */
  readonly calls = new Map<string, ScriptedCall>();
  /** The id of the latest outgoing call. */
  lastDialed: string | null = null;
  #registration: ScriptedRegistration | null = null;
  #registry: CallRegistry | null = null;
  #onCall: ((call: CallSignal) => void) | null = null;
  #nextCall = 1;
  readonly #options: ScriptedPhoneOptions;

  constructor(options: ScriptedPhoneOptions) {
    this.#options = options;
  }

  readonly now = (): number => (this.#options.now ?? Date.now)();

  registration(ctx: PhoneContext, _credential: Credential, onCall: (call: CallSignal) => void): ScriptedRegistration {
    this.#onCall = onCall;
    return (this.#registration = new ScriptedRegistration(ctx, this.#options.autoRegister ?? true, (target, headers) => this.#dialed(target, headers)));
  }

  openMedia: PhoneBackend['openMedia'] = (options, deviceIds) =>
    Promise.resolve({ ok: true, media: { constraints: buildConstraints(options, deviceIds), stream: null } });

  attach(registry: CallRegistry, reportQuality: (callId: string, report: CallReport) => boolean): void {
    this.#registry = registry;
    this.reportQuality = reportQuality;
  }

  /** Hands a quality report to the phone as its own monitor would (set by `attach`). */
  reportQuality: (callId: string, report: CallReport) => boolean = () => false;

  /** The registration, once the phone built it. */
  get registrar(): ScriptedRegistration {
    if (!this.#registration) throw new Error('the scripted phone is not built yet');
    return this.#registration;
  }

  /** The phone's call registry. */
  get registry(): CallRegistry {
    if (!this.#registry) throw new Error('the scripted phone is not built yet');
    return this.#registry;
  }

  /** An INVITE arrives from `number` with extra `headers` (with Replaces naming `replaces`, if given); returns the new call's signalling. */
  invite(
    number: string,
    displayName: string,
    video: boolean,
    domain: string,
    headers: Readonly<Record<string, string>>,
    replaces?: ScriptedCall,
  ): ScriptedCall {
    const call = this.#newCall('inbound', { user: number, host: domain }, displayName, offer(video), headers);
    call.replaces = replaces;
    this.#onCall?.(call);
    return call;
  }

  #dialed(target: SipTarget, headers: readonly string[]): ScriptedCall {
    const call = this.#newCall('outbound', target, '', undefined, headers);
    this.lastDialed = call.sipCallId;
    return call;
  }

  #newCall(
    direction: 'inbound' | 'outbound',
    remote: SipTarget,
    displayName: string,
    sdp: string | undefined,
    headers: Readonly<Record<string, string>> | readonly string[],
  ): ScriptedCall {
    const call = new ScriptedCall(`call-${this.#nextCall++}`, direction, remote, displayName, sdp, this.#options.autoConfirm ?? true, headers);
    this.calls.set(call.sipCallId, call);
    return call;
  }
}
