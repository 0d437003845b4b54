// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { makePhone, nextEvent, testConfig, useOwnSipServer } from './support/phone-harness.js';

/** The test stops and restarts this file's server. */
const own = useOwnSipServer();

describe("the browser's online event", () => {
  it('retries after a short random delay instead of waiting out the backoff, and destroy() removes the listener', async () => {
    const server = own.server();
    const removeSpy = vi.spyOn(window, 'removeEventListener');
    // A backoff this long would fail the test's timeout if the online event were ignored.
    const phone = makePhone(testConfig('1007', { server: server.url, reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 } }));
    const registered = nextEvent(phone, 'registered');
    phone.start();
    await registered;

    const disconnected = nextEvent(phone, 'disconnected');
    await server.stop();
    await disconnected;
    await expect.poll(() => phone.store.getState().reconnect.nextAttemptAt).not.toBeNull();
    await server.restart();

    const again = nextEvent(phone, 'registered', 5_000);
    window.dispatchEvent(new Event('online'));
    await again;
    expect(phone.store.getState().reconnect.attempt).toBe(0);

    phone.destroy();
    await phone.whenDestroyed();
    expect(removeSpy.mock.calls.some(([type]) => type === 'online')).toBe(true);
  });
});
