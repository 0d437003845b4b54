// @ts-check
/**
 * A half-open connection with the default settings: a webphone phone and a
 * raw sip.js user agent (its defaults: no keep-alive, no reconnection) each
 * reach the local Kamailio (its WebSocket pings off) through a fault proxy.
 * Both proxies blackhole their connection at the same moment; we measure
 * when each notices, then let traffic pass and measure how long webphone
 * takes to be registered again.
 */
import { performance } from 'node:perf_hooks';
import { Registerer, RegistererState, UserAgent } from 'sip.js';
import { PhoneOperator } from '@webphone/core';
import { startFaultProxy } from '@webphone/fault-proxy';
import { startSipServer } from '@webphone/sip-server';
import { rawUserAgentOptions } from './raw-sip.mjs';

/**
 * @typedef {object} DeadConnectionResult
 * @property {number} detectedMs webphone: blackhole → `disconnected`
 * @property {number} reregisteredMs webphone: traffic passes again (right after the detection) → `registered`
 * @property {number | null} rawDetectedMs raw sip.js: blackhole → transport disconnected, or null when it never noticed
 * @property {number} watchedMs how long raw sip.js was watched
 */

/** @returns {Promise<DeadConnectionResult>} */
export async function deadConnection() {
  const server = await startSipServer({ port: 0, log: 'ignore', wsPings: false });
  const ours = await startFaultProxy({ target: { port: server.port } });
  const theirs = await startFaultProxy({ target: { port: server.port } });
  const phone = new PhoneOperator({ server: ours.url(), domain: server.domain, extension: '1001', password: 'secret1001', logLevel: 'silent' });
  const userAgent = new UserAgent(rawUserAgentOptions({ url: theirs.url(), domain: server.domain }, '1002'));
  try {
    const registered = new Promise((resolve) => phone.once('registered', () => resolve(undefined)));
    phone.start();
    await registered;
    const registerer = new Registerer(userAgent, { expires: 600 });
    await userAgent.start();
    await new Promise((resolve) => {
      registerer.stateChange.addListener((state) => state === RegistererState.Registered && resolve(undefined));
      void registerer.register();
    });

    /** @type {number | null} */
    let rawDetectedAt = null;
    userAgent.transport.stateChange.addListener((state) => {
      if (state !== 'Connected' && rawDetectedAt === null) rawDetectedAt = performance.now();
    });
    const lost = new Promise((resolve) => phone.once('disconnected', () => resolve(performance.now())));
    const blackholedAt = performance.now();
    ours.blackhole();
    theirs.blackhole();
    const detectedAt = /** @type {number} */ (await lost);
    const back = new Promise((resolve) => phone.once('registered', () => resolve(performance.now())));
    ours.restore();
    const reregisteredAt = /** @type {number} */ (await back);
    // Give raw sip.js what webphone needed and 10 s more.
    const watchUntil = detectedAt + 10_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, watchUntil - performance.now())));
    return {
      detectedMs: detectedAt - blackholedAt,
      reregisteredMs: reregisteredAt - detectedAt,
      rawDetectedMs: rawDetectedAt === null ? null : rawDetectedAt - blackholedAt,
      watchedMs: performance.now() - blackholedAt,
    };
  } finally {
    // Proxies first: closing the blackholed connection spares raw sip.js a 32 s un-REGISTER into the void.
    await ours.close();
    await theirs.close();
    phone.destroy();
    await phone.whenDestroyed();
    await userAgent.stop().catch(() => undefined);
    await server.stop();
  }
}
