import {
  Invitation,
  Inviter,
  SessionState,
  type Info,
  type InviterInviteOptions,
  type Notification,
  type Referral,
  type Session as SipSession,
  type SessionDelegate,
} from 'sip.js';
import type { RedactingLogger } from '../logger.js';
import { readReferral, type ReferralTarget } from './sip-referral.js';
import { bracketedTargetUri, type SipTarget } from './sip-target.js';

/** Direction of a call, as the store names it. */
export type SipCallDirection = 'outbound' | 'inbound';

/** An INFO request received in a call, as plain data. */
export interface IncomingInfo {
  readonly contentType: string;
  readonly body: string;
  /** First value of a header, or `undefined`. */
  header(name: string): string | undefined;
  /** Answers 200 OK. */
  accept(): void;
  /** Answers with a failure status. */
  reject(statusCode: number): void;
}

/** A REFER we received (we are the transferee). */
export interface IncomingTransfer extends ReferralTarget {
  /** Answers 202 Accepted. */
  accept(): void;
  /** Refuses the REFER. */
  reject(statusCode: number): void;
  /**
   * Creates the INVITE towards the Refer-To target (with its Replaces and
   * Referred-By); its responses are reported to the referrer by NOTIFY.
   */
  follow(): SipCall;
}

/** What a call reports to its owner. Every handler is optional. */
export interface SipCallEvents {
  /** A provisional response (180, 183) to our INVITE. */
  progress(statusCode: number): void;
  /** 200 OK sent (inbound) or received (outbound). */
  accepted(): void;
  /** ACK sent (outbound) or received (inbound): media may flow. */
  confirmed(): void;
  /** The call ended before it was established. */
  failed(statusCode: number, reason: string): void;
  /** An established call ended; `byRemote` when the far end sent BYE. */
  ended(byRemote: boolean): void;
  /** The far end renegotiated the session; `remoteSdp` is its new description. */
  reinvite(remoteSdp: string | undefined): void;
  /** An INFO arrived; the handler must accept or reject it. */
  info(info: IncomingInfo): void;
  /** A REFER arrived (we are asked to call someone else). */
  refer(transfer: IncomingTransfer): void;
}

/** Outcome of an in-dialog request we sent. */
export interface RequestOutcome {
  readonly ok: boolean;
  /** Final SIP status, or 0 when no answer came (transport failure, closed dialog). */
  readonly statusCode: number;
  readonly reason: string;
  /** Retry-After of a failure response, in ms. */
  readonly retryAfterMs: number | null;
}

/** The media objects of a session description handler, as far as the phone uses them. */
export interface SdhMedia {
  readonly localMediaStream?: MediaStream;
  readonly remoteMediaStream?: MediaStream;
  readonly peerConnection?: { getStats(): Promise<unknown> } | undefined;
  sendDtmf(tones: string, options?: unknown): boolean;
}

/** Options of the SDH for one call; `webphoneLocalStream` is the stream the phone already opened. */
export interface CallMediaOptions {
  readonly constraints: MediaStreamConstraints;
  readonly webphoneLocalStream?: MediaStream | null;
}

function failure(statusCode: number, reason: string, retryAfter?: string): RequestOutcome {
  const seconds = retryAfter === undefined ? NaN : Number.parseInt(retryAfter, 10);
  return { ok: false, statusCode, reason, retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null };
}

const SUCCESS: RequestOutcome = { ok: true, statusCode: 200, reason: 'OK', retryAfterMs: null };

/**
 * One sip.js session (Inviter or Invitation) translated into plain events
 * and promise-returning actions.
 *
 * @remarks
 * Nothing outside `sip/` sees a sip.js object: the call controller works
 * with this class only. Exceptions thrown by sip.js for unexpected states
 * are caught here and turned into failed outcomes, so a strange message from
 * the network never escapes as an uncaught error.
 */
export class SipCall {
  /** The SIP Call-ID of the dialog. */
  readonly sipCallId: string;
  private events: Partial<SipCallEvents> = {};
  private wasEstablished = false;
  private wasConfirmed = false;
  private done = false;
  private endedLocally = false;
  private failureCode = 0;
  private failureReason = '';
  private remoteDescription: string | undefined;

