import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { startSipServer, type SipServerHandle } from '@webphone/sip-server';
import { createHash } from 'node:crypto';
import { PhoneOperator, type PhoneConfig, type PhoneEventMap, type PhoneState, type ReadonlyStore } from '../../index.js';

/** Password of a test user on the project's Kamailio. */
export const passwordOf = (extension: string): string => `secret${extension}`;

/** HA1 of a test user: MD5(user:realm:password). */
export function ha1Of(extension: string, realm = 'webphone.test'): string {
  return createHash('md5')
    .update(`${extension}:${realm}:${passwordOf(extension)}`)
    .digest('hex');
}

/** A config for a test user against the Kamailio of this test run. */
export function testConfig(extension: string, overrides: Partial<PhoneConfig> = {}): PhoneConfig {
  return {
    server: inject('sipServerUrl'),
    domain: inject('sipDomain'),
    extension,
    password: passwordOf(extension),
    logLevel: 'silent',
    ...overrides,
  };
}

const live = new Set<PhoneOperator>();

/** Creates a phone that `destroyAllPhones()` will clean up. */
export function makePhone(config: PhoneConfig): PhoneOperator {
  const phone = new PhoneOperator(config);
  live.add(phone);
  return phone;
}

/** Destroys every phone made by `makePhone` and waits for their sockets to close. */
export async function destroyAllPhones(): Promise<void> {
  const phones = [...live];
  live.clear();
  for (const phone of phones) phone.destroy();
  await Promise.all(phones.map((phone) => phone.whenDestroyed()));
}

/** Resolves with the arguments of the next `event`, or rejects after `timeoutMs`. */
export function nextEvent<K extends keyof PhoneEventMap>(phone: PhoneOperator, event: K, timeoutMs = 10_000): Promise<PhoneEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      phone.off(event, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for "${String(event)}"`));
    }, timeoutMs);
    const listener = (...args: PhoneEventMap[K]): void => {
      clearTimeout(timer);
      phone.off(event, listener);
      resolve(args);
    };
    phone.on(event, listener);
  });
}

/** Resolves with the state once `predicate` holds, or rejects after `timeoutMs` with the last state. */
export function waitForState(store: ReadonlyStore<PhoneState>, predicate: (state: PhoneState) => boolean, timeoutMs = 10_000): Promise<PhoneState> {
  return new Promise((resolve, reject) => {
    if (predicate(store.getState())) {
      resolve(store.getState());
      return;
    }
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms; last state: ${JSON.stringify(store.getState())}`));
    }, timeoutMs);
    const unsubscribe = store.subscribe((state) => {
      if (!predicate(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(state);
    });
  });
}

/**
 * Starts a Kamailio of its own for the calling test file (for tests that
 * stop or restart it, and so no phone of another file registered with the
 * same extension receives a forked INVITE); destroys every phone after each
 * test and stops the server after the file.
 */
export function useOwnSipServer(): { readonly server: () => SipServerHandle } {
  let server: SipServerHandle | undefined;
  beforeAll(async () => {
    server = await startSipServer({ port: 0, log: 'ignore' });
  });
  afterEach(destroyAllPhones);
  afterAll(async () => {
    await destroyAllPhones();
    await server?.stop();
  });
  return {
    server: () => {
      if (!server) throw new Error('the SIP server is not started');
      return server;
    },
  };
}
