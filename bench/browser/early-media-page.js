// @ts-check
/**
 * The page of the early-media check: webphone's PhoneOperator (1001) calls a
 * raw sip.js callee (1002) that answers 183 Session Progress with SDP, waits,
 * then 200 OK; real WebRTC in Chromium (fake microphone, ICE over 127.0.0.1,
 * DTLS-SRTP). Bundled by esbuild from the packages' dist/; driven by
 * browser-early-media.mjs.
 */
import { PhoneOperator } from '@webphone/core';
import { startRingback } from '@webphone/ui';
import { Registerer, RegistererState, UserAgent } from 'sip.js';

const peerConnectionConfiguration = { iceServers: [] };
const audioOnly = { constraints: { audio: true, video: false } };

/** @param {() => boolean} condition */
async function until(condition, timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Peak level (0–1) of `stream` over `ms`, through an analyser, as a listener would hear it. */
async function peakLevel(/** @type {MediaStream} */ stream, ms = 1500) {
  // Chromium feeds a remote WebRTC stream to Web Audio only while a media element plays it too.
  const element = new Audio();
  element.muted = true;
  element.srcObject = stream;
  await element.play().catch(() => undefined);
  const context = new AudioContext();
  await context.resume();
  const analyser = context.createAnalyser();
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let peak = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    analyser.getFloatTimeDomainData(samples);
    for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await context.close();
  element.srcObject = null;
  return peak;
}

/** @param {{ url: string; domain: string }} server */
async function run(server) {
  /** @type {import('sip.js').Invitation | undefined} */
  let invitation;
  const callee = new UserAgent({
    uri: UserAgent.makeURI(`sip:1002@${server.domain}`),
    transportOptions: { server: server.url },
    authorizationUsername: '1002',
    authorizationPassword: 'secret1002',
    logLevel: 'error',
    logBuiltinEnabled: false,
    sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration },
    delegate: { onInvite: (incoming) => void (invitation = incoming) },
  });
  await callee.start();
  const registerer = new Registerer(callee);
  const registered = new Promise((resolve) => registerer.stateChange.addListener((state) => state === RegistererState.Registered && resolve(undefined)));
  await registerer.register();
  await registered;

  const phone = new PhoneOperator({ server: server.url, domain: server.domain, extension: '1001', password: 'secret1001', logLevel: 'silent', iceServers: [] });
  const phoneRegistered = new Promise((resolve) => phone.once('registered', () => resolve(undefined)));
  phone.start();
  await phoneRegistered;

  const outcome = await phone.call('1002');
  if (outcome.code !== 200 || !outcome.callId) throw new Error(`call() returned ${outcome.code} ${outcome.message}`);
  const callId = outcome.callId;
  const session = phone.getSession(callId);
  if (!session) throw new Error('no session');
  /** @type {MediaStream[]} */
  const streams = [];
  session.on('streamAdded', ({ stream }) => streams.push(stream));
  const status = () => phone.store.getState().calls[callId]?.status;

  await until(() => invitation !== undefined);
  const far = /** @type {import('sip.js').Invitation} */ (invitation);
  await far.progress({ statusCode: 183, sessionDescriptionHandlerOptions: audioOnly });
  await until(() => status()?.isEarlyMedia === true);
  const early = { ...status() };
  const earlyStream = streams[0];
  if (!earlyStream) throw new Error('no streamAdded during early media');
  await until(() => earlyStream.getAudioTracks().some((track) => !track.muted));
  const earlyPeak = await peakLevel(earlyStream);
  const stillCalling = status()?.callStatus === 'calling';

  await far.accept({ sessionDescriptionHandlerOptions: audioOnly });
  await until(() => status()?.callStatus === 'talking');
  const answered = { ...status() };
  const sameStream = session.remoteStream === earlyStream && streams.every((stream) => stream === earlyStream);
  const answeredPeak = await peakLevel(session.remoteStream ?? earlyStream, 1000);
  phone.hangup(callId);
  await until(() => phone.sessions.size === 0);
  return {
    early: { callStatus: early.callStatus, isRing: early.isRing, isEarlyMedia: early.isEarlyMedia },
    earlyPeak,
    stillCalling,
    answered: { callStatus: answered.callStatus, isEarlyMedia: answered.isEarlyMedia },
    answeredPeak,
    sameStream,
  };
}

/**
 * Renders 7 s of each ringback region offline and returns which 50 ms
 * windows sound: `[start, end]` seconds of each burst of tone.
 */
async function ringbackBursts() {
  /** @type {Record<string, [number, number][]>} */
  const bursts = {};
  for (const region of /** @type {const} */ (['north-america', 'europe', 'uk'])) {
    const rate = 8000;
    const offline = new OfflineAudioContext(1, rate * 7, rate);
    const stop = startRingback(region, { context: /** @type {AudioContext} */ (/** @type {unknown} */ (offline)) });
    const samples = (await offline.startRendering()).getChannelData(0);
    stop();
    const window = rate / 20;
    /** @type {[number, number][]} */
    const found = [];
    for (let start = 0; start + window <= samples.length; start += window) {
      let peak = 0;
      for (let i = start; i < start + window; i++) peak = Math.max(peak, Math.abs(samples[i]));
      const at = start / rate;
      const last = found.at(-1);
      if (peak > 0.01) {
        if (last && Math.abs(last[1] - at) < 1e-9) last[1] = at + window / rate;
        else found.push([at, at + window / rate]);
      }
    }
    bursts[region] = found;
  }
  return bursts;
}

Object.assign(globalThis, { earlyMediaCheck: run, ringbackBursts });
