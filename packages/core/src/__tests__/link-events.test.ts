import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolvePhoneConfig, type PhoneConfig } from '../config.js';
import { initialPhoneState } from '../initial-state.js';
import type { LinkEventMap } from '../link-events.js';
import { RedactingLogger } from '../logger.js';
import type { PhoneContext } from '../phone-context.js';
import type { PhoneState } from '../phone-state.js';
import { createOwnedStore } from '../readonly-store.js';
import { RegistrationController } from '../registration-controller.js';
import { createFakeRegistrar, type FakeRegistrar } from './support/fake-registrar-websocket.js';

// The internal hook the call layer uses for in-call recovery (`link`), and the
// browser's `online` event, over the in-memory registrar with fake timers. The
// `online` event is dispatched on a stand-in for `window`.

let registrar: FakeRegistrar;
let windowEvents: EventTarget;
let controller: RegistrationController | undefined;

beforeEach(() => {
  const fake = createFakeRegistrar();
  registrar = fake.registrar;
  vi.stubGlobal('WebSocket', fake.WebSocket);
  windowEvents = new EventTarget();
  vi.stubGlobal('addEventListener', windowEvents.addEventListener.bind(windowEvents));
  vi.stubGlobal('removeEventListener', windowEvents.removeEventListener.bind(windowEvents));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(async () => {
  const destroyed = controller?.destroy();
  await vi.runAllTimersAsync();
  await destroyed;
  controller = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A started controller with a store and an event log (phone events and link events, in order). */
async function startedController(extra: Partial<PhoneConfig> = {}) {
  const config = resolvePhoneConfig({ server: 'ws://127.0.0.1:1', domain: 'webphone.test', extension: '1001', password: 'pw', logLevel: 'silent', ...extra });
  const owned = createOwnedStore<PhoneState>(initialPhoneState(config.identity, config.recordPermissions, config.deviceIds, config.server));
  const log: string[] = [];
  const ctx: PhoneContext = {
    config,
    logger: new RedactingLogger(config.logger, config.logLevel),
    getState: owned.store.getState,
    setState: owned.setState,
    emit: (event: string, ..._args: unknown[]) => void log.push(event),
    now: () => Date.now(),
  };
  const reg = (controller = new RegistrationController(ctx, config.credential, {}));
  const link: Array<{ event: keyof LinkEventMap; outage: LinkEventMap[keyof LinkEventMap][0] }> = [];
  reg.link.on('lost', (outage) => {
    log.push('link:lost');
    link.push({ event: 'lost', outage });
  });
  reg.link.on('recovered', (outage) => {
    // The call layer may rely on this: the store already shows the phone registered.
    log.push(`link:recovered:${owned.store.getState().registration.status}`);
    link.push({ event: 'recovered', outage });
  });
  reg.start();
  await vi.advanceTimersByTimeAsync(10);
  expect(owned.store.getState().isRegistered).toBe(true);
  return { reg, log, link, store: owned.store };
}

describe('link events for the call layer', () => {
  it('says nothing for the first registration or a refresh', async () => {
    registrar.grantedExpires = 60;
    const { log } = await startedController({ registerExpires: 60 });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(log.filter((entry) => entry.startsWith('link:'))).toEqual([]);
    expect(registrar.requests.filter((request) => request.startsWith('REGISTER ')).length).toBeGreaterThanOrEqual(3);
  });

  it('reports one loss per outage and the recovery once registered again, after the registered event', async () => {
    const { log, link } = await startedController({ reconnect: { initialDelayMs: 1000, maxDelayMs: 1000 } });
    const lostAt = Date.now();
    registrar.accepting = false;
    registrar.dropAll();
    await vi.advanceTimersByTimeAsync(5_000); // several failed attempts: still one outage
    expect(link.map((entry) => entry.event)).toEqual(['lost']);
    expect(link[0].outage).toMatchObject({ lostAt, reason: expect.stringContaining('1006'), networkChanged: false });

    registrar.accepting = true;
    await vi.advanceTimersByTimeAsync(1_500);
    expect(link.map((entry) => entry.event)).toEqual(['lost', 'recovered']);
    const recovered = link[1].outage as LinkEventMap['recovered'][0];
    expect(recovered).toMatchObject({ lostAt, networkChanged: false });
    expect(recovered.recoveredAt).toBeGreaterThan(lostAt);
    // Store and public events first, then the hook.
    expect(log.slice(-3)).toEqual(['registered', 'isRegisteredChange', 'link:recovered:registered']);
  });

  it('names the keep-alive as the reason when the phone found the connection dead', async () => {
    const { link } = await startedController({ keepAlive: { intervalMs: 1000, timeoutMs: 500 }, reconnect: { initialDelayMs: 100, maxDelayMs: 100 } });
    registrar.blackhole = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(link[0]).toMatchObject({ event: 'lost', outage: { reason: 'no answer to a keep-alive within 500 ms' } });
    registrar.blackhole = false;
    await vi.advanceTimersByTimeAsync(6_000);
    expect(link.map((entry) => entry.event)).toEqual(['lost', 'recovered']);
  });

  it('marks an outage during which the browser came back online as a possible network change', async () => {
    const { link } = await startedController({ reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    registrar.dropAll();
    await vi.advanceTimersByTimeAsync(0);
    windowEvents.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(ONLINE_WAIT);
    expect(link.map((entry) => entry.event)).toEqual(['lost', 'recovered']);
    expect(link[1].outage).toMatchObject({ networkChanged: true });
  });

  it('also when online came first and the check it started found the connection dead', async () => {
    const { link } = await startedController({ keepAlive: { intervalMs: 60_000, timeoutMs: 500 }, reconnect: { initialDelayMs: 100, maxDelayMs: 100 } });
    registrar.blackhole = true;
    windowEvents.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(link[0]).toMatchObject({ event: 'lost', outage: { networkChanged: true } });
    registrar.blackhole = false;
    await vi.advanceTimersByTimeAsync(6_000);
    expect(link.map((entry) => entry.event)).toEqual(['lost', 'recovered']);
    // The next loss, after a registration with no online event since, is not a network change.
    registrar.dropAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(link[2]).toMatchObject({ event: 'lost', outage: { networkChanged: false } });
  });
});

/** Longest delay before the retry that the `online` event brings forward. */
const ONLINE_WAIT = 2_000 + 10;

describe("the browser's online event", () => {
  it('retries after a short random delay instead of at once or after the backoff', async () => {
    const { store } = await startedController({ reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.9);
    registrar.dropAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().reconnect.nextAttemptAt! - Date.now()).toBe(54_000);
    const sockets = registrar.sockets.length;

    random.mockReturnValue(0.5);
    windowEvents.dispatchEvent(new Event('online'));
    expect(store.getState().reconnect).toMatchObject({ attempt: 1, nextAttemptAt: Date.now() + 1000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(registrar.sockets.length).toBe(sockets);
    await vi.advanceTimersByTimeAsync(20);
    expect(registrar.sockets.length).toBe(sockets + 1);
    expect(store.getState()).toMatchObject({ isRegistered: true, reconnect: { attempt: 0 } });
  });

  it('never postpones an attempt that is due sooner', async () => {
    const { store } = await startedController({ reconnect: { initialDelayMs: 200, maxDelayMs: 200 } });
    registrar.accepting = false;
    registrar.dropAll();
    await vi.advanceTimersByTimeAsync(0);
    const due = store.getState().reconnect.nextAttemptAt;
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    windowEvents.dispatchEvent(new Event('online'));
    expect(store.getState().reconnect.nextAttemptAt).toBe(due);
  });

  it('checks a connection it believes alive at once: a dead one is found within the keep-alive timeout', async () => {
    const { store } = await startedController({ keepAlive: { intervalMs: 60_000, timeoutMs: 1_000 } });
    const pings = registrar.pings.length;
    windowEvents.dispatchEvent(new Event('online'));
    expect(registrar.pings.length).toBe(pings + 1);
    await vi.advanceTimersByTimeAsync(10);
    expect(store.getState().transport).toBe('connected');

    registrar.blackhole = true;
    windowEvents.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(1_010);
    expect(store.getState().transport).not.toBe('connected');
  });

  it('is not listened to once stopped', async () => {
    const { reg } = await startedController();
    await reg.destroy();
    const sockets = registrar.sockets.length;
    windowEvents.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(registrar.sockets.length).toBe(sockets);
  });
});
