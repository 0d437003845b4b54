/** Media direction of an SDP section (RFC 3264 §5.1). */
export type SdpDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** What the phone needs to know from a remote session description. */
export interface SdpFacts {
  /** The far end can receive RFC 4733 events (`telephone-event` in an audio rtpmap). */
  readonly telephoneEvent: boolean;
  /** The description has a video section with a non-zero port. */
  readonly video: boolean;
  /** Direction of the audio section (session-level attribute when the section has none). */
  readonly audioDirection: SdpDirection;
}

/**
 * Reads {@link SdpFacts} from an SDP body.
 *
 * @remarks
 * Lenient on purpose: a malformed or missing body gives the defaults
 * (no telephone-event, no video, sendrecv) instead of throwing, because the
 * body comes from the network.
 */
export function readSdpFacts(sdp: string | undefined): SdpFacts {
  let telephoneEvent = false;
  let video = false;
  // '' is the session level, `m=<media>` a media section; the last direction attribute of a section wins.
  let section = '';
  const directions: Record<string, SdpDirection> = {};
  for (const raw of typeof sdp === 'string' ? sdp.split(/\r?\n/) : []) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      const [media, port] = line.slice(2).split(/\s+/);
      section = `m=${media}`;
      video ||= media === 'video' && port !== undefined && port !== '0';
    } else if (/^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line)) {
      directions[section] = line.slice(2) as SdpDirection;
    } else if (section === 'm=audio' && /^a=rtpmap:\d+\s+telephone-event\//i.test(line)) {
      telephoneEvent = true;
    }
  }
  return { telephoneEvent, video, audioDirection: directions['m=audio'] ?? directions[''] ?? 'sendrecv' };
}
