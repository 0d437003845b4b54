import {
  outcome,
  type CallMediaOptions,
  type CallSignal,
  type CallSignalEvents,
  type IncomingInfo,
  type ReinviteOptions,
  type RequestOutcome,
  type SignalMedia,
  type SipCallDirection,
} from '../sip/call-signal.js';
import type { SipTarget } from '../sip/sip-target.js';
import { stopStream } from '../media/user-media.js';
import { readSdpFacts } from '../media/sdp-facts.js';
import { FakeStream, FakeTrack } from './fake-media.js';

/** A request this call sent, as the scripted far end saw it. */
export interface ScriptedRequest {
  readonly method: 'INVITE' | 'INFO' | 'REFER';
  /**
   * For INVITE: the hold state asked for (`hold`/`unhold`, then ` ice-restart`
   * for an ICE restart, ` add-video` / ` drop-video` for a video change); for
   * INFO: headers and body; for REFER: the target.
   */
  readonly detail: string;
}

/**
 * The media of a scripted call: from the INVITE or the answer on, a fake
 * microphone track (whose `enabled` shows mute and hold, and which is
 * stopped when the call ends), as sip.js's handler has; no remote stream
 * unless a test hands it one.
 */
class ScriptedMedia implements SignalMedia {
  localMediaStream?: MediaStream;
  remoteMediaStream?: MediaStream;
  readonly peerConnection = undefined;
  sendDtmf(): boolean {
    return false;
  }
}

const ACCEPTED = outcome(true, 200, 'OK');

/**
 * The signalling of one call of a scripted phone, in memory.
 *
 * @remarks
 * Implements the same `CallSignal` contract as the sip.js call, so the
 * phone's own call logic runs on top of it. What the far end does is
 * scripted through the `remote…` methods; requests the phone sends are
 * answered 200 (or as queued with {@link ScriptedCall.answerNext}) and
 * logged in {@link ScriptedCall.sent}.
 */
export class ScriptedCall implements CallSignal {
  readonly media = new ScriptedMedia();
  /** In-dialog requests sent by the phone, oldest first. */
  readonly sent: ScriptedRequest[] = [];
  /** The status this call was refused with (inbound calls), or `null`. */
  refusedWith: number | null = null;
  #events: Partial<CallSignalEvents> = {};
  #established = false;
  #done = false;
  readonly #answers: RequestOutcome[] = [];
  /** Headers of the far end's INVITE (inbound) or of its 2xx (outbound, once answered). */
  #remoteHeaders: Readonly<Record<string, string>>;
  #onNotify: ((statusCode: number) => void) | null = null;
  /** The phone's side of the negotiated video, and the far end's. */
  #localVideo = false;
  #remoteVideo = false;
  /** The far end answers the next offer adding video without it (port 0). */
  #declineVideo = false;

  constructor(
    readonly sipCallId: string,
    readonly direction: SipCallDirection,
    readonly remoteAor: SipTarget,
    readonly remoteDisplayName: string,
    readonly remoteSdp: string | undefined,
    /** Whether an answer is followed by its ACK at once (`autoConfirm`). */
    private readonly autoConfirm: boolean,
    /** Inbound: the INVITE's extra headers. Outbound: the header lines the phone's INVITE carried. */
    headers: Readonly<Record<string, string>> | readonly string[] = {},
  ) {
    this.inviteHeaders = Array.isArray(headers) ? headers : [];
    this.#remoteHeaders = Array.isArray(headers) ? {} : (headers as Readonly<Record<string, string>>);
  }

  /** The extra header lines of the phone's INVITE (outbound calls), as sent. */
  readonly inviteHeaders: readonly string[];

