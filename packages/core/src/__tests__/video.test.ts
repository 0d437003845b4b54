import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallQualitySampler, type StatsEntry } from '../call-quality.js';
import type { LiveCall } from '../live-call.js';
import { switchCamera } from '../media/camera-switch.js';
import { videoNegotiated } from '../media/sdp-facts.js';
import { FakeSender, FakeStream, FakeTrack } from '../testing/fake-media.js';
import { ResultCode } from '../result.js';
import { negotiatesVideo, prepareVideo, rejectStoppedSections, type VideoTarget } from '../sip/video-transceivers.js';
import { ScriptedPhone } from '../testing/scripted-phone.js';
import { VIDEO_REQUEST_TIMEOUT_MS } from '../video-controller.js';

afterEach(() => vi.useRealTimers());

const AUDIO = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n';
const VIDEO = `${AUDIO}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n`;
const DECLINED = `${AUDIO}m=video 0 UDP/TLS/RTP/SAVPF 96\r\n`;

describe('videoNegotiated', () => {
  it('needs a video section with a non-zero port on both sides', () => {
    expect(videoNegotiated(VIDEO, VIDEO)).toBe(true);
    // The answerer declined (port 0), seen from either side.
    expect(videoNegotiated(VIDEO, DECLINED)).toBe(false);
    expect(videoNegotiated(DECLINED, VIDEO)).toBe(false);
    expect(videoNegotiated(AUDIO, VIDEO)).toBe(false);
    expect(videoNegotiated(undefined, VIDEO)).toBe(false);
    // A held video call is still a video call.
    expect(videoNegotiated(VIDEO.replace(/sendrecv/g, 'sendonly'), VIDEO.replace(/sendrecv/g, 'recvonly'))).toBe(true);
  });
});

function stats(entries: Record<string, unknown>[]): { forEach(cb: (e: StatsEntry) => void): void } {
  return { forEach: (cb) => entries.forEach((e) => cb(e as StatsEntry)) };
}

describe('the video part of the call report', () => {
  const audio = [
    { id: 'CA', type: 'codec', mimeType: 'audio/opus' },
    { id: 'IA', type: 'inbound-rtp', kind: 'audio', codecId: 'CA', packetsReceived: 500, packetsLost: 0, jitter: 0.002 },
    { id: 'OA', type: 'outbound-rtp', kind: 'audio', codecId: 'CA', packetsSent: 500 },
  ];
  it('has packets, loss, jitter, frame rate and resolution of the received picture when video flows', () => {
    const sampler = new CallQualitySampler('v1');
    const video = (received: number, lost: number, jitter: number) => [
      { id: 'CV', type: 'codec', mimeType: 'video/VP8' },
      {
        id: 'IV',
        type: 'inbound-rtp',
        kind: 'video',
        codecId: 'CV',
        packetsReceived: received,
        packetsLost: lost,
        jitter,
        framesDecoded: 90,
        framesPerSecond: 29.97,
        frameWidth: 640,
        frameHeight: 480,
      },
      { id: 'OV', type: 'outbound-rtp', kind: 'video', codecId: 'CV', packetsSent: 800, framesPerSecond: 15, frameWidth: 320, frameHeight: 240 },
    ];
    sampler.sample(stats([...audio, ...video(300, 0, 0.01)]), 1000);
    const report = sampler.sample(stats([...audio, ...video(600, 6, 0.03)]), 4000);
    expect(report.video).toEqual({
      codec: 'vp8',
      packetsReceived: 600,
      packetsSent: 800,
      packetsLost: 6,
      lossRatio: 0.009901,
      jitter: 30,
      jitterAvg: 20,
      jitterMax: 30,
      rtt: null,
      frameRate: 29.97,
      frameWidth: 640,
      frameHeight: 480,
    });
  });
  it('reports the sent picture when nothing arrives, and no video part when no video packet moved', () => {
    const sending = [{ id: 'OV', type: 'outbound-rtp', kind: 'video', packetsSent: 70, framesPerSecond: 15, frameWidth: 320, frameHeight: 240 }];
    expect(new CallQualitySampler('v2').sample(stats([...audio, ...sending]), 0).video).toMatchObject({ packetsSent: 70, frameRate: 15, frameWidth: 320 });
    // A declined or dropped video stream leaves entries without packets.
    const idle = [
      { id: 'IV', type: 'inbound-rtp', kind: 'video', packetsReceived: 0 },
      { id: 'OV', type: 'outbound-rtp', kind: 'video', packetsSent: 0 },
    ];
    expect(new CallQualitySampler('v3').sample(stats([...audio, ...idle]), 0).video).toBeNull();
  });
});

