// @ts-check
/**
 * Call set-up timing: `phone.call()` → `confirmed` against a raw sip.js
 * Inviter → Established, each calling a registered callee that answers at
 * once, through the same local Kamailio, with the same fake media handler.
 */
import { performance } from 'node:perf_hooks';
import { Inviter, Registerer, RegistererState, SessionState, UserAgent } from 'sip.js';
import { PhoneOperator } from '@webphone/core';
import { FakeSessionDescriptionHandler } from '@webphone/core/testing';
import { rawUserAgentOptions } from './raw-sip.mjs';

/** The test media handler of `@webphone/core/testing`, for both sides; nothing keeps the handlers, so memory figures are the phone's own. */
const fakeSessionDescriptionHandlerFactory = () => new FakeSessionDescriptionHandler({});
const media = /** @type {import('@webphone/core').MediaSeam} */ ({ sessionDescriptionHandlerFactory: fakeSessionDescriptionHandlerFactory });

/** @param {{ url: string; domain: string }} server @param {string} extension */
async function registeredPhone(server, extension) {
  const phone = new PhoneOperator({ server: server.url, domain: server.domain, extension, password: `secret${extension}`, logLevel: 'silent', media });
  const registered = new Promise((resolve) => phone.once('registered', () => resolve(undefined)));
  phone.start();
  await registered;
  return phone;
}

/** @param {{ url: string; domain: string }} server @param {string} extension @param {(invitation: import('sip.js').Invitation) => void} [onInvite] */
async function registeredUserAgent(server, extension, onInvite) {
  const userAgent = new UserAgent({
    ...rawUserAgentOptions(server, extension),
    sessionDescriptionHandlerFactory: fakeSessionDescriptionHandlerFactory,
    delegate: onInvite ? { onInvite } : undefined,
  });
  await userAgent.start();
  const registerer = new Registerer(userAgent);
  const registered = new Promise((resolve) => registerer.stateChange.addListener((s) => s === RegistererState.Registered && resolve(undefined)));
  await registerer.register();
  await registered;
  return { userAgent, registerer };
}

/**
 * Two webphone phones (caller, auto-answering callee). Returns a function
 * that times one call and hangs it up.
 * @param {{ url: string; domain: string }} server
 */
export async function webphoneCaller(server) {
  const caller = await registeredPhone(server, '1003');
  const callee = await registeredPhone(server, '1004');
  callee.on('incoming', ({ callId }) => void callee.answer(callId));
  return {
    phones: [caller, callee],
    async once() {
      const started = performance.now();
      /** @type {Promise<number>} */
      const confirmed = new Promise((resolve, reject) => {
        caller.once('newRTCSession', ({ session }) => {
          session.once('confirmed', () => resolve(performance.now() - started));
          session.once('failed', ({ cause, code }) => reject(new Error(`call failed: ${code} ${cause}`)));
        });
      });
      const outcome = await caller.call('1004');
      if (outcome.code !== 200 && outcome.code !== 0) throw new Error(`call() returned ${outcome.code} ${outcome.message}`);
      const elapsed = await confirmed;
      const ended = new Promise((resolve) => callee.once('deleteSession', () => resolve(undefined)));
      const callId = caller.currentSessionID;
      if (callId) caller.hangup(callId);
      await ended;
      await waitUntil(() => caller.sessions.size === 0 && callee.sessions.size === 0);
      return elapsed;
    },
    async close() {
      for (const phone of [caller, callee]) phone.destroy();
      await Promise.all([caller.whenDestroyed(), callee.whenDestroyed()]);
    },
  };
}

/**
 * The same with raw sip.js: an Inviter and an auto-accepting callee.
 * @param {{ url: string; domain: string }} server
 */
export async function sipJsCaller(server) {
  const callee = await registeredUserAgent(server, '1006', (invitation) => void invitation.accept());
  const caller = await registeredUserAgent(server, '1005');
  const target = UserAgent.makeURI(`sip:1006@${server.domain}`);
  if (!target) throw new Error('bad target');
  return {
    async once() {
      const inviter = new Inviter(caller.userAgent, target);
      const started = performance.now();
      /** @type {Promise<number>} */
      const established = new Promise((resolve) => {
        inviter.stateChange.addListener((state) => {
          if (state === SessionState.Established) resolve(performance.now() - started);
        });
      });
      await inviter.invite();
      const elapsed = await established;
      const terminated = new Promise((resolve) => inviter.stateChange.addListener((s) => s === SessionState.Terminated && resolve(undefined)));
      await inviter.bye();
      await terminated;
      return elapsed;
    },
    async close() {
      for (const side of [caller, callee]) {
        await side.registerer.unregister().catch(() => undefined);
        await side.userAgent.stop();
      }
    },
  };
}

/** @param {() => boolean} condition */
async function waitUntil(condition, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