  constructor(
    private readonly session: Inviter | Invitation,
    readonly direction: SipCallDirection,
    private readonly logger: RedactingLogger,
  ) {
    this.sipCallId = session.request.callId;
    if (session instanceof Invitation) this.remoteDescription = session.body;
    const delegate: SessionDelegate = {
      onAck: () => this.markConfirmed(),
      onCancel: () => {
        this.failureCode = 487;
        this.failureReason = 'Request Terminated';
      },
      onBye: (bye) => bye.accept(),
      onInfo: (info) => this.handleInfo(info),
      onInvite: (request, _response, statusCode) => {
        if (statusCode >= 300) return;
        this.remoteDescription = request.body || this.remoteDescription;
        this.safely('reinvite', () => this.events.reinvite?.(request.body || undefined));
      },
      onRefer: (referral) => this.handleRefer(referral),
    };
    session.delegate = delegate;
    session.stateChange.addListener((state) => this.handleState(state));
  }

  /** Sets the handlers; replaces earlier ones. */
  setEvents(events: Partial<SipCallEvents>): void {
    this.events = events;
  }

  /** The user part of the far end's address (From for inbound, To for outbound). */
  get remoteUser(): string {
    return this.session.remoteIdentity.uri.user ?? '';
  }

  /** The far end's display name, if it sent one. */
  get remoteDisplayName(): string {
    return this.session.remoteIdentity.displayName ?? '';
  }

  /** The far end's address of record, for a Refer-To that goes through the proxy. */
  get remoteAor(): SipTarget {
    const uri = this.session.remoteIdentity.uri;
    return { user: uri.user ?? '', host: uri.host, port: uri.port };
  }

  /** The far end's latest session description (offer or answer). */
  get remoteSdp(): string | undefined {
    return this.remoteDescription;
  }

  /** True once the dialog is confirmed and not yet ended. */
  get isEstablished(): boolean {
    return this.session.state === SessionState.Established;
  }

  /** The session description handler's media, once it exists. */
  get media(): SdhMedia | undefined {
    return this.session.sessionDescriptionHandler as unknown as SdhMedia | undefined;
  }

  /** True for an incoming INVITE that carried Replaces matching one of this phone's dialogs. */
  get replaces(): SipCall | undefined {
    return this.session instanceof Invitation ? replacedCalls.get(this.session._replacee as SipSession) : undefined;
  }

  /** Dialog identifiers for a Replaces header naming this call (RFC 3891 §3). */
  get replacesValue(): string | undefined {
    const dialog = this.session.dialog;
    if (!dialog) return undefined;
    // to-tag / from-tag are from the point of view of the UA receiving the INVITE with Replaces (the far end of this dialog).
    return `${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`;
  }

  /**
   * Closes the session description handler now (peer connection and
   * tracks); sip.js would otherwise wait for the BYE transaction to finish.
   * Idempotent.
   */
  releaseMedia(): void {
    try {
      this.session.sessionDescriptionHandler?.close();
    } catch (error) {
      this.logger.warn(`closing media failed: ${describe(error)}`);
    }
  }

  /** Sends the INVITE (outbound only). */
  async invite(media: CallMediaOptions): Promise<void> {
    if (!(this.session instanceof Inviter)) throw new Error('invite() is for outgoing calls');
    const inviter = this.session;
    const options: InviterInviteOptions = {
      sessionDescriptionHandlerOptions: media as never,
      requestDelegate: {
        onProgress: (response) => this.safely('progress', () => this.events.progress?.(response.message.statusCode ?? 180)),
        onReject: (response) => {
          this.failureCode = response.message.statusCode ?? 0;
          this.failureReason = response.message.reasonPhrase ?? '';
        },
      },
    };
    await inviter.invite(options);
  }

  /** Sends 180 Ringing for an incoming call. */
  ring(): void {
    if (!(this.session instanceof Invitation)) return;
    this.session.progress().catch((error: unknown) => this.logger.warn(`180 Ringing not sent: ${describe(error)}`));
  }

