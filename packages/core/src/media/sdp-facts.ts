/** What the phone needs to know from a remote session description. */
export interface SdpFacts {
  /** The far end can receive RFC 4733 events (`telephone-event` in an audio rtpmap). */
  readonly telephoneEvent: boolean;
  /** The description has a video section with a non-zero port. */
  readonly video: boolean;
  /** The direction attribute of the first audio section (`sendrecv` when it has none, RFC 3264 §5.1). */
  readonly audioDirection: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
}

/**
 * Reads {@link SdpFacts} from an SDP body.
 *
 * @remarks
 * Lenient on purpose: a malformed or missing body gives the defaults (no
 * telephone-event, no video) instead of throwing, because the body comes
 * from the network.
 */
export function readSdpFacts(sdp: string | undefined): SdpFacts {
  let telephoneEvent = false;
  let video = false;
  let audioDirection: SdpFacts['audioDirection'] | undefined;
  let section = '';
  for (const raw of typeof sdp === 'string' ? sdp.split(/\r?\n/) : []) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      const [media, port] = line.slice(2).split(/\s+/);
      section = media;
      video ||= media === 'video' && port !== undefined && port !== '0';
    } else if (section === 'audio' && /^a=rtpmap:\d+\s+telephone-event\//i.test(line)) {
      telephoneEvent = true;
    } else if (section === 'audio' && /^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line)) {
      audioDirection ??= line.slice(2) as SdpFacts['audioDirection'];
    }
  }
  return { telephoneEvent, video, audioDirection: audioDirection ?? 'sendrecv' };
}

/**
 * Whether an offer/answer exchange carries video: both descriptions have a
 * video section with a non-zero port.
 *
 * @remarks
 * RFC 3264 §6: an answerer declines a stream by answering its section with
 * port 0, and §8.2 an offerer removes one the same way; either side's port
 * 0 means no video flows, whatever the other side offered. Direction
 * attributes are not read: a held video call is still a video call.
 */
export function videoNegotiated(localSdp: string | undefined, remoteSdp: string | undefined): boolean {
  return readSdpFacts(localSdp).video && readSdpFacts(remoteSdp).video;
}
