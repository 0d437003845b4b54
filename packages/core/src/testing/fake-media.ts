import type { MediaSeam } from '../sip/media-seam.js';

type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** A MediaStreamTrack stand-in: enough for mute and release checks. */
export class FakeTrack {
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  constructor(
    readonly kind: 'audio' | 'video',
    /** The device the track comes from (`getSettings().deviceId`); `'default'` unless a test says otherwise. */
    readonly deviceId = 'default',
  ) {}
  getSettings(): { deviceId: string } {
    return { deviceId: this.deviceId };
  }
  stop(): void {
    this.readyState = 'ended';
  }
}

/** A MediaStream stand-in. */
export class FakeStream {
  private static next = 0;
  readonly id = `fake-stream-${(FakeStream.next += 1)}`;
  constructor(readonly tracks: FakeTrack[]) {}
  getTracks(): FakeTrack[] {
    return [...this.tracks];
  }
  addTrack(track: FakeTrack): void {
    if (!this.tracks.includes(track)) this.tracks.push(track);
  }
  removeTrack(track: FakeTrack): void {
    const index = this.tracks.indexOf(track);
    if (index >= 0) this.tracks.splice(index, 1);
  }
  getAudioTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'audio');
  }
  getVideoTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'video');
  }
}

/** An RTCRtpSender stand-in: `replaceTrack` swaps the track and counts the swaps. */
export class FakeSender {
  replaced = 0;
  constructor(public track: FakeTrack | null) {}
  replaceTrack(track: FakeTrack | null): Promise<void> {
    this.track = track;
    this.replaced += 1;
    return Promise.resolve();
  }
}

/** Options of {@link fakeMedia}. */
export interface FakeMediaOptions {
  /** Offer/answer `telephone-event` (RFC 4733). Default false, so DTMF goes by INFO. */
  telephoneEvent?: boolean;
}

let sessionCounter = 0;

function directionOf(sdp: string): Direction {
  const match = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(sdp);
  return (match?.[1] as Direction | undefined) ?? 'sendrecv';
}

function answerDirection(remote: Direction, hold: boolean): Direction {
  switch (remote) {
    case 'sendrecv':
      return hold ? 'sendonly' : 'sendrecv';
    case 'sendonly':
      return hold ? 'inactive' : 'recvonly';
    case 'recvonly':
      return hold ? 'sendonly' : 'sendonly';
    case 'inactive':
      return 'inactive';
  }
}

/**
 * A session description handler for tests without WebRTC (Node): produces plausible SDP
 * with real offer/answer directions (so hold is visible on the wire), keeps
 * fake streams and a fake peer connection with `getStats()`, and records
 * DTMF and `close()`.
 */
