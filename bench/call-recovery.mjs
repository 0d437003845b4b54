// @ts-check
/**
 * Calls through connection losses, against a local Kamailio with its
 * WebSocket pings off, signalling only (the fake media handler of
 * `@webphone/core/testing`):
 *
 * - `recoveryAfterCut`: each round a new caller behind a fault proxy talks
 *   to a callee; the proxy cuts the caller's connection, and we time cut →
 *   the recovery re-INVITE answered (`isRecovering` false), with the default
 *   settings.
 *   Raw sip.js (reconnecting its transport, as its docs suggest) gets the
 *   same cut; then each callee hangs up and we see whose BYE arrives.
 * - `concurrentCallsThroughRestart`: `count` callers each call their own
 *   callee at once; once all talk, Kamailio is restarted; we time until
 *   every call on both sides is recovered, then hang all up and count.
 */
import { performance } from 'node:perf_hooks';
import { Inviter, Registerer, RegistererState, SessionState, UserAgent } from 'sip.js';
import { PhoneOperator } from '@webphone/core';
import { FakeSessionDescriptionHandler } from '@webphone/core/testing';
import { startFaultProxy } from '@webphone/fault-proxy';
import { startSipCluster, startSipServer } from '@webphone/sip-server';
import { rawUserAgentOptions } from './raw-sip.mjs';

const fakeSessionDescriptionHandlerFactory = () => new FakeSessionDescriptionHandler({});
const media = /** @type {import('@webphone/core').MediaSeam} */ ({ sessionDescriptionHandlerFactory: fakeSessionDescriptionHandlerFactory });
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once `predicate` holds for `phone`'s store, or rejects after `timeoutMs`.
 * @param {PhoneOperator} phone @param {(state: import('@webphone/core').PhoneState) => boolean} predicate @param {number} [timeoutMs]
 */
function until(phone, predicate, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!predicate(phone.store.getState())) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(performance.now());
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('timed out'));
    }, timeoutMs);
    const unsubscribe = phone.store.subscribe(check);
    check();
  });
}

/** @param {{ url: string; domain: string }} server @param {string} extension @param {Partial<import('@webphone/core').PhoneConfig>} [overrides] */
async function registeredPhone(server, extension, overrides = {}) {
  const phone = new PhoneOperator({
    server: server.url,
    domain: server.domain,
    extension,
    password: `secret${extension}`,
    logLevel: 'silent',
    media,
    ...overrides,
  });
  phone.start();
  await until(phone, (s) => s.isRegistered);
  return phone;
}

/** `caller` calls `callee` (which answers); resolves with both call ids once both talk. @param {PhoneOperator} caller @param {PhoneOperator} callee */
async function talking(caller, callee) {
  const rang = new Promise((resolve) => callee.once('incoming', ({ callId }) => resolve(callId)));
  const placed = await caller.call(callee.store.getState().identity.extension);
  if (!placed.callId) throw new Error(`call failed: ${placed.code} ${placed.message}`);
  const incoming = /** @type {string} */ (await rang);
  await callee.answer(incoming);
  const outgoing = placed.callId;
  await until(caller, (s) => s.calls[outgoing]?.status.callStatus === 'talking');
  await until(callee, (s) => s.calls[incoming]?.status.callStatus === 'talking');
  return { outgoing, incoming };
}

/**
 * @typedef {object} RecoveryAfterCut
 * @property {number[]} recoveredMs webphone: cut → recovery re-INVITE answered, per round
 * @property {boolean} byeReachedWebphone the callee's BYE after the cuts reached the webphone caller
 * @property {boolean} rawTransportBack raw sip.js reconnected its transport after the cut
 * @property {boolean} byeReachedRaw the callee's BYE after the cut reached the raw sip.js caller
 */

