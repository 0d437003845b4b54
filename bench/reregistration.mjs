// @ts-check
/**
 * Many phones and one server restart: `count` PhoneOperators in this Node
 * process register with one local Kamailio, Kamailio is restarted, and we
 * measure how long until every phone is registered again and the highest
 * number of REGISTER requests Kamailio received in any one second (its own
 * `core:rcv_requests_register` counter, sampled every 100 ms; a
 * registration is two REGISTERs: the 401 challenge and the answer to it).
 * The reconnect backoff's jitter is what spreads the phones out.
 */
import { performance } from 'node:perf_hooks';
import { PhoneOperator } from '@webphone/core';
import { startSipServer } from '@webphone/sip-server';

const SAMPLE_MS = 100;

/**
 * @typedef {object} ReregistrationResult
 * @property {number} count phones
 * @property {number} firstRegistrationMs all registered after start(), from the first start()
 * @property {number} downMs Kamailio's restart (stop and start) took this long
 * @property {number} allBackMs from the restart's beginning until every phone was registered again
 * @property {number} afterServerUpMs from the server answering again until every phone was registered again
 * @property {number} peakRegistersPerSecond most REGISTERs Kamailio received within one second after the restart
 * @property {number} registersAfterRestart REGISTERs Kamailio received after the restart, in all
 * @property {number} bindings registrar bindings at the end (one per phone expected)
 */

/** @param {import('@webphone/sip-server').SipServerHandle} server */
async function registerCount(server) {
  const lines = /** @type {string[]} */ (await server.rpc('stats.get_statistics', 'core:'));
  const line = lines.find((entry) => entry.startsWith('core:rcv_requests_register '));
  return Number(line?.split('=')[1] ?? NaN);
}

/**
 * @param {number} count
 * @returns {Promise<ReregistrationResult>}
 */
export async function reregistrationAfterRestart(count) {
  const server = await startSipServer({ port: 0, log: 'ignore', userCount: count, wsPings: false });
  /** @type {PhoneOperator[]} */
  const phones = [];
  try {
    for (let i = 0; i < count; i++) {
      const extension = String(1001 + i);
      phones.push(new PhoneOperator({ server: server.url, domain: server.domain, extension, password: `secret${extension}`, logLevel: 'silent' }));
    }
    const allRegistered = () => phones.every((phone) => phone.isRegistered);
    const whenAll = () =>
      new Promise((resolve) => {
        const check = () => {
          if (!allRegistered()) return;
          for (const phone of phones) phone.off('registered', check);
          resolve(performance.now());
        };
        for (const phone of phones) phone.on('registered', check);
        check();
      });

    let started = performance.now();
    const first = whenAll();
    for (const phone of phones) phone.start();
    const firstRegistrationMs = /** @type {number} */ (await first) - started;

    // Every phone must notice the loss before we count it "back".
    const lost = Promise.all(phones.map((phone) => new Promise((resolve) => phone.once('disconnected', () => resolve(undefined)))));
    started = performance.now();
    await server.restart();
    const upAt = performance.now();
    await lost;
    const back = whenAll();

    // Counter samples since the restart (the new process counts from 0), with their times.
    /** @type {Array<{ at: number; registers: number }>} */
    const samples = [{ at: upAt, registers: 0 }];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const registers = await registerCount(server);
        samples.push({ at: performance.now(), registers });
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
    })();
    const backAt = /** @type {number} */ (await back);
    await new Promise((resolve) => setTimeout(resolve, 3 * SAMPLE_MS));
    sampling = false;
    await sampler;

    // Most REGISTERs between two samples at least a second apart, over the shortest such span: at worst
    // slightly more than one second's worth, never less.
    let peak = 0;
    for (const sample of samples) {
      const start = samples.findLast((earlier) => earlier.at <= sample.at - 1000) ?? samples[0];
      peak = Math.max(peak, sample.registers - start.registers);
    }
    return {
      count,
      firstRegistrationMs,
      downMs: upAt - started,
      allBackMs: backAt - started,
      afterServerUpMs: backAt - upAt,
      peakRegistersPerSecond: peak,
      registersAfterRestart: samples.at(-1)?.registers ?? 0,
      bindings: (await server.bindings()).length,
    };
  } finally {
    for (const phone of phones) phone.destroy();
    await Promise.all(phones.map((phone) => phone.whenDestroyed()));
    await server.stop();
  }
}
