import type { SipTarget } from './sip-target.js';

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

/** The checked content of a REFER: whom to call, and whether Refer-To carried Replaces. */
export interface ReferralTarget {
  /** Whom we are asked to call. */
  readonly target: SipTarget;
  /** True when Refer-To carried Replaces (attended transfer). */
  readonly withReplaces: boolean;
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
  follow(): CallSignal;
}

/** What a call's signalling reports to its owner. Every handler is optional. */
export interface CallSignalEvents {
  /**
   * A provisional response (180, 183) to our INVITE; `earlyMedia` when it
   * carried SDP that was applied as the answer, so the far end's audio
   * (announcements, queue music) flows before the call is answered.
   */
  progress(statusCode: number, earlyMedia: boolean): void;
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
  /**
   * The far end's re-INVITE adds video to a call that has none. The answer
   * waits for the returned promise: accepted with a camera track to send
   * (`null`: the media layer brings its own), or declined (the video stream
   * is answered with port 0).
   */
  videoOffered(): Promise<VideoAnswer>;
}

/** How the phone answers an offer that adds video. */
export type VideoAnswer = { readonly accept: true; readonly track: MediaStreamTrack | null } | { readonly accept: false };

/** What a re-INVITE changes in the call's video: start sending `track` (`null`: the media layer has its own), or stop video (port 0). */
export type VideoChange = { readonly kind: 'add'; readonly track: MediaStreamTrack | null } | { readonly kind: 'drop' };

/** Options of {@link CallSignal.reinvite}. */
export interface ReinviteOptions {
  /** New ICE credentials (the local network may have changed). */
  readonly iceRestart?: boolean;
  /** Adds or drops video with this offer. */
  readonly video?: VideoChange;
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

/**
 * A {@link RequestOutcome}; `retryAfter` is the Retry-After header of a failure response, in seconds.
 * The reason phrase comes from the far end and ends up in the store and in `clientError`: it is cut at 128 characters.
 */
export function outcome(ok: boolean, statusCode = 0, reason = '', retryAfter?: string): RequestOutcome {
  const seconds = Number.parseInt(retryAfter ?? '', 10);
  return { ok, statusCode, reason: reason.slice(0, 128), retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null };
}

/** An RTCRtpSender, as far as switching the microphone needs it. */
export interface SignalSender {
  readonly track: MediaStreamTrack | null;
  replaceTrack(track: MediaStreamTrack | null): Promise<void>;
}

/** The media objects of a call (a session description handler), as far as the phone uses them. */
export interface SignalMedia {
  readonly localMediaStream?: MediaStream;
  readonly remoteMediaStream?: MediaStream;
  readonly peerConnection?:
    | {
        getStats(): Promise<unknown>;
        getSenders?(): readonly SignalSender[];
        getTransceivers?(): readonly RTCRtpTransceiver[];
        readonly currentLocalDescription?: { readonly sdp: string } | null;
        readonly currentRemoteDescription?: { readonly sdp: string } | null;
      }
    | undefined;
  sendDtmf(tones: string, options?: unknown): boolean;
}

/** Media options for one call; `webphoneLocalStream` is the stream the phone already opened. */
export interface CallMediaOptions {
  readonly constraints: MediaStreamConstraints;
  readonly webphoneLocalStream?: MediaStream | null;
  /** Answering: decline the offer's video stream (port 0), so neither side sends video. */
  readonly webphoneDeclineVideo?: boolean;
}

/**
 * The signalling of one call, as the call layer sees it: plain events in,
 * promise-returning actions out.
 *
 * @remarks
 * Implemented over sip.js by `SipCall`, and in memory by the scripted phone
 * of `@webphone/core/testing`, so that both run the same call logic. No
 * method throws: a request that cannot be sent resolves with status 0.
 */
export interface CallSignal {
  /** The SIP Call-ID of the dialog. */
  readonly sipCallId: string;
  readonly direction: SipCallDirection;
  /** The far end's display name, if it sent one. */
  readonly remoteDisplayName: string;
  /** The far end's address of record (From for inbound, To for outbound). */
  readonly remoteAor: SipTarget;
  /** The far end's latest session description (offer or answer). */
  readonly remoteSdp: string | undefined;
  /** True when the last completed offer/answer carries video both ways of the negotiation (see `videoNegotiated`). */
  readonly hasVideo: boolean;
  /** True once the dialog is confirmed and not yet ended. */
  readonly isEstablished: boolean;
  /** The call's media, once it exists. */
  readonly media: SignalMedia | undefined;
  /** For an incoming INVITE with Replaces: the call of this phone it replaces. */
  readonly replaces: CallSignal | undefined;
  /** Dialog identifiers for a Replaces header naming this call (RFC 3891 §3), once confirmed. */
  readonly replacesValue: string | undefined;
  /**
   * A header of the call's initial INVITE (inbound) or of the 2xx that
   * answered it (outbound; `undefined` before the answer): the values of
   * every line with that name (case-insensitive) joined with `", "`, or
   * `undefined` when absent.
   */
  header(name: string): string | undefined;
  /** Sets the handlers; replaces earlier ones. */
  setEvents(events: Partial<CallSignalEvents>): void;
  /** Closes the call's media now. Idempotent. */
  releaseMedia(): void;
  /** Sends the INVITE of an outgoing call, or answers an incoming one with 200 OK. */
  open(media: CallMediaOptions): Promise<void>;
  /** Sends 180 Ringing for an incoming call. */
  ring(): void;
  /** Refuses an incoming call that has not been answered; false when it cannot be refused. */
  reject(statusCode: number): boolean;
  /** Ends the call whatever its state: CANCEL, reject (`rejectCode`, default 480) or BYE; false when nothing could be sent. */
  terminate(rejectCode?: number): boolean;
  /**
   * Re-INVITE putting the far end on hold (our side `sendonly`) or off hold
   * (`sendrecv`), restarting ICE or adding or dropping video as `options`
   * say. A refused offer is rolled back, so the next re-INVITE can be made.
   */
  reinvite(hold: boolean, options?: ReinviteOptions): Promise<RequestOutcome>;
  /**
   * The connection is gone: in-dialog requests still waiting for an answer
   * end now as transport failures (status 503 or 0) instead of at their
   * 32 s timeout.
   */
  abortRequests(): void;
  /** Sends INFO with `extraHeaders` and an optional body. */
  info(extraHeaders: string[], body?: { contentType: string; content: string }): Promise<RequestOutcome>;
  /**
   * Sends REFER asking the far end to call `target` (RFC 3515), with
   * Replaces naming `replacing`'s dialog for an attended transfer;
   * `onNotify` gets the status of each NOTIFY's sipfrag.
   */
  refer(target: SipTarget, replacing: CallSignal | undefined, onNotify: (statusCode: number) => void): Promise<RequestOutcome>;
}