  header(name: string): string | undefined {
    const lower = typeof name === 'string' ? name.toLowerCase() : '';
    const values = Object.entries(this.#remoteHeaders)
      .filter(([key]) => key.toLowerCase() === lower)
      .map(([, value]) => value);
    return values.length > 0 ? values.join(', ') : undefined;
  }

  get isEstablished(): boolean {
    return this.#established && !this.#done;
  }

  get hasVideo(): boolean {
    return this.#localVideo && this.#remoteVideo;
  }

  /** For an incoming INVITE with Replaces: the call it names (set by the network before the phone sees the INVITE). */
  replaces: ScriptedCall | undefined = undefined;

  get replacesValue(): string | undefined {
    return this.#established ? `${this.sipCallId};to-tag=far-${this.sipCallId};from-tag=near-${this.sipCallId}` : undefined;
  }

  /** True while a REFER sent on this call waits for its final NOTIFY. */
  get referPending(): boolean {
    return this.#onNotify !== null;
  }

  setEvents(events: Partial<CallSignalEvents>): void {
    this.#events = events;
  }

  releaseMedia(): void {
    stopStream(this.media.localMediaStream);
  }

  /** Outgoing: the INVITE is sent. Incoming: 200 OK is sent, then (with `autoConfirm`) the ACK arrives in the next task. */
  open(media: CallMediaOptions): Promise<void> {
    this.media.localMediaStream ??= new FakeStream([new FakeTrack('audio')]) as unknown as MediaStream;
    this.#localVideo = Boolean(media.constraints.video) && !media.webphoneDeclineVideo;
    if (this.direction === 'inbound') this.#remoteVideo = readSdpFacts(this.remoteSdp).video;
    if (this.direction === 'inbound' && !this.#done) this.#accept();
    return Promise.resolve();
  }

  ring(): void {}

  reject(statusCode: number): boolean {
    if (this.direction !== 'inbound' || this.#established || this.#done) return false;
    this.#done = true;
    this.refusedWith = statusCode;
    return true;
  }

  terminate(rejectCode = 480): boolean {
    if (this.#done) return false;
    if (!this.#established && this.direction === 'inbound') return this.reject(rejectCode);
    this.#done = true;
    return true;
  }

  reinvite(hold: boolean, { iceRestart = false, video }: ReinviteOptions = {}): Promise<RequestOutcome> {
    const change = video ? ` ${video.kind}-video` : '';
    const answer = this.#answer('INVITE', `${hold ? 'hold' : 'unhold'}${iceRestart ? ' ice-restart' : ''}${change}`);
    if (answer.ok && video?.kind === 'drop') this.#localVideo = false;
    if (answer.ok && video?.kind === 'add') {
      this.#localVideo = !this.#declineVideo;
      this.#remoteVideo = !this.#declineVideo;
      this.#declineVideo = false;
    }
    return Promise.resolve(answer);
  }

  /** Nothing waits: the scripted far end answers every request at once. */
  abortRequests(): void {}

  info(extraHeaders: string[], body?: { contentType: string; content: string }): Promise<RequestOutcome> {
    return this.#send('INFO', [...extraHeaders, ...(body ? [`${body.contentType}: ${body.content.trim()}`] : [])].join('\n'));
  }

  refer(target: SipTarget, replacing: CallSignal | undefined, onNotify: (statusCode: number) => void): Promise<RequestOutcome> {
    if (replacing && !replacing.replacesValue) return Promise.resolve(outcome(false, 0, 'consultation not confirmed'));
    const answer = this.#answer('REFER', `${target.user}@${target.host ?? ''}`);
    // The NOTIFYs may follow at once: the subscription exists as soon as the REFER is accepted.
    if (answer.ok) this.#onNotify = onNotify;
    return Promise.resolve(answer);
  }

  // ── the far end ──────────────────────────────────────────────────────

  /** Queues the answer to the next in-dialog request this call sends (default: 200 OK). */
  answerNext(statusCode: number, reason = '', retryAfterSeconds?: number): void {
    this.#answers.push(outcome(statusCode >= 200 && statusCode < 300, statusCode, reason, retryAfterSeconds?.toString()));
  }

  /**
   * A provisional response to our INVITE; with `earlyMedia` it carries SDP
   * and the far end's audio flows from now on, on `stream` if given (else
   * there is no remote stream, as for every scripted call).
   */
  remoteProgress(statusCode: number, earlyMedia = false, stream?: MediaStream): boolean {
    if (this.direction !== 'outbound' || this.#established || this.#done) return false;
    if (stream) this.media.remoteMediaStream = stream;
    this.#events.progress?.(statusCode, earlyMedia);
    return true;
  }

  /** The callee answers our INVITE (200 OK with `headers`, with video when offered unless `video` is false; then our ACK unless `autoConfirm` is off). */
  remoteAnswer(headers: Readonly<Record<string, string>> = {}, video = true): boolean {
    if (this.direction !== 'outbound' || this.#established || this.#done) return false;
    this.#remoteHeaders = headers;
    this.#remoteVideo = video;
    this.#accept();
    return true;
  }

  /** The ACK of an answer that waited for it. */
  remoteConfirm(): boolean {
    if (!this.#established || this.#done) return false;
    this.#events.confirmed?.();
    return true;
  }

  /** The far end answers the next offer that adds video without video (port 0). */
  declineNextVideo(): void {
    this.#declineVideo = true;
  }

  /**
   * The far end's re-INVITE adds video to a call that has none; resolves
   * with whether the phone accepted it (which may wait for the app).
   */
  async remoteAddVideo(): Promise<boolean> {
    if (!this.isEstablished || this.hasVideo) return false;
    const answer = (await this.#events.videoOffered?.()) ?? { accept: false };
    if (!this.isEstablished) return false;
    this.#remoteVideo = true;
    this.#localVideo = answer.accept;
    this.#events.reinvite?.(this.remoteSdp);
    return answer.accept;
  }

  /** The far end's re-INVITE drops video (port 0); no consent is asked. */
  remoteDropVideo(): boolean {
    if (!this.isEstablished || !this.hasVideo) return false;
    this.#remoteVideo = false;
    this.#events.reinvite?.(this.remoteSdp);
    return true;
  }

  /** The far end ends the call: BYE once established, CANCEL (487) before. */
  remoteHangup(): boolean {
    if (this.#done) return false;
    this.#done = true;
    if (this.#established) this.#events.ended?.(true);
    else this.#events.failed?.(487, 'Request Terminated');
    return true;
  }

  /** The callee refuses our INVITE with a final status. */
  remoteReject(statusCode: number, reason: string): boolean {
    if (this.direction !== 'outbound' || this.#established || this.#done) return false;
    this.#done = true;
    this.#events.failed?.(statusCode, reason);
    return true;
  }

  /** An INFO from the far end; resolves with the status the phone answered. */
  remoteInfo(contentType: string, body: string, headers: Readonly<Record<string, string>> = {}): number {
    let answered = 0;
    const info: IncomingInfo = {
      contentType: contentType.toLowerCase(),
      body,
      header: (name) => Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1],
      accept: () => (answered = 200),
      reject: (statusCode) => (answered = statusCode),
    };
    if (this.isEstablished) this.#events.info?.(info);
    return answered;
  }

  /** A NOTIFY about the REFER this call sent, with the status of the transfer target. */
  remoteNotify(statusCode: number): boolean {
    const onNotify = this.#onNotify;
    if (!onNotify) return false;
    if (statusCode >= 200) this.#onNotify = null;
    onNotify(statusCode);
    return true;
  }

  #accept(): void {
    this.#established = true;
    this.#events.accepted?.();
    // Like sip.js, answering an INVITE with Replaces sends BYE on the replaced call when it is confirmed.
    if (this.replaces?.isEstablished) this.replaces.#endLocally();
    if (!this.autoConfirm) return;
    // A caller sends its ACK as the 200 OK arrives; an answered incoming call hears the ACK a moment after sending 200 OK.
    if (this.direction === 'outbound') this.#events.confirmed?.();
    else setTimeout(() => this.remoteConfirm(), 0);
  }

  /** The phone's side sent BYE (on its own, as sip.js does for a replaced call). */
  #endLocally(): void {
    this.#done = true;
    this.#events.ended?.(false);
  }

  #send(method: Exclude<ScriptedRequest['method'], 'INVITE'>, detail: string): Promise<RequestOutcome> {
    return Promise.resolve(this.#answer(method, detail));
  }

  #answer(method: ScriptedRequest['method'], detail: string): RequestOutcome {
    if (!this.isEstablished) return outcome(false, 0, 'the dialog is not established');
    this.sent.push({ method, detail });
    return this.#answers.shift() ?? (method === 'REFER' ? outcome(true, 202, 'Accepted') : ACCEPTED);
  }
}
