import {
  Invitation,
  Inviter,
  SessionState,
  type Core,
  type Info,
  type Notification,
  type Referral,
  type Session as SipSession,
  type SessionDelegate,
} from 'sip.js';
import { TransportError } from 'sip.js/lib/core/exceptions/transport-error.js';
import { errorMessage } from '../errors.js';
import type { RedactingLogger } from '../logger.js';
import {
  outcome,
  type CallMediaOptions,
  type CallSignal,
  type CallSignalEvents,
  type IncomingInfo,
  type IncomingTransfer,
  type ReinviteOptions,
  type RequestOutcome,
  type SignalMedia,
  type SipCallDirection,
  type VideoAnswer,
} from './call-signal.js';
import { readReferral } from './sip-referral.js';
import { videoNegotiated } from '../media/sdp-facts.js';
import { negotiatesVideo, type VideoDescriptionOptions } from './video-transceivers.js';
import { answerUpdate, answerUpdates } from './in-dialog-update.js';
import { bracketedTargetUri, type SipTarget } from './sip-target.js';

/** The answer side of an incoming INFO or REFER. */
interface Answerable {
  accept(): Promise<void>;
  reject(options: { statusCode: number }): Promise<void>;
}

/** sip.js session → our wrapper, so an INVITE with Replaces can name the call it replaces. */
const wrappers = new WeakMap<SipSession, SipCall>();

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
export class SipCall implements CallSignal {
  /** The SIP Call-ID of the dialog. */
  readonly sipCallId: string;
  readonly #session: Inviter | Invitation;
  readonly #logger: RedactingLogger;
  #events: Partial<CallSignalEvents> = {};
  #wasEstablished = false;
  #wasConfirmed = false;
  #done = false;
  #endedLocally = false;
  /** Status and reason reported by `failed` when the call ends before it is established. */
  #failure: [number, string] = [0, ''];
  #remoteDescription: string | undefined;
  /** The 2xx that answered our INVITE (outbound calls). */
  #answer: Core.IncomingResponseMessage | undefined;
  /** How the far end's offers in the dialog are answered: one adding video asks the owner first. */
  readonly #reinviteOptions: VideoDescriptionOptions = { webphoneVideoOffered: () => this.#videoOffered() };
  /** In-dialog requests sent and not answered yet (sip.js request objects), for {@link SipCall.abortRequests}. */
  readonly #pending = new Set<unknown>();