/** A transceiver stand-in: enough for the video steering. */
class FakeTransceiver {
  direction: RTCRtpTransceiverDirection = 'recvonly';
  currentDirection: RTCRtpTransceiverDirection | null = null;
  mid: string | null = null;
  readonly receiver: { track: { kind: string } };
  readonly sender: { track: MediaStreamTrack | null; replaceTrack(track: MediaStreamTrack | null): Promise<void>; setStreams(): void };
  constructor(kind: 'audio' | 'video', track: MediaStreamTrack | null = null) {
    this.receiver = { track: { kind } };
    this.sender = {
      track,
      replaceTrack: (next) => {
        this.sender.track = next;
        return Promise.resolve();
      },
      setStreams: () => undefined,
    };
  }
  stop(): void {
    this.direction = 'stopped';
  }
}

function fakeTarget(signalingState: RTCSignalingState, remoteSdp: string, transceivers: FakeTransceiver[]) {
  const localTracks: MediaStreamTrack[] = [];
  const added: MediaStreamTrack[] = [];
  const peerConnection = {
    signalingState,
    remoteDescription: { sdp: remoteSdp },
    getTransceivers: () => transceivers,
    addTransceiver: (track: MediaStreamTrack) => {
      added.push(track);
      transceivers.push(new FakeTransceiver('video', track));
    },
  };
  const localMediaStream = {
    getVideoTracks: () => localTracks.filter((t) => t.kind === 'video'),
    addTrack: (t: MediaStreamTrack) => localTracks.push(t),
    removeTrack: (t: MediaStreamTrack) => localTracks.splice(localTracks.indexOf(t), 1),
  };
  const target = { peerConnection, localMediaStream } as unknown as VideoTarget;
  return { target, added, localTracks };
}

const cameraTrack = () => ({ kind: 'video', readyState: 'live', stop: vi.fn() }) as unknown as MediaStreamTrack;

describe('prepareVideo (before sip.js makes an offer or answer)', () => {
  it('answering without video stops the offer’s video transceivers, so the answer has video port 0', async () => {
    const video = new FakeTransceiver('video');
    const audio = new FakeTransceiver('audio');
    const { target } = fakeTarget('have-remote-offer', VIDEO, [audio, video]);
    await prepareVideo(target, { webphoneDeclineVideo: true });
    expect(video.direction).toBe('stopped');
    expect(audio.direction).toBe('recvonly');
  });

  it('a re-INVITE adding video asks first: accepted, the camera goes on the offered transceiver; declined, it is stopped', async () => {
    const track = cameraTrack();
    const accepted = new FakeTransceiver('video');
    const one = fakeTarget('have-remote-offer', VIDEO, [new FakeTransceiver('audio'), accepted]);
    const asked = vi.fn(() => Promise.resolve({ accept: true as const, track }));
    await prepareVideo(one.target, { webphoneVideoOffered: asked });
    expect(asked).toHaveBeenCalledTimes(1);
    expect(accepted.sender.track).toBe(track);
    expect(accepted.direction).toBe('sendrecv');
    expect(one.localTracks).toEqual([track]);

    const declined = new FakeTransceiver('video');
    const two = fakeTarget('have-remote-offer', VIDEO, [declined]);
    await prepareVideo(two.target, { webphoneVideoOffered: () => Promise.resolve({ accept: false }) });
    expect(declined.direction).toBe('stopped');
  });

  it('does not ask for an offer without video, nor when this side already sends video (a hold re-INVITE)', async () => {
    const asked = vi.fn(() => Promise.resolve({ accept: false as const }));
    await prepareVideo(fakeTarget('have-remote-offer', AUDIO, [new FakeTransceiver('audio')]).target, { webphoneVideoOffered: asked });
    const sending = new FakeTransceiver('video', cameraTrack());
    await prepareVideo(fakeTarget('have-remote-offer', VIDEO, [sending]).target, { webphoneVideoOffered: asked });
    expect(asked).not.toHaveBeenCalled();
    expect(sending.direction).toBe('recvonly');
  });

  it('an offer adding video adds the camera track; one dropping video stops the video transceivers and the camera', async () => {
    const track = cameraTrack();
    const adding = fakeTarget('stable', AUDIO, [new FakeTransceiver('audio')]);
    await prepareVideo(adding.target, { webphoneVideoChange: { kind: 'add', track } });
    expect(adding.added).toEqual([track]);

    const sending = new FakeTransceiver('video', track);
    sending.direction = 'sendrecv';
    const dropping = fakeTarget('stable', VIDEO, [sending]);
    dropping.localTracks.push(track);
    await prepareVideo(dropping.target, { webphoneVideoChange: { kind: 'drop' } });
    expect(sending.direction).toBe('stopped');
    expect(track.stop).toHaveBeenCalled();
    expect(dropping.localTracks).toEqual([]);
  });
});