  /** Answers an incoming call with 200 OK. */
  async accept(media: CallMediaOptions): Promise<void> {
    if (!(this.session instanceof Invitation)) throw new Error('accept() is for incoming calls');
    await this.session.accept({ sessionDescriptionHandlerOptions: media as never });
  }

  /** Refuses an incoming call that has not been answered. */
  reject(statusCode: number): boolean {
    if (!(this.session instanceof Invitation) || this.done) return false;
    if (this.session.state !== SessionState.Initial && this.session.state !== SessionState.Establishing) return false;
    this.failureCode = statusCode;
    this.failureReason = 'rejected';
    this.endedLocally = true;
    this.session.reject({ statusCode }).catch((error: unknown) => this.logger.warn(`reject failed: ${describe(error)}`));
    return true;
  }

  /** Ends the call whatever its state: CANCEL, reject (480) or BYE. */
  terminate(rejectCode = 480): boolean {
    if (this.done) return false;
    const state = this.session.state;
    if (state === SessionState.Terminating || state === SessionState.Terminated) return false;
    this.endedLocally = true;
    try {
      if (state === SessionState.Established) {
        this.session.bye().catch((error: unknown) => this.logger.warn(`BYE failed: ${describe(error)}`));
      } else if (this.session instanceof Inviter) {
        this.failureCode = 487;
        this.failureReason = 'canceled';
        this.session.cancel().catch((error: unknown) => this.logger.warn(`CANCEL failed: ${describe(error)}`));
      } else {
        return this.reject(rejectCode);
      }
    } catch (error) {
      this.logger.warn(`ending the call failed: ${describe(error)}`);
      return false;
    }
    return true;
  }

  /**
   * Sends a re-INVITE that puts the far end on hold (our side `sendonly`)
   * or takes it off hold (`sendrecv`).
   */
  reinvite(hold: boolean): Promise<RequestOutcome> {
    return new Promise((resolve) => {
      const options = {
        sessionDescriptionHandlerOptions: { hold } as never,
        requestDelegate: {
          onAccept: () => resolve(SUCCESS),
          onReject: (response: { message: { statusCode?: number; reasonPhrase?: string; getHeader(name: string): string | undefined } }) =>
            resolve(failure(response.message.statusCode ?? 0, response.message.reasonPhrase ?? '', response.message.getHeader('retry-after'))),
        },
      };
      try {
        this.session.invite(options).catch((error: unknown) => resolve(failure(0, describe(error))));
      } catch (error) {
        resolve(failure(0, describe(error)));
      }
    });
  }

  /** Sends INFO with `extraHeaders` and an optional body. */
  info(extraHeaders: string[], body?: { contentType: string; content: string }): Promise<RequestOutcome> {
    return new Promise((resolve) => {
      try {
        this.session
          .info({
            requestDelegate: {
              onAccept: () => resolve(SUCCESS),
              onReject: (response) =>
                resolve(failure(response.message.statusCode ?? 0, response.message.reasonPhrase ?? '', response.message.getHeader('retry-after'))),
            },
            requestOptions: { extraHeaders, body: body ? { contentDisposition: 'render', ...body } : undefined },
          })
          .catch((error: unknown) => resolve(failure(0, describe(error))));
      } catch (error) {
        resolve(failure(0, describe(error)));
      }
    });
  }

  /**
   * Sends REFER asking the far end to call `target` (RFC 3515), with
   * Replaces naming `replacing`'s dialog for an attended transfer.
   *
   * @param onNotify gets the status line of each NOTIFY (`message/sipfrag`).
   * @returns the REFER's own outcome (202 when accepted).
   */
  refer(target: SipTarget, replacing: SipCall | undefined, onNotify: (statusCode: number) => void): Promise<RequestOutcome> {
    return new Promise((resolve) => {
      try {
        const replaces = replacing?.replacesValue;
        if (replacing && !replaces) {
          resolve(failure(0, 'the consultation call has no confirmed dialog'));
          return;
        }
        const uri = bracketedTargetUri(target, replaces);
        this.session
          .refer(uri, {
            requestDelegate: {
              onAccept: (response) => resolve({ ...SUCCESS, statusCode: response.message.statusCode ?? 202 }),
              onReject: (response) => resolve(failure(response.message.statusCode ?? 0, response.message.reasonPhrase ?? '', response.message.getHeader('retry-after'))),
            },
            onNotify: (notification: Notification) => {
              notification.accept().catch(() => undefined);
              const match = /^SIP\/2\.0\s+(\d{3})/.exec(notification.request.body ?? '');
              if (match) this.safely('notify', () => onNotify(Number(match[1])));
            },
          })
          .catch((error: unknown) => resolve(failure(0, describe(error))));
      } catch (error) {
        resolve(failure(0, describe(error)));
      }
    });
  }

