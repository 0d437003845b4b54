// @ts-check
/**
 * Resources after many calls, and store writes while calls are talking.
 * The phone under test answers every call; ten caller phones take turns so
 * the one-outgoing-call-per-second guard of each caller is respected.
 */
import { PhoneOperator } from '@webphone/core';
import { FakeSessionDescriptionHandler } from '@webphone/core/testing';

/** The test media handler of `@webphone/core/testing`, for both sides; nothing keeps the handlers, so memory figures are the phone's own. */
const fakeSessionDescriptionHandlerFactory = () => new FakeSessionDescriptionHandler({});
const media = /** @type {import('@webphone/core').MediaSeam} */ ({ sessionDescriptionHandlerFactory: fakeSessionDescriptionHandlerFactory });
const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

function heapAfterGc() {
  const gc = /** @type {undefined | (() => void)} */ (globalThis.gc);
  if (!gc) throw new Error('run the benchmark with node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** @param {{ url: string; domain: string }} server @param {string} extension */
async function phoneFor(server, extension) {
  const phone = new PhoneOperator({
    server: server.url,
    domain: server.domain,
    extension,
    password: `secret${extension}`,
    logLevel: 'silent',
    media,
    maxConcurrentCalls: 4,
  });
  const registered = new Promise((resolve) => phone.once('registered', () => resolve(undefined)));
  phone.start();
  await registered;
  return phone;
}

/** @param {() => boolean} condition */
async function until(condition, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(2);
  }
}

/**
 * @param {{ url: string; domain: string }} server
 * @param {number} calls
 */
export async function resourcesAfterCalls(server, calls) {
  const callee = await phoneFor(server, '1001');
  callee.on('incoming', ({ callId }) => void callee.answer(callId));
  const callers = [];
  for (let i = 0; i < 8; i++) callers.push(await phoneFor(server, String(1002 + i)));

  // Store writes while two calls talk: only state changes write, never a timer.
  for (const caller of callers.slice(0, 2)) {
    await caller.call('1001');
    await until(() => Object.values(caller.store.getState().calls).some((c) => c.status.callStatus === 'talking'));
  }
  // Let the callee's ACK land before counting.
  await sleep(500);
  let writes = 0;
  const unsubscribe = callee.store.subscribe(() => writes++);
  const window = 5000;
  await sleep(window);
  unsubscribe();
  for (const caller of callers.slice(0, 2)) for (const id of [...caller.sessions.keys()]) caller.hangup(id);
  await until(() => callee.sessions.size === 0);
  await sleep(1000);

  const listenersBefore = callee.listenerCount();
  const timersBefore = timers();
  const heapBefore = heapAfterGc();
  const lastCall = new Map();
  let lastAtCallee = 0;
  for (let i = 0; i < calls; i++) {
    const caller = callers[i % callers.length];
    // At most 4 new calls a second reach the callee: its inbound screen drops INVITEs beyond 5 a second (and requests beyond 20).
    const calleeWait = 260 - (Date.now() - lastAtCallee);
    if (calleeWait > 0) await sleep(calleeWait);
    lastAtCallee = Date.now();
    const wait = 1050 - (Date.now() - (lastCall.get(caller) ?? 0));
    if (wait > 0) await sleep(wait);
    lastCall.set(caller, Date.now());
    const outcome = await caller.call('1001');
    if (outcome.code !== 200) throw new Error(`call ${i}: ${outcome.code} ${outcome.message}`);
    await until(() => Object.values(caller.store.getState().calls).some((c) => c.status.callStatus === 'talking'));
    for (const id of [...caller.sessions.keys()]) caller.hangup(id);
    await until(() => caller.sessions.size === 0 && callee.sessions.size === 0);
  }
  await sleep(500);
  const heapAfter = heapAfterGc();
  const atEnd = {
    sessions: callee.sessions.size,
    listeners: callee.listenerCount(),
    timers: timers(),
    storeCalls: Object.keys(callee.store.getState().calls).length,
  };
  // sip.js keeps each finished transaction for 32 s (RFC 6026 Timers L and M): wait them out, phones still up.
  await sleep(33_000);
  const heapSettled = heapAfterGc();
  const timersSettled = timers();
  for (const phone of [callee, ...callers]) phone.destroy();
  await Promise.all([callee, ...callers].map((phone) => phone.whenDestroyed()));
  await sleep(200);
  return {
    writesPerSecond: writes / (window / 1000),
    heapBefore,
    heapAfter,
    heapSettled,
    timersSettled,
    atEnd,
    listenersBefore,
    timersBefore,
    timersAfterDestroy: timers(),
  };
}