describe('the answer as sent, and what counts as negotiated video', () => {
  const transceiver = (kind: 'audio' | 'video', mid: string, direction: RTCRtpTransceiverDirection, currentDirection: RTCRtpTransceiverDirection | null) =>
    Object.assign(new FakeTransceiver(kind), { mid, direction, currentDirection }) as unknown as RTCRtpTransceiver;
  const answer = [
    'v=0',
    'a=group:BUNDLE 0 1',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'a=mid:0',
    'a=sendrecv',
    'm=video 9 UDP/TLS/RTP/SAVPF 96',
    'a=mid:1',
    'a=inactive',
    '',
  ].join('\r\n');

  it('a video section whose transceiver was stopped while answering gets port 0 and leaves the bundle', () => {
    const stopped = { getTransceivers: () => [transceiver('audio', '0', 'sendrecv', null), transceiver('video', '1', 'stopped', null)] };
    const sent = rejectStoppedSections(answer, stopped);
    expect(sent).toContain('\r\nm=video 0 UDP/TLS/RTP/SAVPF 96\r\n');
    expect(sent).toContain('\r\na=group:BUNDLE 0\r\n');
    expect(sent.replace('m=video 0', 'm=video 9').replace('BUNDLE 0\r', 'BUNDLE 0 1\r')).toBe(answer);
    const open = { getTransceivers: () => [transceiver('audio', '0', 'sendrecv', null), transceiver('video', '1', 'sendrecv', null)] };
    expect(rejectStoppedSections(answer, open)).toBe(answer);
  });

  it('video is negotiated while a video transceiver went through an offer/answer and is not stopped (held included)', () => {
    const of = (...list: RTCRtpTransceiver[]) => ({ getTransceivers: () => list });
    expect(negotiatesVideo(of(transceiver('audio', '0', 'sendrecv', 'sendrecv'), transceiver('video', '1', 'sendonly', 'sendonly')))).toBe(true);
    expect(negotiatesVideo(of(transceiver('video', '1', 'stopped', 'inactive')))).toBe(false);
    expect(negotiatesVideo(of(transceiver('video', '1', 'sendrecv', 'stopped')))).toBe(false);
    // Added for an offer that the far end refused (rolled back): never negotiated.
    expect(negotiatesVideo(of(transceiver('video', '1', 'sendrecv', null)))).toBe(false);
    expect(negotiatesVideo(of(transceiver('audio', '0', 'sendrecv', 'sendrecv')))).toBe(false);
  });
});

