import type { SipServerHandle } from '@webphone/sip-server';
import type { PhoneConfig, PhoneOperator, SessionApi, SessionEventMap } from '../../index.js';
import { fakeMedia, type FakeMedia, type FakeMediaOptions } from '../../testing/fake-media.js';
import { makePhone, nextEvent, testConfig, useOwnSipServer, waitForState } from './phone-harness.js';

/** A registered test phone and its fake media. */
export interface TestPhone {
  readonly phone: PhoneOperator;
  readonly media: FakeMedia;
  readonly extension: string;
}

/** Each call test file runs its own Kamailio (see {@link useOwnSipServer}). */
export const useCallServer = useOwnSipServer;

/** Creates, starts and registers a phone with fake media against `server`. */
export async function registeredPhone(
  server: SipServerHandle,
  extension: string,
  overrides: Partial<PhoneConfig> = {},
  mediaOptions: FakeMediaOptions = {},
): Promise<TestPhone> {
  const media = fakeMedia(mediaOptions);
  const phone = makePhone(testConfig(extension, { server: server.url, domain: server.domain, media: media.seam, ...overrides }));
  const registered = nextEvent(phone, 'registered');
  phone.start();
  await registered;
  return { phone, media, extension };
}

/** Resolves with the arguments of a session's next `event`, or rejects after `timeoutMs`. */
export function sessionEvent<K extends keyof SessionEventMap>(session: SessionApi, event: K, timeoutMs = 10_000): Promise<SessionEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      session.off(event, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for session "${String(event)}"`));
    }, timeoutMs);
    const listener = (...args: SessionEventMap[K]): void => {
      clearTimeout(timer);
      session.off(event, listener);
      resolve(args);
    };
    session.on(event, listener);
  });
}

/** Waits until `phone` has a call whose status satisfies `predicate`. */
export function waitForCall(phone: PhoneOperator, predicate: (status: import('../../index.js').CallStatus) => boolean, timeoutMs = 10_000) {
  return waitForState(phone.store, (s) => Object.values(s.calls).some((c) => predicate(c.status)), timeoutMs);
}

/** `caller` calls `callee`, which answers; resolves once both sides are talking. */
export async function connect(caller: TestPhone, callee: TestPhone): Promise<{ outgoing: SessionApi; incoming: SessionApi }> {
  const ringing = nextEvent(callee.phone, 'incoming');
  const placed = await caller.phone.call(callee.extension);
  if (placed.code !== 200 || !placed.callId) throw new Error(`call failed: ${placed.message}`);
  const outgoing = caller.phone.getSession(placed.callId)!;
  const [{ session: incoming }] = await ringing;
  const answered = await callee.phone.answer(incoming.callId);
  if (answered.code !== 200) throw new Error(`answer failed: ${answered.message}`);
  await waitForState(caller.phone.store, (s) => s.calls[outgoing.callId]?.status.callStatus === 'talking');
  await waitForState(callee.phone.store, (s) => s.calls[incoming.callId]?.status.callStatus === 'talking');
  return { outgoing, incoming };
}

/**
 * Holds and then resumes `fromSession` from `from`, waiting each time for
 * the re-INVITE to reach `other` and for `from`'s store to show the state.
 */
export async function holdRoundTrip(from: PhoneOperator, fromSession: SessionApi, other: SessionApi): Promise<void> {
  for (const hold of [true, false]) {
    const seen = sessionEvent(other, 'reinvite');
    const accepted = hold ? from.hold(fromSession.callId) : from.unhold(fromSession.callId);
    if (!accepted) throw new Error(`${hold ? 'hold' : 'unhold'} of ${fromSession.callId} refused`);
    await seen;
    await waitForState(from.store, (s) => s.calls[fromSession.callId]?.status.isHold === hold);
  }
}
