// @ts-check
/**
 * Registration timing: `phone.start()` → `registered` against a raw sip.js
 * UserAgent + Registerer doing the same REGISTER (with its 401 challenge)
 * through the same local Kamailio.
 */
import { performance } from 'node:perf_hooks';
import { Registerer, RegistererState, UserAgent } from 'sip.js';
import { PhoneOperator } from '@webphone/core';
import { rawUserAgentOptions } from './raw-sip.mjs';

/** @param {{ url: string; domain: string }} server @param {string} extension */
export async function registerWithWebphone(server, extension) {
  const phone = new PhoneOperator({ server: server.url, domain: server.domain, extension, password: `secret${extension}`, logLevel: 'silent' });
  const started = performance.now();
  const registered = new Promise((resolve, reject) => {
    phone.once('registered', () => resolve(undefined));
    phone.once('registrationFailed', (error) => reject(new Error(error.message)));
  });
  phone.start();
  await registered;
  const elapsed = performance.now() - started;
  phone.destroy();
  await phone.whenDestroyed();
  return elapsed;
}

/** @param {{ url: string; domain: string }} server @param {string} extension */
export async function registerWithSipJs(server, extension) {
  const userAgent = new UserAgent(rawUserAgentOptions(server, extension));
  const registerer = new Registerer(userAgent, { expires: 600 });
  const started = performance.now();
  const registered = new Promise((resolve) => {
    registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) resolve(undefined);
    });
  });
  await userAgent.start();
  await registerer.register();
  await registered;
  const elapsed = performance.now() - started;
  await registerer.unregister().catch(() => undefined);
  await new Promise((resolve) => registerer.stateChange.addListener((s) => s === RegistererState.Unregistered && resolve(undefined)));
  await userAgent.stop();
  return elapsed;
}
