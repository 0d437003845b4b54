import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { useFakeRegistrar } from './support/fake-registrar-phone.js';

const { registrar, makePhone } = useFakeRegistrar();

const ha1 = (user: string): string => createHash('md5').update(`${user}:webphone.test:pw`).digest('hex');
/** The To user of every REGISTER sent so far (an un-REGISTER included). */
const registeredUsers = (): string[] =>
  registrar()
    .requests.filter((request) => request.startsWith('REGISTER '))
    .map((request) => /\r\nTo: <sip:([^@]+)@/.exec(request)?.[1] ?? '?');

describe('reRegister()', () => {
  it('two quick calls: the latest wins, the earlier credential is never sent', async () => {
    const phone = makePhone();
    phone.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(phone.isRegistered).toBe(true);

    expect(phone.reRegister('1002', ha1('1002'))).toBe(phone);
    expect(phone.reRegister('1003', ha1('1003'))).toBe(phone);
    await vi.advanceTimersByTimeAsync(3000);
    const state = phone.store.getState();
    expect(state.identity).toMatchObject({ extension: '1003', authorizationUser: '1003' });
    expect(state.registration).toMatchObject({ status: 'registered', aor: 'sip:1003@webphone.test' });
    // 1001 registers, unregisters, then 1003 registers; 1002 never does.
    expect(registeredUsers()).toEqual(['1001', '1001', '1003']);
  });

  it('a third call while the second is still switching over wins too', async () => {
    const phone = makePhone();
    phone.start();
    await vi.advanceTimersByTimeAsync(10);
    phone.reRegister('1002', ha1('1002'));
    await vi.advanceTimersByTimeAsync(0);
    phone.reRegister('1003', ha1('1003'));
    phone.reRegister('1004', ha1('1004'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(phone.store.getState().registration).toMatchObject({ status: 'registered', aor: 'sip:1004@webphone.test' });
    expect(registeredUsers().at(-1)).toBe('1004');
    expect(phone.store.getState().identity.extension).toBe('1004');
  });

  it('disconnect() right after it cancels the new registration (the later call wins)', async () => {
    const phone = makePhone();
    phone.start();
    await vi.advanceTimersByTimeAsync(10);
    phone.reRegister('1002', ha1('1002'));
    phone.disconnect();
    await vi.advanceTimersByTimeAsync(3000);
    expect(phone.store.getState()).toMatchObject({ transport: 'idle', isRegistered: false, identity: { extension: '1002' } });
    expect(registeredUsers()).toEqual(['1001', '1001']);
    // start() later registers with the new credential.
    phone.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(phone.store.getState().registration).toMatchObject({ status: 'registered', aor: 'sip:1002@webphone.test' });
  });
});
