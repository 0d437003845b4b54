import { CallController } from './call-controller.js';
import { CallLifecycle } from './call-lifecycle.js';
import { CallRegistry } from './call-registry.js';
import type { StaticCallStatus } from './call-status.js';
import { ContactResolver } from './contact-resolver.js';
import { DtmfSender, parseDtmfInfo } from './dtmf.js';
import { HoldController } from './hold-controller.js';
import type { LiveCall } from './live-call.js';
import { CallMediaProvider } from './media/call-media.js';
import { setAudioEnabled } from './media/user-media.js';
import type { CallOptions, TerminateType } from './phone-api.js';
import type { PhoneContext } from './phone-context.js';
import { parseRecordHeader, RecordingController } from './recording.js';
import type { Result } from './result.js';
import type { Session, SessionActions, SessionHost } from './session.js';
import type { IncomingInfo, SipCall } from './sip/sip-call.js';
import { createIncomingCallDelegate, type SipUserAgent } from './sip/sip-dialer.js';
import { TransferController } from './transfer-controller.js';

/**
 * The call half of a phone: wires the call collaborators together and
 * offers the per-call API the operator exposes.
 *
 * @remarks
 * One concept per collaborator: {@link CallRegistry} (which calls exist),
 * {@link CallLifecycle} (phases and endings), {@link CallController}
 * (place/answer/reject/hang up and guards), {@link HoldController},
 * {@link DtmfSender}, {@link RecordingController},
 * {@link TransferController}, {@link ContactResolver} and
 * {@link CallMediaProvider}.
 */
export class PhoneCalls {
  readonly registry: CallRegistry;
  private readonly lifecycle: CallLifecycle;
  private readonly controller: CallController;
  private readonly holds: HoldController;
  private readonly dtmfSender: DtmfSender;
  private readonly recording: RecordingController;
  private readonly transfers: TransferController;
  private readonly contacts: ContactResolver;
  /** The sip.js delegate for incoming INVITEs; one object for the phone's whole life. */
  readonly sipDelegate: ReturnType<typeof createIncomingCallDelegate>;

  constructor(
    private readonly ctx: PhoneContext,
    actions: SessionActions,
    userAgent: () => SipUserAgent | null,
  ) {
    this.registry = new CallRegistry(ctx);
    const registry = this.registry;
    const host: SessionHost = {
      actions,
      record: (callId) => registry.record(callId),
      localStream: (callId) => {
        const live = registry.get(callId);
        return live?.localStream ?? live?.sip.media?.localMediaStream ?? null;
      },
      remoteStream: (callId) => registry.get(callId)?.sip.media?.remoteMediaStream ?? null,
      incomingList: () => this.incomingList(),
      setStatus: (callId, patch) => {
        const live = registry.get(callId);
        if (!live) return false;
        const { callId: _ignored, ...rest } = patch as typeof patch & { callId?: string };
        return this.lifecycle.update(live, { status: rest });
      },
      logError: (message) => ctx.logger.error(message),
    };
    this.lifecycle = new CallLifecycle(ctx, registry, host, {
      info: (live, info) => this.onInfo(live, info),
      refer: (live, transfer) => this.transfers.onRefer(live, transfer),
      accepted: (live) => this.transfers.onAccepted(live),
      ended: (live) => this.transfers.onEnded(live),
    });
    this.contacts = new ContactResolver(ctx, registry, this.lifecycle);
    this.holds = new HoldController(ctx, registry, this.lifecycle);
    this.controller = new CallController({
      ctx,
      registry,
      lifecycle: this.lifecycle,
      media: new CallMediaProvider(ctx.config, () => ctx.getState().deviceIds),
      contacts: this.contacts,
      userAgent,
      holdParent: (callId) => void this.holds.request(callId, true),
    });
    this.dtmfSender = new DtmfSender(ctx, registry);
    this.recording = new RecordingController(ctx, registry, this.lifecycle);
    this.transfers = new TransferController(ctx, registry, this.lifecycle, this.controller);
    this.sipDelegate = createIncomingCallDelegate((sip: SipCall) => this.controller.incoming(sip), ctx.logger);
  }

  /** Sessions by call id, oldest first. */
  sessions(): Map<string, Session> {
    return new Map(this.registry.list().map((live) => [live.callId, live.session]));
  }

  getSession(callId: string): Session | null {
    return this.registry.get(callId)?.session ?? null;
  }

  /** Inbound calls still ringing, oldest first. */
  incomingList(): Session[] {
    return this.ctx
      .getState()
      .incomingIds.map((id) => this.registry.get(id)?.session)
      .filter((session): session is Session => session !== undefined);
  }

  call(number: string, options?: CallOptions, transferId?: string): Promise<Result> {
    return this.controller.call(number, options, transferId);
  }
  answer(callId: string, options?: CallOptions): Promise<Result> {
    return this.controller.answer(callId, options);
  }
  reject(callId: string): boolean {
    return this.controller.reject(callId);
  }
  hangup(callId: string): boolean {
    return this.controller.hangup(callId);
  }
  terminate(callId: string, type?: TerminateType): boolean {
    return this.controller.terminate(callId, type);
  }
  hold(callId: string, hold: boolean): boolean {
    return this.holds.request(callId, hold);
  }
  dtmf(callId: string, digits: string): boolean {
    return this.dtmfSender.send(callId, digits);
  }
  startRecord(callId: string): boolean {
    return this.recording.start(callId);
  }
  pauseRecord(callId: string): boolean {
    return this.recording.pause(callId);
  }
  blindTransfer(callId: string, number: string): boolean {
    return this.transfers.blind(callId, number);
  }
  attendedTransfer(callId: string, number: string): boolean {
    return this.transfers.attended(callId, number);
  }
  completeTransfer(consultCallId: string): boolean {
    return this.transfers.complete(consultCallId);
  }
  setCurrent(callId: string): boolean {
    return this.registry.setCurrent(callId);
  }
  setStaticStatus(callId: string, status: Partial<StaticCallStatus>, manual?: boolean): boolean {
    return this.contacts.set(callId, status, manual);
  }

  /** Mute (`true`) or unmute: the local audio tracks are disabled/enabled; no signalling. */
  mute(callId: string, muted: boolean): boolean {
    const live = this.registry.get(callId);
    if (!live) return false;
    setAudioEnabled(live.localStream, !muted);
    const sdhStream = live.sip.media?.localMediaStream;
    if (sdhStream && sdhStream !== live.localStream) setAudioEnabled(sdhStream, !muted);
    this.lifecycle.update(live, { status: { isMute: muted } });
    return true;
  }

  /** Ends every call and releases its media (phone destroy). */
  endAll(): void {
    this.controller.endAll();
  }

  /** Received INFO: recording requests and DTMF become session events; anything else is acknowledged. */
  private onInfo(live: LiveCall, info: IncomingInfo): void {
    const record = parseRecordHeader(info.header('Record'));
    if (record) {
      info.accept();
      live.session.emit('recordInfo', { callId: live.callId, record });
      return;
    }
    if (info.contentType.startsWith('application/dtmf')) {
      const digit = parseDtmfInfo(info.contentType, info.body);
      if (digit === null) {
        this.ctx.logger.warn(`call ${live.callId}: malformed DTMF INFO ignored`);
        info.reject(400);
        return;
      }
      info.accept();
      live.session.emit('dtmf', { callId: live.callId, digit });
      return;
    }
    info.accept();
  }
}