describe('switching the camera of a video call', () => {
  const videoCall = (sender: FakeSender | null, stream: FakeStream) =>
    ({
      localStream: stream,
      sip: { media: { localMediaStream: stream, peerConnection: { getSenders: () => (sender ? [sender] : []) } } },
    }) as unknown as LiveCall;

  it('sends the new camera with replaceTrack (no re-INVITE), stops the old one, and the local stream shows the new one', async () => {
    const old = new FakeTrack('video', 'cam-1');
    const stream = new FakeStream([new FakeTrack('audio'), old]);
    const sender = new FakeSender(old);
    const next = new FakeTrack('video', 'cam-2');
    expect(await switchCamera(videoCall(sender, stream), next as unknown as MediaStreamTrack)).toBe(true);
    expect(sender.track).toBe(next);
    expect(sender.replaced).toBe(1);
    expect(old.readyState).toBe('ended');
    expect(stream.getVideoTracks()).toEqual([next]);
  });

  it('a call with no video sender keeps what it has; the new track is stopped', async () => {
    const stream = new FakeStream([new FakeTrack('audio')]);
    const next = new FakeTrack('video', 'cam-2');
    expect(await switchCamera(videoCall(null, stream), next as unknown as MediaStreamTrack)).toBe(false);
    expect(next.readyState).toBe('ended');
    expect(stream.getVideoTracks()).toEqual([]);
  });
});