/** @param {number} rounds @returns {Promise<RecoveryAfterCut>} */
export async function recoveryAfterCut(rounds) {
  const server = await startSipServer({ port: 0, log: 'ignore', wsPings: false });
  const ours = await startFaultProxy({ target: { port: server.port } });
  const theirs = await startFaultProxy({ target: { port: server.port } });
  /** @type {PhoneOperator[]} */
  const phones = [];
  /** @type {UserAgent | undefined} */
  let userAgent;
  try {
    const callee = await registeredPhone(server, '1002');
    phones.push(callee);
    /** @type {number[]} */
    const recoveredMs = [];
    // Each round a new caller: a phone counts a registration that drops within 30 s as a failed attempt and waits
    // longer before the next one, so cuts in quick succession on one phone would measure that backoff instead.
    let last = { caller: callee, outgoing: '', incoming: '' };
    for (let round = 0; round < rounds; round++) {
      const caller = await registeredPhone({ url: ours.url(), domain: server.domain }, '1001');
      phones.push(caller);
      const { outgoing, incoming } = await talking(caller, callee);
      const cutAt = performance.now();
      ours.cut();
      await until(caller, (s) => s.calls[outgoing]?.status.isRecovering === true);
      const recoveredAt = /** @type {number} */ (await until(caller, (s) => s.calls[outgoing]?.status.isRecovering === false));
      recoveredMs.push(recoveredAt - cutAt);
      if (round < rounds - 1) {
        caller.hangup(outgoing);
        await until(callee, (s) => s.calls[incoming] === undefined);
        caller.destroy();
        await caller.whenDestroyed();
      }
      last = { caller, outgoing, incoming };
    }
    const { caller, outgoing, incoming } = last;
    callee.hangup(incoming);
    const byeReachedWebphone = await until(caller, (s) => s.calls[outgoing] === undefined, 5_000).then(
      () => true,
      () => false,
    );

    // Raw sip.js, set to reconnect its transport (its default is not to), calling a webphone callee.
    const rawCallee = await registeredPhone(server, '1004');
    phones.push(rawCallee);
    userAgent = new UserAgent({
      ...rawUserAgentOptions({ url: theirs.url(), domain: server.domain }, '1003'),
      sessionDescriptionHandlerFactory: fakeSessionDescriptionHandlerFactory,
      reconnectionAttempts: 10,
      reconnectionDelay: 1,
    });
    await userAgent.start();
    const registerer = new Registerer(userAgent);
    await new Promise((resolve) => {
      registerer.stateChange.addListener((state) => state === RegistererState.Registered && resolve(undefined));
      void registerer.register();
    });
    const rang = new Promise((resolve) => rawCallee.once('incoming', ({ callId }) => resolve(callId)));
    const target = UserAgent.makeURI(`sip:1004@${server.domain}`);
    if (!target) throw new Error('bad target');
    const inviter = new Inviter(userAgent, target);
    const established = new Promise((resolve) => inviter.stateChange.addListener((state) => state === SessionState.Established && resolve(undefined)));
    await inviter.invite();
    const rawIncoming = /** @type {string} */ (await rang);
    await rawCallee.answer(rawIncoming);
    await established;
    const transportBack = new Promise((resolve) => {
      let lost = false;
      userAgent?.transport.stateChange.addListener((state) => {
        if (state !== 'Connected') lost = true;
        else if (lost) resolve(true);
      });
    });
    theirs.cut();
    const rawTransportBack = await Promise.race([transportBack, sleep(10_000).then(() => false)]);
    await sleep(1_000);
    rawCallee.hangup(rawIncoming);
    await sleep(3_000);
    return { recoveredMs, byeReachedWebphone, rawTransportBack: rawTransportBack === true, byeReachedRaw: inviter.state === SessionState.Terminated };
  } finally {
    for (const phone of phones) phone.destroy();
    await Promise.all(phones.map((phone) => phone.whenDestroyed()));
    await userAgent?.stop().catch(() => undefined);
    await ours.close();
    await theirs.close();
    await server.stop();
  }
}

/**
 * @typedef {object} ConcurrentCalls
 * @property {number} calls calls placed
 * @property {number} failedToConnect calls that did not reach talking
 * @property {number} allTalkingMs all placed at once → all talking on both sides
 * @property {number} restartMs Kamailio's restart (stop and start)
 * @property {number} allRecoveredMs restart began → every call recovered on both sides
 * @property {number} lost calls that ended during the restart (either side)
 * @property {number} endedCleanly calls whose callee saw the caller's BYE after the hang-up
 */

