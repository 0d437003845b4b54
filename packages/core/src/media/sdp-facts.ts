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

const DIRECTIONS: readonly SdpDirection[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

/**
 * Reads {@link SdpFacts} from an SDP body.
 *
 * @remarks
 * Lenient on purpose: a malformed or missing body gives the defaults
 * (no telephone-event, no video, sendrecv) instead of throwing, because the
 * body comes from the network.
 */
export function readSdpFacts(sdp: string | undefined): SdpFacts {
  const facts = { telephoneEvent: false, video: false, audioDirection: 'sendrecv' as SdpDirection };
  if (typeof sdp !== 'string') return facts;
  let section: 'session' | 'audio' | 'video' | 'other' = 'session';
  let sessionDirection: SdpDirection | undefined;
  let audioDirection: SdpDirection | undefined;
  for (const raw of sdp.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      const [media, port] = line.slice(2).split(/\s+/);
      section = media === 'audio' ? 'audio' : media === 'video' ? 'video' : 'other';
      if (section === 'video' && port !== undefined && port !== '0') facts.video = true;
      continue;
    }
    if (!line.startsWith('a=')) continue;
    const attribute = line.slice(2);
    const direction = DIRECTIONS.find((d) => attribute === d);
    if (direction) {
      if (section === 'session') sessionDirection = direction;
      else if (section === 'audio') audioDirection = direction;
      continue;
    }
    if (section === 'audio' && /^rtpmap:\d+\s+telephone-event\//i.test(attribute)) facts.telephoneEvent = true;
  }
  facts.audioDirection = audioDirection ?? sessionDirection ?? 'sendrecv';
  return facts;
}
