/**
 * The test-only probe behind `window.__webphoneE2E`.
 *
 * @remarks
 * Loaded and installed only when the page is opened with `?e2e=1`
 * (`main.tsx` imports this module dynamically, so a normal visit never even
 * downloads it). It wraps `RTCPeerConnection`, `RTCDTMFSender.prototype.insertDTMF` and
 * `navigator.mediaDevices.getUserMedia` so that end-to-end tests can read
 * what a person cannot see on screen — RTP counters, tones handed to the
 * DTMF sender, whether the microphone was released. Without the parameter
 * none of this code runs and the browser APIs are untouched.
 */

import type { PhoneApi } from '@webphone/react';

/** Audio RTP counters summed over the page's open peer connections. */
export interface AudioCounters {
  /** Open (not closed) peer connections the sums cover. */
  connections: number;
  inboundPackets: number;
  inboundBytes: number;
  outboundPackets: number;
  outboundBytes: number;
  /**
   * `totalAudioEnergy` of the inbound audio (the sum of the squared sample
   * levels of what was played out, times their duration): it stops rising
   * while the far end sends silence.
   */
  inboundAudioEnergy: number;
}

/** Video RTP counters summed over the page's open peer connections. */
export interface VideoCounters {
  /** Frames of the far end's video decoded here: rises while video arrives. */
  framesDecoded: number;
  /** Frames of this camera sent to the far end. */
  framesSent: number;
  inboundPackets: number;
  outboundPackets: number;
}

/** A microphone track the page obtained from getUserMedia. */
export interface MicrophoneTrackInfo {
  id: string;
  label: string;
  readyState: MediaStreamTrackState;
}

/** What the tests read through `window.__webphoneE2E`. */
export interface E2EProbe {
  /** Audio packets and bytes from `RTCPeerConnection.getStats()`, summed over open connections. */
  audioCounters(): Promise<AudioCounters>;
  /** Each tone string handed to an `RTCDTMFSender` (RFC 4733), in order. */
  readonly dtmfSent: string[];
  /** Every microphone track obtained so far, with its current `readyState`. */
  microphoneTracks(): MicrophoneTrackInfo[];
  /** DTMF digits the far end sent by SIP INFO (Session `dtmf` events). */
  readonly digitsReceived: Array<{ callId: string; digit: string }>;
  /** `Record: on/off` INFOs the far end sent (Session `recordInfo` events). */
  readonly recordInfos: Array<{ callId: string; record: 'on' | 'off' }>;
  /** The ICE username fragment of each open connection's local description; a new one means ICE restarted. */
  localIceUfrags(): string[];
  /** Local offers rolled back (`setLocalDescription({ type: 'rollback' })`) after the far end refused them. */
  readonly rollbacks: { count: number };
  /** Video packets and frames from `getStats()`, summed over open connections. */
  videoCounters(): Promise<VideoCounters>;
  /** While true, the page has no camera: getUserMedia with video fails with `NotFoundError`, and no `videoinput` is listed. */
  noCamera: boolean;
  /** Camera tracks obtained so far, with their current `readyState`. */
  cameraTracks(): MediaStreamTrackState[];
  /** The signed-in phone (set by the demo when it creates one), for tests that drive the core directly. */
  phone: PhoneApi | null;
}

