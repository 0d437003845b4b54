import { afterEach, describe, expect, it } from 'vitest';
import { ResultCode } from '../index.js';
import { destroyAllPhones, ha1Of, makePhone, nextEvent, testConfig, waitForState } from './support/phone-harness.js';

afterEach(destroyAllPhones);

describe('registration against the real Kamailio', () => {
  it('registers with a password, store first, then events', async () => {
    const phone = makePhone(testConfig('1001'));
    const seen: string[] = [];
    phone.on('connected', () => seen.push(`connected:${phone.store.getState().transport}`));
    phone.on('registered', () => seen.push(`registered:${phone.store.getState().registration.status}`));
    phone.on('isRegisteredChange', (value) => seen.push(`isRegisteredChange:${value}:${phone.isRegistered}`));
    const registered = nextEvent(phone, 'registered');
    phone.start();
    await registered;

    const state = phone.store.getState();
    expect(state.transport).toBe('connected');
    expect(state.isRegistered).toBe(true);
    expect(state.registration).toMatchObject({ status: 'registered', aor: 'sip:1001@webphone.test' });
    if (state.registration.status !== 'registered') throw new Error('unreachable');
    expect(state.registration.expiresAt).toBeGreaterThan(Date.now() + 60_000);
    expect(seen).toEqual(['connected:connected', 'registered:registered', 'isRegisteredChange:true:true']);
  });

  it('registers with an HA1 only', async () => {
    const { password: _password, ...withoutPassword } = testConfig('1003');
    const phone = makePhone({ ...withoutPassword, ha1: ha1Of('1003') });
    const registered = nextEvent(phone, 'registered');
    phone.start();
    await registered;
    expect(phone.isRegistered).toBe(true);
  });

  it('reports a wrong password as REGISTRY_FAILED, in the event and in the store', async () => {
    const phone = makePhone(testConfig('1004', { password: 'not-the-password' }));
    const failed = nextEvent(phone, 'registrationFailed');
    phone.start();
    const [error] = await failed;
    expect(error.code).toBe(ResultCode.REGISTRY_FAILED);
    const state = phone.store.getState();
    expect(state.isRegistered).toBe(false);
    expect(state.registration.status).toBe('failed');
    expect(state.lastError).toEqual(error);
    if (state.registration.status === 'failed') expect([401, 403]).toContain(state.registration.statusCode);
  });

  it('reRegister switches from 1001 to 1002 with an HA1', async () => {
    const phone = makePhone(testConfig('1005'));
    const first = nextEvent(phone, 'registered');
    phone.start();
    await first;
    expect(phone.store.getState().identity.extension).toBe('1005');

    const second = nextEvent(phone, 'registered');
    expect(phone.reRegister('1006', ha1Of('1006'))).toBe(phone);
    await second;
    const state = phone.store.getState();
    expect(state.identity).toMatchObject({ extension: '1006', authorizationUser: '1006' });
    expect(state.registration).toMatchObject({ status: 'registered', aor: 'sip:1006@webphone.test' });
  });

  it('reRegister refuses a malformed HA1 and keeps the registration', async () => {
    const phone = makePhone(testConfig('1007'));
    const registered = nextEvent(phone, 'registered');
    phone.start();
    await registered;
    const outcome = phone.reRegister('1002', 'not-hex');
    expect(outcome).toMatchObject({ code: ResultCode.REGISTRY_FAILED });
    expect(phone.reRegister('10\r\n02', ha1Of('1002'))).toMatchObject({ code: ResultCode.REGISTRY_FAILED });
    expect(phone.isRegistered).toBe(true);
  });

  it('disconnect() unregisters and closes; start() registers again', async () => {
    const phone = makePhone(testConfig('1008'));
    const registered = nextEvent(phone, 'registered');
    phone.start();
    await registered;
    const disconnected = nextEvent(phone, 'disconnected');
    expect(phone.disconnect()).toBe(true);
    await disconnected;
    expect(phone.store.getState()).toMatchObject({ transport: 'idle', isRegistered: false });
    expect(phone.disconnect()).toBe(false);

    const again = nextEvent(phone, 'registered');
    phone.start();
    await again;
    await waitForState(phone.store, (s) => s.isRegistered);
  });
});