  private markConfirmed(): void {
    if (this.wasConfirmed || this.done) return;
    this.markAccepted();
    this.wasConfirmed = true;
    this.safely('confirmed', () => this.events.confirmed?.());
  }

  private markAccepted(): void {
    if (this.wasEstablished) return;
    this.wasEstablished = true;
    this.safely('accepted', () => this.events.accepted?.());
  }

  private handleState(state: SessionState): void {
    switch (state) {
      case SessionState.Initial:
      case SessionState.Establishing:
      case SessionState.Terminating:
        return;
      case SessionState.Established:
        if (this.direction === 'outbound') {
          if (this.remoteDescription === undefined) this.remoteDescription = this.session.dialog?.answer?.content;
          this.markConfirmed();
        } else {
          this.markAccepted();
        }
        return;
      case SessionState.Terminated:
        // sip.js reports the final response to the delegate after this transition; wait a tick for its status code.
        queueMicrotask(() => this.finish());
        return;
      default:
        state satisfies never;
    }
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    if (this.wasEstablished) {
      this.safely('ended', () => this.events.ended?.(!this.endedLocally));
    } else {
      const code = this.failureCode || (this.endedLocally ? 487 : 500);
      this.safely('failed', () => this.events.failed?.(code, this.failureReason));
    }
  }

  private handleInfo(info: Info): void {
    const message = info.request;
    const incoming: IncomingInfo = {
      contentType: (message.getHeader('content-type') ?? '').toLowerCase(),
      body: message.body ?? '',
      header: (name) => message.getHeader(name),
      accept: () => void info.accept().catch(() => undefined),
      reject: (statusCode) => void info.reject({ statusCode }).catch(() => undefined),
    };
    if (!this.events.info) {
      incoming.accept();
      return;
    }
    this.safely('info', () => this.events.info?.(incoming), () => incoming.reject(500));
  }

  private handleRefer(referral: Referral): void {
    const checked = readReferral(referral, this.logger);
    if (!checked || !this.events.refer) {
      referral.reject({ statusCode: checked ? 603 : 400 }).catch(() => undefined);
      return;
    }
    const transfer: IncomingTransfer = {
      ...checked,
      accept: () => void referral.accept().catch(() => undefined),
      reject: (statusCode) => void referral.reject({ statusCode }).catch(() => undefined),
      follow: () => wrapSession(referral.makeInviter(), 'outbound', this.logger),
    };
    this.safely('refer', () => this.events.refer?.(transfer), () => void referral.reject({ statusCode: 500 }).catch(() => undefined));
  }

  /** Runs a handler; a throw is logged (and `onError` run) instead of reaching sip.js. */
  private safely(what: string, run: () => void, onError?: () => void): void {
    try {
      run();
    } catch (error) {
      this.logger.error(`call ${this.sipCallId}: "${what}" handler threw: ${describe(error)}`);
      onError?.();
    }
  }
}

/** sip.js session → our wrapper, so an INVITE with Replaces can name the call it replaces. */
export const replacedCalls = new WeakMap<SipSession, SipCall>();

/** Wraps a sip.js session and remembers the pairing for Replaces lookups. */
export function wrapSession(session: Inviter | Invitation, direction: SipCallDirection, logger: RedactingLogger): SipCall {
  const call = new SipCall(session, direction, logger);
  replacedCalls.set(session, call);
  return call;
}

/** A readable text for anything thrown. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
