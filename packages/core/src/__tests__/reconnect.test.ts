import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SipServerHandle } from '@webphone/sip-server';
import { ResultCode } from '../index.js';
import { webSocketOpens } from './support/node-websocket.js';
import { makePhone, nextEvent, testConfig, useOwnSipServer, waitForState } from './support/phone-harness.js';

/** This file kills and restarts its own Kamailio, so it does not share the run's server. */
const own = useOwnSipServer();
let server: SipServerHandle;
beforeEach(() => {
  server = own.server();
});
afterEach(async () => {
  // Bring the server back for the next test (the harness destroys the phones).
  await server.restart();
});

const activeTimers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('recovery when the SIP server goes away', () => {
  it('shows backoff attempts in the store, then registers again once the server is back, without duplicates', async () => {
    const phone = makePhone(testConfig('1001', { server: server.url, reconnect: { initialDelayMs: 100, maxDelayMs: 400 } }));
    let registeredCount = 0;
    phone.on('registered', () => registeredCount++);
    const registered = nextEvent(phone, 'registered');
    phone.start();
    await registered;
    const listenersBefore = phone.listenerCount();
    const timersBefore = activeTimers();

    const disconnected = nextEvent(phone, 'disconnected');
    await server.stop();
    await disconnected;
    expect(phone.store.getState()).toMatchObject({ transport: expect.stringMatching(/disconnected|connecting/), isRegistered: false });

    const retrying = await waitForState(phone.store, (s) => s.reconnect.attempt >= 3, 10_000);
    expect(retrying.reconnect.exhausted).toBe(false);
    expect(retrying.registration.status).toBe('unregistered');

    const again = nextEvent(phone, 'registered', 15_000);
    await server.restart();
    await again;
    const state = phone.store.getState();
    expect(state).toMatchObject({ transport: 'connected', isRegistered: true });
    expect(state.reconnect).toEqual({ attempt: 0, nextAttemptAt: null, exhausted: false });
    expect(registeredCount).toBe(2);
    expect(phone.listenerCount()).toBe(listenersBefore);
    // Transaction timers of the first REGISTER may still run at the first count; never more after.
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
  });

  it('gives up with RE_REGISTRY_MAX_LIMIT_TIMES after exactly reRegistryPhoneTimes attempts', async () => {
    const phone = makePhone(testConfig('1002', { server: server.url, reRegistryPhoneTimes: 2, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } }));
    const registered = nextEvent(phone, 'registered');
    phone.start();
    await registered;

    const failed = nextEvent(phone, 'registrationFailed', 10_000);
    const opensBeforeLoss = webSocketOpens.count;
    await server.stop();
    const [error] = await failed;

    expect(error.code).toBe(ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES);
    expect(webSocketOpens.count - opensBeforeLoss).toBe(2);
    const state = phone.store.getState();
    expect(state.reconnect).toEqual({ attempt: 2, nextAttemptAt: null, exhausted: true });
    expect(state.registration).toMatchObject({ status: 'failed', error: { code: -204 } });
    expect(state.lastError?.code).toBe(-204);

    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(webSocketOpens.count - opensBeforeLoss).toBe(2);
  });

  it('counts the first connection separately when the server is down from the start', async () => {
    await server.stop();
    const phone = makePhone(testConfig('1003', { server: server.url, reRegistryPhoneTimes: 1, reconnect: { initialDelayMs: 50, maxDelayMs: 100 } }));
    const opensBefore = webSocketOpens.count;
    const failed = nextEvent(phone, 'registrationFailed', 10_000);
    phone.start();
    const [error] = await failed;
    expect(error.code).toBe(ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES);
    expect(webSocketOpens.count - opensBefore).toBe(2);
  });

  it('start() after giving up tries again from zero', async () => {
    await server.stop();
    const phone = makePhone(testConfig('1004', { server: server.url, reRegistryPhoneTimes: 0, reconnect: { initialDelayMs: 50, maxDelayMs: 100 } }));
    const failed = nextEvent(phone, 'registrationFailed', 10_000);
    phone.start();
    await failed;
    await server.restart();
    phone.disconnect();
    await waitForState(phone.store, (s) => s.transport === 'idle');
    const registered = nextEvent(phone, 'registered');
    phone.start();
    await registered;
    expect(phone.store.getState().reconnect).toEqual({ attempt: 0, nextAttemptAt: null, exhausted: false });
  });
});
