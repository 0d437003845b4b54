import { afterEach, beforeEach, vi } from 'vitest';
import { PhoneOperator, type PhoneConfig } from '../../index.js';
import { createFakeRegistrar, type FakeRegistrar } from './fake-registrar-websocket.js';

/** What {@link useFakeRegistrar} gives the tests of a file. */
export interface FakeRegistrarHarness {
  /** The in-memory registrar of the running test. */
  registrar(): FakeRegistrar;
  /** A phone (not started) for 1001 on that registrar; destroyed after the test. */
  makePhone(extra?: Partial<PhoneConfig>): PhoneOperator;
  /** The phone `makePhone` made last, if any. */
  phone(): PhoneOperator | undefined;
}

/**
 * Each test of the calling file gets a fresh in-memory registrar as the
 * global WebSocket, and fake timers (with `Date`), so simulated minutes pass
 * at once; its phone is destroyed and every timer run out after the test.
 */
export function useFakeRegistrar(): FakeRegistrarHarness {
  let registrar: FakeRegistrar | undefined;
  let phone: PhoneOperator | undefined;
  beforeEach(() => {
    const fake = createFakeRegistrar();
    registrar = fake.registrar;
    vi.stubGlobal('WebSocket', fake.WebSocket);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(async () => {
    phone?.destroy();
    await vi.runAllTimersAsync();
    await phone?.whenDestroyed();
    phone = undefined;
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
  return {
    registrar: () => {
      if (!registrar) throw new Error('no registrar outside a test');
      return registrar;
    },
    makePhone: (extra = {}) =>
      (phone = new PhoneOperator({ server: 'ws://127.0.0.1:1', domain: 'webphone.test', extension: '1001', password: 'pw', logLevel: 'silent', ...extra })),
    phone: () => phone,
  };
}
