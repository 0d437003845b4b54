import { describe, expect, it, vi } from 'vitest';
import { PhoneConfigError, PhoneOperator } from '../index.js';
import { useFakeRegistrar } from './support/fake-registrar-phone.js';

const { registrar, makePhone } = useFakeRegistrar();

describe('an IPv6 server', () => {
  it('without a domain registers as user@[address] (RFC 3261 §19.1.1 brackets), and start() does not throw', async () => {
    const phone = makePhone({ server: 'ws://[::1]:5066/ws', domain: undefined });
    expect(phone.store.getState().identity.domain).toBe('[::1]');
    expect(() => phone.start()).not.toThrow();
    await vi.advanceTimersByTimeAsync(10);
    expect(phone.isRegistered).toBe(true);
    const register = registrar().requests.find((request) => request.startsWith('REGISTER '))!;
    expect(register).toMatch(/^REGISTER sip:\[::1\] SIP\/2\.0\r\n/);
    expect(register).toMatch(/\r\nTo: <sip:1001@\[::1\]>/);
    // A number without a host is dialled at the same bracketed domain.
    expect(phone.store.getState().registration).toMatchObject({ aor: 'sip:1001@[::1]' });
  });

  it('a domain given as a bare IPv6 address is refused in the constructor, naming the bracketed form', () => {
    let thrown: unknown;
    try {
      new PhoneOperator({ server: 'wss://pbx.example.com/ws', domain: '2001:db8::1', extension: '1001', password: 'pw', logLevel: 'silent' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PhoneConfigError);
    expect(thrown).toMatchObject({ field: 'domain' });
    expect((thrown as Error).message).toContain('[2001:db8::1]');
  });

  it('accepts a bracketed IPv6 domain', () => {
    const phone = new PhoneOperator({ server: 'wss://pbx.example.com/ws', domain: '[2001:DB8::1]', extension: '1001', password: 'pw', logLevel: 'silent' });
    expect(phone.store.getState().identity.domain).toBe('[2001:DB8::1]');
    phone.destroy();
  });
});