export class FakeSessionDescriptionHandler {
  closed = false;
  readonly dtmfSent: string[] = [];
  remoteSdp = '';
  lastLocalDirection: Direction = 'sendrecv';
  private state: 'stable' | 'have-local-offer' | 'have-remote-offer' = 'stable';
  private version = 0;
  private readonly sessionId = `${Date.now()}${(sessionCounter += 1)}`;
  localMediaStream: FakeStream = new FakeStream([new FakeTrack('audio')]);
  readonly remoteMediaStream = new FakeStream([new FakeTrack('audio')]);
  /**
   * What each `getStats()` call adds to the audio counters, and the RTT and
   * jitter it reports: a test sets `inboundPackets` or `outboundPackets` to 0
   * for one-way audio, or raises `rttMs` / `jitterMs`.
   */
  readonly stats = { inboundPackets: 150, outboundPackets: 150, lostPackets: 1, rttMs: 40, jitterMs: 2 };
  readonly #counters = { received: 0, sent: 0, lost: 0 };
  /** The audio sender, created with the first local description from the local stream's track. */
  sender: FakeSender | null = null;
  readonly peerConnection = {
    getSenders: (): FakeSender[] => (this.sender ? [this.sender] : []),
    getStats: async (): Promise<Map<string, Record<string, unknown>>> => {
      const counters = this.#counters;
      counters.received += this.stats.inboundPackets;
      counters.sent += this.stats.outboundPackets;
      counters.lost += this.stats.inboundPackets > 0 ? this.stats.lostPackets : 0;
      const entries: Record<string, unknown>[] = [
        { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP1' },
        {
          id: 'CP1',
          type: 'candidate-pair',
          localCandidateId: 'L1',
          remoteCandidateId: 'R1',
          currentRoundTripTime: this.stats.rttMs / 1000,
          state: 'succeeded',
        },
        { id: 'L1', type: 'local-candidate', candidateType: 'host' },
        { id: 'C1', type: 'codec', mimeType: 'audio/opus' },
        {
          id: 'IN1',
          type: 'inbound-rtp',
          kind: 'audio',
          codecId: 'C1',
          packetsReceived: counters.received,
          packetsLost: counters.lost,
          jitter: this.stats.jitterMs / 1000,
        },
        { id: 'OUT1', type: 'outbound-rtp', kind: 'audio', codecId: 'C1', packetsSent: counters.sent },
      ];
      return new Map(entries.map((e) => [e.id as string, e]));
    },
  };

  constructor(private readonly options: FakeMediaOptions) {}

  getDescription(options?: { hold?: boolean; webphoneLocalStream?: FakeStream | null }): Promise<{ body: string; contentType: string }> {
    if (this.closed) return Promise.reject(new Error('closed'));
    if (options?.webphoneLocalStream) this.localMediaStream = options.webphoneLocalStream;
    this.sender ??= new FakeSender(this.localMediaStream.getAudioTracks()[0] ?? null);
    const hold = options?.hold === true;
    let direction: Direction;
    if (this.state === 'have-remote-offer') {
      direction = answerDirection(directionOf(this.remoteSdp), hold);
      this.state = 'stable';
    } else {
      direction = hold ? 'sendonly' : 'sendrecv';
      this.state = 'have-local-offer';
    }
    this.lastLocalDirection = direction;
    this.version += 1;
    const lines = [
      'v=0',
      `o=- ${this.sessionId} ${this.version} IN IP4 127.0.0.1`,
      's=-',
      't=0 0',
      `m=audio 9 UDP/TLS/RTP/SAVPF 111${this.options.telephoneEvent ? ' 101' : ''}`,
      'c=IN IP4 127.0.0.1',
      'a=rtpmap:111 opus/48000/2',
      ...(this.options.telephoneEvent ? ['a=rtpmap:101 telephone-event/8000'] : []),
      `a=${direction}`,
      '',
    ];
    // Resolve asynchronously, like a real peer connection does.
    return new Promise((resolve) => setTimeout(() => resolve({ body: lines.join('\r\n'), contentType: 'application/sdp' }), 0));
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  setDescription(sdp: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('closed'));
    this.remoteSdp = sdp;
    this.state = this.state === 'have-local-offer' ? 'stable' : 'have-remote-offer';
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  rollbackDescription(): Promise<void> {
    this.state = 'stable';
    return Promise.resolve();
  }

  sendDtmf(tones: string): boolean {
    if (this.closed) return false;
    this.dtmfSent.push(tones);
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const track of [...this.localMediaStream.getTracks(), ...this.remoteMediaStream.getTracks()]) track.stop();
  }
}

/** A media seam for tests without WebRTC, plus the handlers it made, to inspect. */
export interface FakeMedia {
  readonly seam: MediaSeam;
  readonly handlers: FakeSessionDescriptionHandler[];
  /** Handlers not closed yet. */
  openCount(): number;
}

/**
 * Builds a fake media seam (config `media`) for one phone, so a real
 * `PhoneOperator` can place and answer calls where there is no WebRTC.
 *
 * @example
 * ```ts
 * const media = fakeMedia();
 * const phone = new PhoneOperator({ ...config, media: media.seam });
 * ```
 */
export function fakeMedia(options: FakeMediaOptions = {}): FakeMedia {
  const handlers: FakeSessionDescriptionHandler[] = [];
  const factory = (): FakeSessionDescriptionHandler => {
    const handler = new FakeSessionDescriptionHandler(options);
    handlers.push(handler);
    return handler;
  };
  return {
    seam: { sessionDescriptionHandlerFactory: factory as unknown as MediaSeam['sessionDescriptionHandlerFactory'] },
    handlers,
    openCount: () => handlers.filter((h) => !h.closed).length,
  };
}