/** @param {number} count @returns {Promise<ConcurrentCalls>} */
export async function concurrentCallsThroughRestart(count) {
  const server = await startSipServer({ port: 0, log: 'ignore', userCount: 2 * count, wsPings: false });
  /** @type {PhoneOperator[]} */
  const callers = [];
  /** @type {PhoneOperator[]} */
  const callees = [];
  try {
    for (let i = 0; i < count; i++) {
      callers.push(await registeredPhone(server, String(1001 + i)));
      callees.push(await registeredPhone(server, String(1001 + count + i)));
    }
    const started = performance.now();
    const outcomes = await Promise.allSettled(callers.map((caller, i) => talking(caller, callees[i])));
    const allTalkingMs = performance.now() - started;
    const calls = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [{ caller: callers[i], callee: callees[i], ...outcome.value }] : []));
    let lost = 0;
    for (const { caller, callee } of calls) {
      for (const phone of [caller, callee]) phone.on('deleteSession', () => lost++);
    }

    const restartBegan = performance.now();
    await server.restart();
    const restartMs = performance.now() - restartBegan;
    const recovered = await Promise.all(
      calls.flatMap(({ caller, callee, outgoing, incoming }) => [
        until(caller, (s) => s.calls[outgoing]?.status.isRecovering === false && s.isRegistered, 90_000).catch(() => NaN),
        until(callee, (s) => s.calls[incoming]?.status.isRecovering === false && s.isRegistered, 90_000).catch(() => NaN),
      ]),
    );
    const allRecoveredMs = Math.max(.../** @type {number[]} */ (recovered)) - restartBegan;
    const lostDuringRestart = lost;

    let endedCleanly = 0;
    await Promise.all(
      calls.map(async ({ caller, callee, outgoing, incoming }) => {
        const byRemote = new Promise((resolve) => {
          callee.getSession(incoming)?.once('ended', ({ cause }) => resolve(cause === 'remote-hangup'));
          setTimeout(() => resolve(false), 10_000);
        });
        caller.hangup(outgoing);
        if (await byRemote) endedCleanly++;
      }),
    );
    return {
      calls: count,
      failedToConnect: count - calls.length,
      allTalkingMs,
      restartMs,
      allRecoveredMs,
      lost: lostDuringRestart,
      endedCleanly,
    };
  } finally {
    const phones = [...callers, ...callees];
    for (const phone of phones) phone.destroy();
    await Promise.all(phones.map((phone) => phone.whenDestroyed()));
    await server.stop();
  }
}

/**
 * @typedef {object} ClusterFailover
 * @property {number} failoverMs node A stopped → both phones registered on node B
 * @property {number} recoveredMs node A stopped → the call recovered on both sides
 */

/**
 * Two phones that prefer node A of a two-node cluster talk; node A is
 * stopped (default settings, Kamailio pings off).
 * @returns {Promise<ClusterFailover>}
 */
export async function clusterFailover() {
  const cluster = await startSipCluster({ log: 'ignore', wsPings: false });
  const [nodeA, nodeB] = cluster.nodes;
  /** @type {PhoneOperator[]} */
  const phones = [];
  try {
    const server = { url: nodeA.url, domain: cluster.domain };
    const caller = await registeredPhone(server, '1001', { server: [...cluster.urls] });
    const callee = await registeredPhone(server, '1002', { server: [...cluster.urls] });
    phones.push(caller, callee);
    const { outgoing, incoming } = await talking(caller, callee);
    const onB = (/** @type {PhoneOperator} */ phone) => until(phone, (s) => s.isRegistered && s.server === `${nodeB.url}/`);
    const stoppedAt = performance.now();
    await nodeA.stop();
    const registeredAt = Math.max(.../** @type {number[]} */ (await Promise.all([onB(caller), onB(callee)])));
    const recoveredAt = Math.max(
      .../** @type {number[]} */ (
        await Promise.all([
          until(caller, (s) => s.calls[outgoing]?.status.isRecovering === false),
          until(callee, (s) => s.calls[incoming]?.status.isRecovering === false),
        ])
      ),
    );
    return { failoverMs: registeredAt - stoppedAt, recoveredMs: recoveredAt - stoppedAt };
  } finally {
    for (const phone of phones) phone.destroy();
    await Promise.all(phones.map((phone) => phone.whenDestroyed()));
    await cluster.stop();
  }
}
