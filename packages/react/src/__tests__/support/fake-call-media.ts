import type { MediaSeam } from '@webphone/core';

/**
 * Media for a real phone in a DOM-less test: a session description handler
 * that writes plausible SDP (audio only, real offer/answer directions so a
 * hold shows on the wire) and a `getUserMedia` that hands out silent
 * stand-in streams. Written without sip.js (this package never imports it):
 * the handler only has the shape sip.js calls.
 */
class SilentTrack {
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  readonly kind = 'audio';
  stop(): void {
    this.readyState = 'ended';
  }
}

class SilentStream {
  private static next = 0;
  readonly id = `silent-${(SilentStream.next += 1)}`;
  private readonly tracks = [new SilentTrack()];
  getTracks(): SilentTrack[] {
    return [...this.tracks];
  }
  getAudioTracks(): SilentTrack[] {
    return [...this.tracks];
  }
  getVideoTracks(): SilentTrack[] {
    return [];
  }
}

type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

const ANSWER: Record<Direction, Direction> = { sendrecv: 'sendrecv', sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' };

class SdpOnlyHandler {
  private remote = '';
  private state: 'stable' | 'have-local-offer' | 'have-remote-offer' = 'stable';
  private version = 0;
  private closed = false;
  readonly localMediaStream = new SilentStream();
  readonly remoteMediaStream = new SilentStream();
  readonly peerConnection = { getStats: async () => new Map<string, Record<string, unknown>>() };

  getDescription(options?: { hold?: boolean }): Promise<{ body: string; contentType: string }> {
    if (this.closed) return Promise.reject(new Error('closed'));
    let direction: Direction;
    if (this.state === 'have-remote-offer') {
      const offered = (/^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(this.remote)?.[1] as Direction | undefined) ?? 'sendrecv';
      direction = options?.hold ? (offered === 'sendrecv' ? 'sendonly' : 'inactive') : ANSWER[offered];
      this.state = 'stable';
    } else {
      direction = options?.hold ? 'sendonly' : 'sendrecv';
      this.state = 'have-local-offer';
    }
    this.version += 1;
    const body = [
      'v=0',
      `o=- 1 ${this.version} IN IP4 127.0.0.1`,
      's=-',
      't=0 0',
      'm=audio 9 RTP/AVP 0',
      'c=IN IP4 127.0.0.1',
      'a=rtpmap:0 PCMU/8000',
      `a=${direction}`,
      '',
    ].join('\r\n');
    return new Promise((resolve) => setTimeout(() => resolve({ body, contentType: 'application/sdp' }), 0));
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  setDescription(sdp: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('closed'));
    this.remote = sdp;
    this.state = this.state === 'have-local-offer' ? 'stable' : 'have-remote-offer';
    return Promise.resolve();
  }

  rollbackDescription(): Promise<void> {
    this.state = 'stable';
    return Promise.resolve();
  }

  sendDtmf(): boolean {
    return !this.closed;
  }

  close(): void {
    this.closed = true;
  }
}

/** A media seam (config `media`) for one phone. */
export function sdpOnlyMedia(): MediaSeam {
  return { sessionDescriptionHandlerFactory: (() => new SdpOnlyHandler()) as unknown as MediaSeam['sessionDescriptionHandlerFactory'] };
}

/** Puts a `navigator.mediaDevices` with a silent microphone in place; returns the undo. */
export function installSilentMicrophone(): () => void {
  const devices = {
    getUserMedia: async () => new SilentStream() as unknown as MediaStream,
    enumerateDevices: async () => [{ kind: 'audioinput', deviceId: 'silent', groupId: 'g', label: 'Silent', toJSON: () => ({}) }] as MediaDeviceInfo[],
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  Object.defineProperty(navigator, 'mediaDevices', { value: devices, configurable: true });
  return () => Reflect.deleteProperty(navigator, 'mediaDevices');
}