/** Lets the far end's answers (resolved promises) reach the phone. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function talking(phone: ScriptedPhone, video = false, remoteVideo = true): Promise<string> {
  const placed = await phone.call('1002', { video });
  const callId = placed.callId ?? '';
  phone.remoteAnswer(callId, {}, remoteVideo);
  await settle();
  return callId;
}

describe('video calls (ScriptedPhone, the real call logic)', () => {
  it('a call placed with video has isVideo true once answered with video, false when the callee declined the video stream', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const withVideo = await talking(phone, true);
    expect(phone.getSession(withVideo)?.status).toMatchObject({ callStatus: 'talking', isVideo: true });
    // A second phone: the first one refuses a new call within a second (-208).
    const other = new ScriptedPhone({ registered: true });
    const declined = await talking(other, true, false);
    expect(other.getSession(declined)?.status).toMatchObject({ callStatus: 'talking', isVideo: false });
  });

  it('an incoming video call shows isVideo while ringing; answered with { video: false } it is an audio call', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const callId = phone.simulateIncoming({ number: '1002', isVideo: true });
    expect(phone.getSession(callId)?.status.isVideo).toBe(true);
    expect((await phone.answer(callId, { video: false })).code).toBe(200);
    await settle();
    expect(phone.getSession(callId)?.status).toMatchObject({ callStatus: 'talking', isVideo: false });
    phone.remoteHangup(callId);
    const second = phone.simulateIncoming({ number: '1003', isVideo: true });
    await phone.answer(second);
    await settle();
    expect(phone.getSession(second)?.status.isVideo).toBe(true);
  });

  it('audioToVideo and videoToAudio renegotiate with a re-INVITE and resolve with the far end’s answer', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const callId = await talking(phone);
    const changes: boolean[] = [];
    phone.getSession(callId)?.on('statusChange', (next, previous) => next.isVideo !== previous.isVideo && changes.push(next.isVideo));
    const upgrading = phone.audioToVideo(callId);
    await settle();
    expect(phone.store.getState().calls[callId]?.videoChange).toEqual({ status: 'requesting', video: true });
    expect(await upgrading).toEqual({ code: 200, message: 'PHONE_SUCCESS' });
    expect(phone.store.getState().calls[callId]?.videoChange).toEqual({ status: 'idle' });
    // Asking for what the call already has sends nothing.
    expect((await phone.getSession(callId)?.audioToVideo())?.code).toBe(200);
    expect(await phone.videoToAudio(callId)).toEqual({ code: 200, message: 'PHONE_SUCCESS' });
    expect(changes).toEqual([true, false]);
    expect(phone.sentRequests(callId).map((request) => request.detail)).toEqual(['unhold add-video', 'unhold drop-video']);
  });

  it('the far end declining the upgrade (answer without video, or a refusal) gives -213 and the call stays audio', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const callId = await talking(phone);
    phone.declineNextVideo(callId);
    expect((await phone.audioToVideo(callId)).code).toBe(ResultCode.VIDEO_CHANGE_REFUSED);
    phone.answerNextRequest(callId, 488, 'Not Acceptable Here');
    const refused = await phone.audioToVideo(callId);
    expect(refused).toEqual({ code: -213, message: 'VIDEO_CHANGE_REFUSED: 488 Not Acceptable Here' });
    expect(phone.getSession(callId)?.status.isVideo).toBe(false);
    expect(phone.getSession(callId)?.status.isHold).toBe(false);
  });

  it('glare (491) is retried as for hold, then the upgrade succeeds', async () => {
    vi.useFakeTimers();
    const phone = new ScriptedPhone({ registered: true });
    const placed = await phone.call('1002');
    phone.remoteAnswer(placed.callId ?? '');
    await vi.advanceTimersByTimeAsync(300);
    phone.answerNextRequest(placed.callId ?? '', 491);
    const upgrading = phone.audioToVideo(placed.callId ?? '');
    await vi.advanceTimersByTimeAsync(4100);
    expect((await upgrading).code).toBe(200);
    expect(phone.sentRequests(placed.callId ?? '')).toHaveLength(2);
  });

  it('refuses unknown calls (-211) and calls that are not talking', async () => {
    const phone = new ScriptedPhone({ registered: true });
    expect((await phone.audioToVideo('nope')).code).toBe(ResultCode.NOT_FOUND_CALL_ID);
    expect((await phone.agreeChangeVideo('nope', true)).code).toBe(ResultCode.NOT_FOUND_CALL_ID);
    const ringing = phone.simulateIncoming({ number: '1002' });
    expect((await phone.audioToVideo(ringing)).code).toBe(ResultCode.UNKNOWN_ERROR);
    expect((await phone.agreeChangeVideo(ringing, true)).code).toBe(ResultCode.UNKNOWN_ERROR);
  });

  it('the far end adding video asks the app (videoChangeRequest); agreeChangeVideo answers it', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const callId = await talking(phone);
    const session = phone.getSession(callId);
    const requests: { callId: string; deadline: number }[] = [];
    session?.on('videoChangeRequest', (event) => requests.push(event));
    const accepted = phone.remoteAddVideo(callId);
    await settle();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.deadline).toBeGreaterThan(Date.now() + VIDEO_REQUEST_TIMEOUT_MS - 1000);
    expect(phone.store.getState().calls[callId]?.videoChange.status).toBe('requested-by-remote');
    expect(await session?.agreeChangeVideo(true)).toEqual({ code: 200, message: 'PHONE_SUCCESS' });
    expect(await accepted).toBe(true);
    expect(session?.status.isVideo).toBe(true);
    expect(phone.store.getState().calls[callId]?.videoChange.status).toBe('idle');
    // Nothing waits any more; dropping video needs no consent.
    expect((await phone.agreeChangeVideo(callId, true)).code).toBe(ResultCode.UNKNOWN_ERROR);
    expect(phone.remoteDropVideo(callId)).toBe(true);
    expect(session?.status.isVideo).toBe(false);

    const declined = phone.remoteAddVideo(callId);
    await settle();
    expect((await phone.agreeChangeVideo(callId, false)).code).toBe(200);
    expect(await declined).toBe(false);
    expect(session?.status.isVideo).toBe(false);
  });

  it('an unanswered request for video is declined after 30 s', async () => {
    vi.useFakeTimers();
    const phone = new ScriptedPhone({ registered: true });
    const placed = await phone.call('1002');
    const callId = placed.callId ?? '';
    phone.remoteAnswer(callId);
    await vi.advanceTimersByTimeAsync(10);
    let answer: boolean | undefined;
    void phone.remoteAddVideo(callId).then((accepted) => (answer = accepted));
    await vi.advanceTimersByTimeAsync(VIDEO_REQUEST_TIMEOUT_MS - 100);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(answer).toBe(false);
    expect(phone.getSession(callId)?.status.isVideo).toBe(false);
    expect(phone.store.getState().calls[callId]?.videoChange.status).toBe('idle');
  });
});