declare global {
  interface Window {
    /** Present only with `?e2e=1`. */
    __webphoneE2E?: E2EProbe;
  }
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * Wraps the browser APIs and publishes the probe as `window.__webphoneE2E`.
 * Call once, before the phone is created. Idempotent.
 */
export function installE2EProbe(): E2EProbe {
  if (window.__webphoneE2E) return window.__webphoneE2E;

  const connections = new Set<RTCPeerConnection>();
  const tracks: MediaStreamTrack[] = [];
  const dtmfSent: string[] = [];

  const Native = window.RTCPeerConnection;
  class TrackedPeerConnection extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      connections.add(this);
    }
  }
  window.RTCPeerConnection = TrackedPeerConnection;
  const rollbacks = { count: 0 };
  const setLocalDescription = Native.prototype.setLocalDescription as (this: RTCPeerConnection, description?: RTCLocalSessionDescriptionInit) => Promise<void>;
  Native.prototype.setLocalDescription = function (this: RTCPeerConnection, description?: RTCLocalSessionDescriptionInit) {
    if (description?.type === 'rollback') rollbacks.count += 1;
    return setLocalDescription.call(this, description);
  };

  const insertDTMF = RTCDTMFSender.prototype.insertDTMF;
  RTCDTMFSender.prototype.insertDTMF = function (this: RTCDTMFSender, tones: string, duration?: number, interToneGap?: number) {
    dtmfSent.push(tones);
    return insertDTMF.call(this, tones, duration, interToneGap);
  };

  const media = navigator.mediaDevices;
  const getUserMedia = media.getUserMedia.bind(media);
  const cameras: MediaStreamTrack[] = [];
  media.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    if (probe.noCamera && constraints?.video) throw new DOMException('Requested device not found', 'NotFoundError');
    const stream = await getUserMedia(constraints);
    tracks.push(...stream.getAudioTracks());
    cameras.push(...stream.getVideoTracks());
    return stream;
  };
  const enumerateDevices = media.enumerateDevices.bind(media);
  media.enumerateDevices = async () => (await enumerateDevices()).filter((device) => !probe.noCamera || device.kind !== 'videoinput');

  /** Hands `add` each RTP stats entry of `kind` of the open connections; returns how many connections are open. */
  const sumStats = async (kind: 'audio' | 'video', add: (entry: Record<string, unknown>) => void): Promise<number> => {
    let open = 0;
    for (const pc of connections) {
      if (pc.signalingState === 'closed') {
        connections.delete(pc);
        continue;
      }
      let report: RTCStatsReport;
      try {
        report = await pc.getStats();
      } catch {
        continue; // closed while we were reading
      }
      open += 1;
      report.forEach((entry: Record<string, unknown>) => {
        if ((entry.kind ?? entry.mediaType) === kind) add(entry);
      });
    }
    return open;
  };

  const probe: E2EProbe = {
    async videoCounters() {
      const totals: VideoCounters = { framesDecoded: 0, framesSent: 0, inboundPackets: 0, outboundPackets: 0 };
      await sumStats('video', (entry) => {
        if (entry.type === 'inbound-rtp') {
          totals.framesDecoded += num(entry.framesDecoded);
          totals.inboundPackets += num(entry.packetsReceived);
        } else if (entry.type === 'outbound-rtp') {
          totals.framesSent += num(entry.framesSent);
          totals.outboundPackets += num(entry.packetsSent);
        }
      });
      return totals;
    },
    noCamera: false,
    cameraTracks: () => cameras.map((track) => track.readyState),
    phone: null,
    async audioCounters() {
      const totals: AudioCounters = { connections: 0, inboundPackets: 0, inboundBytes: 0, outboundPackets: 0, outboundBytes: 0, inboundAudioEnergy: 0 };
      totals.connections = await sumStats('audio', (entry) => {
        if (entry.type === 'inbound-rtp') {
          totals.inboundPackets += num(entry.packetsReceived);
          totals.inboundBytes += num(entry.bytesReceived);
          totals.inboundAudioEnergy += num(entry.totalAudioEnergy);
        } else if (entry.type === 'outbound-rtp') {
          totals.outboundPackets += num(entry.packetsSent);
          totals.outboundBytes += num(entry.bytesSent);
        }
      });
      return totals;
    },
    dtmfSent,
    microphoneTracks: () => tracks.map((track) => ({ id: track.id, label: track.label, readyState: track.readyState })),
    digitsReceived: [],
    recordInfos: [],
    rollbacks,
    localIceUfrags: () =>
      [...connections].filter((pc) => pc.signalingState !== 'closed').map((pc) => /a=ice-ufrag:(\S+)/.exec(pc.localDescription?.sdp ?? '')?.[1] ?? ''),
  };
  window.__webphoneE2E = probe;
  return probe;
}