  /** Wraps `session`; an incoming INVITE with Replaces can then find this call. */
  constructor(
    session: Inviter | Invitation,
    readonly direction: SipCallDirection,
    logger: RedactingLogger,
  ) {
    this.#logger = logger;
    this.#session = session;
    this.sipCallId = session.request.callId;
    wrappers.set(session, this);
    if (session instanceof Invitation) this.#remoteDescription = session.body;
    const delegate: SessionDelegate = {
      onAck: () => this.#markConfirmed(),
      onCancel: () => (this.#failure = [487, 'Request Terminated']),
      onBye: (bye) => bye.accept(),
      onInfo: (info) => this.#handleInfo(info),
      onInvite: (request, _response, statusCode) => {
        if (statusCode >= 300) return;
        this.#remoteDescription = request.body || this.#remoteDescription;
        this.#emit('reinvite', request.body || undefined);
      },
      onRefer: (referral) => this.#handleRefer(referral),
    };
    session.delegate = delegate;
    // Every offer the far end makes in the dialog is answered with these: one that adds video waits for the app.
    session.sessionDescriptionHandlerOptionsReInvite = this.#reinviteOptions as never;
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.#acceptUpdates();
        if (direction === 'inbound') return this.#markAccepted();
        this.#remoteDescription ??= session.dialog?.answer?.content;
        this.#markConfirmed();
      } else if (state === SessionState.Terminated) {
        // sip.js reports the final response to the delegate after this transition; wait a tick for its status code.
        queueMicrotask(() => this.#finish());
      }
    });
  }

  /** Sets the handlers; replaces earlier ones. */
  setEvents(events: Partial<CallSignalEvents>): void {
    this.#events = events;
  }

  /** The far end's display name, if it sent one. */
  get remoteDisplayName(): string {
    return this.#session.remoteIdentity.displayName ?? '';
  }

  /** The far end's address of record (From for inbound, To for outbound), for a Refer-To that goes through the proxy. */
  get remoteAor(): SipTarget {
    const uri = this.#session.remoteIdentity.uri;
    return { user: uri.user ?? '', host: uri.host, port: uri.port };
  }

  /** A header of the initial INVITE (inbound) or of the 2xx that answered ours (outbound); repeated lines joined with `", "`. */
  header(name: string): string | undefined {
    const message = this.#session instanceof Invitation ? this.#session.request : this.#answer;
    const values = message?.getHeaders(name) ?? [];
    return values.length > 0 ? values.join(', ') : undefined;
  }

  /** The far end's latest session description (offer or answer). */
  get remoteSdp(): string | undefined {
    return this.#remoteDescription;
  }

  /** True when the call's last offer/answer negotiated video that was not declined or dropped since (see `negotiatesVideo`). */
  get hasVideo(): boolean {
    const peerConnection = this.media?.peerConnection;
    if (peerConnection?.getTransceivers) return negotiatesVideo({ getTransceivers: () => peerConnection.getTransceivers?.() ?? [] });
    // A media layer without transceivers (tests in Node): what the descriptions say.
    return videoNegotiated(peerConnection?.currentLocalDescription?.sdp, peerConnection?.currentRemoteDescription?.sdp);
  }

  /** True once the dialog is confirmed and not yet ended. */
  get isEstablished(): boolean {
    return this.#session.state === SessionState.Established;
  }

  /** The session description handler's media, once it exists. */
  get media(): SignalMedia | undefined {
    return this.#session.sessionDescriptionHandler as unknown as SignalMedia | undefined;
  }

  /** True for an incoming INVITE that carried Replaces matching one of this phone's dialogs. */
  get replaces(): SipCall | undefined {
    return this.#session instanceof Invitation ? wrappers.get(this.#session._replacee as SipSession) : undefined;
  }

  /** Dialog identifiers for a Replaces header naming this call (RFC 3891 §3). */
  get replacesValue(): string | undefined {
    const dialog = this.#session.dialog;
    // to-tag / from-tag are from the point of view of the UA receiving the INVITE with Replaces (the far end of this dialog).
    return dialog && `${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`;
  }

  /**
   * Closes the session description handler now (peer connection and
   * tracks); sip.js would otherwise wait for the BYE transaction to finish.
   * Idempotent.
   */
  releaseMedia(): void {
    try {
      this.#session.sessionDescriptionHandler?.close();
    } catch (error) {
      this.#warn('closing media', error);
    }
  }

  /** Sends the INVITE of an outgoing call, or answers an incoming one with 200 OK. */
  async open(media: CallMediaOptions): Promise<void> {
    const session = this.#session;
    const sessionDescriptionHandlerOptions = media as never;
    if (!(session instanceof Inviter)) return session.accept({ sessionDescriptionHandlerOptions });
    const request = await session.invite({
      sessionDescriptionHandlerOptions,
      requestDelegate: {
        onAccept: ({ message }) => (this.#answer ??= message),
        // sip.js (with `earlyMedia`) has applied the first provisional SDP as the answer by the time this runs (RFC 3960 gateway model).
        onProgress: ({ message }) => this.#emit('progress', message.statusCode ?? 180, message.body.trim() !== ''),
        onReject: ({ message }) => (this.#failure = [message.statusCode ?? 0, message.reasonPhrase ?? '']),
      },
    });
    // sip.js hands the 2xx to `requestDelegate.onAccept` only after the session is established; the transaction's own delegate has it first.
    const delegate = request.delegate;
    const onAccept = delegate?.onAccept;
    if (delegate && onAccept) {
      delegate.onAccept = (response) => {
        this.#answer ??= response.message;
        onAccept.call(delegate, response);
      };
    }
  }

  /** Sends 180 Ringing for an incoming call. */
  ring(): void {
    if (this.#session instanceof Invitation) this.#settle('180 Ringing', this.#session.progress());
  }

  /** Refuses an incoming call that has not been answered. */
  reject(statusCode: number): boolean {
    const session = this.#session;
    if (!(session instanceof Invitation) || this.#done || (session.state !== SessionState.Initial && session.state !== SessionState.Establishing)) return false;
    this.#failure = [statusCode, 'rejected'];
    this.#endedLocally = true;
    this.#settle('reject', session.reject({ statusCode }));
    return true;
  }

  /** Ends the call whatever its state: CANCEL, reject (480) or BYE. */
  terminate(rejectCode = 480): boolean {
    const session = this.#session;
    const state = session.state;
    if (this.#done || state === SessionState.Terminating || state === SessionState.Terminated) return false;
    this.#endedLocally = true;
    try {
      if (state === SessionState.Established) {
        this.#settle('BYE', session.bye());
      } else if (session instanceof Inviter) {
        this.#failure = [487, 'canceled'];
        this.#settle('CANCEL', session.cancel());
      } else {
        return this.reject(rejectCode);
      }
    } catch (error) {
      this.#warn('hangup', error);
      return false;
    }
    return true;
  }

  /**
   * Sends a re-INVITE that puts the far end on hold (our side `sendonly`)
   * or takes it off hold (`sendrecv`).
   */
  reinvite(hold: boolean, options: ReinviteOptions = {}): Promise<RequestOutcome> {
    // sip.js makes the local offer before it checks whether the dialog is free, and then leaves that offer on the peer
    // connection (or makes it while the far end's own offer is being answered): ask only when no re-INVITE is under way
    // either way. The caller retries an "in progress" refusal shortly.
    const dialog = this.#session.dialog as { reinviteUserAgentServer?: unknown; reinviteUserAgentClient?: unknown } | undefined;
    if (dialog?.reinviteUserAgentServer || dialog?.reinviteUserAgentClient) return Promise.resolve(outcome(false, 0, 're-INVITE in progress'));
    const { iceRestart, video } = options;
    const videoOffered = this.#reinviteOptions.webphoneVideoOffered;
    // sip.js keeps these options for the dialog's later offers and answers too (the far end's re-INVITEs).
    const sessionDescriptionHandlerOptions = {
      hold,
      webphoneVideoOffered: videoOffered,
      ...(iceRestart && { offerOptions: { iceRestart } }),
      ...(video && ({ webphoneVideoChange: video } satisfies VideoDescriptionOptions)),
    };
    return this.#request((requestDelegate) =>
      this.#session.invite({ sessionDescriptionHandlerOptions: sessionDescriptionHandlerOptions as never, requestDelegate }),
    ).then((answer) => {
      // An ICE restart or a video change was for this offer only.
      this.#session.sessionDescriptionHandlerOptionsReInvite = { hold, webphoneVideoOffered: videoOffered } as never;
      return answer;
    });
  }

  /** Ends every in-dialog request still waiting for its answer as a transport error (sip.js then reports 503). */
  abortRequests(): void {
    for (const request of this.#pending) {
      const transaction = (request as { transaction?: { state: string; onTransportError(error: TransportError): void } }).transaction;
      if (transaction && transaction.state !== 'Terminated') transaction.onTransportError(new TransportError('connection lost'));
    }
    this.#pending.clear();
  }

  /** Sends INFO with `extraHeaders` and an optional body. */
  info(extraHeaders: string[], body?: { contentType: string; content: string }): Promise<RequestOutcome> {
    return this.#request((requestDelegate) =>
      this.#session.info({ requestDelegate, requestOptions: { extraHeaders, body: body && { contentDisposition: 'render', ...body } } }),
    );
  }

  /**
   * Sends REFER asking the far end to call `target` (RFC 3515), with
   * Replaces naming `replacing`'s dialog for an attended transfer.
   *
   * @param onNotify gets the status line of each NOTIFY (`message/sipfrag`).
   * @returns the REFER's own outcome (202 when accepted).
   */
  refer(target: SipTarget, replacing: CallSignal | undefined, onNotify: (statusCode: number) => void): Promise<RequestOutcome> {
    return this.#request((requestDelegate) => {
      const replaces = replacing?.replacesValue;
      if (replacing && !replaces) throw new Error('consultation not confirmed');
      return this.#session.refer(bracketedTargetUri(target, replaces), {
        requestDelegate,
        onNotify: (notification: Notification) => {
          this.#settle('NOTIFY answer', notification.accept());
          const match = /^SIP\/2\.0\s+(\d{3})/.exec(notification.request.body ?? '');
          if (match) this.#safely('notify', () => onNotify(Number(match[1])));
        },
      });
    });
  }

  /**
   * Sends one in-dialog request through `send` and resolves with its final
   * response; a throw or a rejected send (closed dialog, transport failure)
   * gives status 0 with the error text. Never rejects.
   */
  #request(send: (requestDelegate: Core.OutgoingRequestDelegate) => Promise<unknown>): Promise<RequestOutcome> {
    return new Promise((resolve) => {
      let sent: unknown;
      let settled = false;
      const settle = (answer: RequestOutcome): void => {
        settled = true;
        this.#pending.delete(sent);
        resolve(answer);
      };
      const failed = (error: unknown): void => settle(outcome(false, 0, errorMessage(error)));
      try {
        send({
          onAccept: ({ message }) => settle(outcome(true, message.statusCode, message.reasonPhrase)),
          onReject: ({ message }) => settle(outcome(false, message.statusCode, message.reasonPhrase, message.getHeader('retry-after'))),
        }).then((request) => {
          sent = request;
          if (!settled) this.#pending.add(request);
        }, failed);
      } catch (error) {
        failed(error);
      }
    });
  }

  #markConfirmed(): void {
    if (this.#wasConfirmed || this.#done) return;
    this.#markAccepted();
    this.#wasConfirmed = true;
    this.#emit('confirmed');
  }

  #markAccepted(): void {
    if (this.#wasEstablished) return;
    this.#wasEstablished = true;
    this.#emit('accepted');
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    if (this.#wasEstablished) return this.#emit('ended', !this.#endedLocally);
    const [code, reason] = this.#failure;
    this.#emit('failed', code || (this.#endedLocally ? 487 : 500), reason);
  }

  /** Answers the far end's UPDATEs (session refreshes, or offers) on this call's dialog; see `answerUpdates`. */
  #acceptUpdates(): void {
    const session = this.#session;
    if (!session.dialog) return;
    // The session's dialog is sip.js's SessionDialog, typed as its Session interface.
    answerUpdates(session.userAgent.userAgentCore, session.dialog as unknown as Core.Dialog, (uas, message) => {
      void answerUpdate(session as Parameters<typeof answerUpdate>[0], uas, message).then((offer) => {
        if (offer === undefined || this.#done) return;
        this.#remoteDescription = offer;
        this.#emit('reinvite', offer);
      });
    });
  }

  /** Asks the owner about a re-INVITE adding video; no owner, or a failing one, declines. */
  async #videoOffered(): Promise<VideoAnswer> {
    try {
      return (await this.#events.videoOffered?.()) ?? { accept: false };
    } catch (error) {
      this.#warn('video offer', error);
      return { accept: false };
    }
  }

  /** Answers an incoming INFO or REFER; a failure to send the answer is logged. */
  #answers(request: Answerable, what: string): Pick<IncomingInfo, 'accept' | 'reject'> {
    return {
      accept: () => this.#settle(`${what} answer`, request.accept()),
      reject: (statusCode) => this.#settle(`${what} answer`, request.reject({ statusCode })),
    };
  }

  #handleInfo(info: Info): void {
    const message = info.request;
    const incoming: IncomingInfo = {
      contentType: (message.getHeader('content-type') ?? '').toLowerCase(),
      body: message.body ?? '',
      header: (name) => message.getHeader(name),
      ...this.#answers(info, 'INFO'),
    };
    if (!this.#events.info) return incoming.accept();
    this.#safely(
      'info',
      () => this.#events.info?.(incoming),
      () => incoming.reject(500),
    );
  }

  #handleRefer(referral: Referral): void {
    const checked = readReferral(referral, this.#logger);
    const answers = this.#answers(referral, 'REFER');
    if (!checked || !this.#events.refer) return answers.reject(checked ? 603 : 400);
    const transfer: IncomingTransfer = {
      ...checked,
      ...answers,
      follow: () => new SipCall(referral.makeInviter(), 'outbound', this.#logger),
    };
    this.#safely(
      'refer',
      () => this.#events.refer?.(transfer),
      () => answers.reject(500),
    );
  }

  /** Logs a failed promise of sip.js (an answer or request that could not be sent) instead of leaving it unhandled. */
  #settle(what: string, pending: Promise<unknown>): void {
    pending.catch((error: unknown) => this.#warn(what, error));
  }

  #warn(what: string, error: unknown): void {
    this.#logger.warn(`call ${this.sipCallId}: ${what} failed: ${errorMessage(error)}`);
  }

  /** Calls the `name` handler, if set, through {@link SipCall.#safely}. */
  #emit<K extends keyof CallSignalEvents>(name: K, ...args: Parameters<CallSignalEvents[K]>): void {
    this.#safely(name, () => (this.#events[name] as ((...values: typeof args) => void) | undefined)?.(...args));
  }

  /** Runs a handler; a throw is logged (and `onError` run) instead of reaching sip.js. */
  #safely(what: string, run: () => void, onError?: () => void): void {
    try {
      run();
    } catch (error) {
      this.#logger.error(`call ${this.sipCallId}: ${what} handler threw: ${errorMessage(error)}`);
      onError?.();
    }
  }
}
