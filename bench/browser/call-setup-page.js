// @ts-check
/**
 * The page of the browser call set-up measure: webphone's PhoneOperator and
 * a raw sip.js Inviter, each calling its own auto-answering raw sip.js
 * callee through the same Kamailio, with real WebRTC (getUserMedia from
 * Chromium's fake microphone, ICE over 127.0.0.1, DTLS-SRTP). Bundled by
 * esbuild from the packages' dist/; driven by browser-call-setup.mjs.
 */
import { PhoneOperator } from '@webphone/core';
import { Inviter, Registerer, RegistererState, SessionState, UserAgent } from 'sip.js';

/** Neither side may wait for a STUN server (sip.js's default would add a public one). */
const peerConnectionConfiguration = { iceServers: [] };

/** @param {{ url: string; domain: string }} server @param {string} extension @param {((invitation: import('sip.js').Invitation) => void) | undefined} onInvite */
async function rawUserAgent(server, extension, onInvite) {
  const userAgent = new UserAgent({
    uri: UserAgent.makeURI(`sip:${extension}@${server.domain}`),
    transportOptions: { server: server.url },
    authorizationUsername: extension,
    authorizationPassword: `secret${extension}`,
    logLevel: 'error',
    logBuiltinEnabled: false,
    sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration },
    delegate: onInvite ? { onInvite } : undefined,
  });
  await userAgent.start();
  const registerer = new Registerer(userAgent);
  const registered = new Promise((resolve) => registerer.stateChange.addListener((state) => state === RegistererState.Registered && resolve(undefined)));
  await registerer.register();
  await registered;
  return userAgent;
}

/** @param {import('sip.js').Invitation} invitation */
const answer = (invitation) => void invitation.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });

/** @param {() => boolean} condition */
async function until(condition, timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** @param {{ url: string; domain: string }} server */
async function setUp(server) {
  await rawUserAgent(server, '1002', answer);
  await rawUserAgent(server, '1004', answer);
  const phone = new PhoneOperator({ server: server.url, domain: server.domain, extension: '1001', password: 'secret1001', logLevel: 'silent', iceServers: [] });
  const registered = new Promise((resolve) => phone.once('registered', () => resolve(undefined)));
  phone.start();
  await registered;
  const caller = await rawUserAgent(server, '1003', undefined);
  const target = UserAgent.makeURI(`sip:1004@${server.domain}`);
  if (!target) throw new Error('bad target');

  return {
    /** webphone: `phone.call()` → the session's `confirmed`; then hangs up and waits until both ends are idle. */
    async webphone() {
      const started = performance.now();
      /** @type {Promise<number>} */
      const confirmed = new Promise((resolve, reject) => {
        phone.once('newRTCSession', ({ session }) => {
          session.once('confirmed', () => resolve(performance.now() - started));
          session.once('failed', ({ cause, code }) => reject(new Error(`call failed: ${code} ${cause}`)));
        });
      });
      const outcome = await phone.call('1002');
      if (outcome.code !== 200 && outcome.code !== 0) throw new Error(`call() returned ${outcome.code} ${outcome.message}`);
      const elapsed = await confirmed;
      const callId = phone.currentSessionID;
      if (callId) phone.hangup(callId);
      await until(() => phone.sessions.size === 0);
      return elapsed;
    },
    /** raw sip.js: `inviter.invite()` → Established; then BYE and Terminated. */
    async sipJs() {
      const inviter = new Inviter(caller, target, { sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
      const started = performance.now();
      /** @type {Promise<number>} */
      const established = new Promise((resolve, reject) =>
        inviter.stateChange.addListener((state) => {
          if (state === SessionState.Established) resolve(performance.now() - started);
          if (state === SessionState.Terminated) reject(new Error('raw call ended before it was established'));
        }),
      );
      await inviter.invite();
      const elapsed = await established;
      const terminated = new Promise((resolve) => inviter.stateChange.addListener((state) => state === SessionState.Terminated && resolve(undefined)));
      await inviter.bye();
      await terminated;
      return elapsed;
    },
  };
}

/** @type {Awaited<ReturnType<typeof setUp>> | undefined} */
let sides;
Object.assign(globalThis, {
  benchSetUp: async (/** @type {{ url: string; domain: string }} */ server) => {
    sides = await setUp(server);
  },
  benchWebphone: () => sides?.webphone(),
  benchSipJs: () => sides?.sipJs(),
});
