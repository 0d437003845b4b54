import { describe, expect, it, vi } from 'vitest';
import { ScriptedPhone } from '../testing/index.js';
import { useFakeRegistrar } from './support/fake-registrar-phone.js';

// What React DevTools, `console.log(phone)` or an app walking the phone can
// reach: every own property (enumerable or not, symbols too) and every getter
// of every object reachable from the phone, as a debugger expanding the
// object tree would show them. Credentials live only in `#private` fields.

const { makePhone } = useFakeRegistrar();

/** Every string reachable from `root` through properties, getters, Map and Set entries. */
function reachableStrings(root: unknown): string[] {
  const strings: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [root];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if ((typeof value === 'object' || typeof value === 'function') && value !== null && !seen.has(value)) {
      seen.add(value);
      queue.push(value);
    }
  };
  while (queue.length > 0) {
    const object = queue.shift() as object;
    if (object instanceof Map) for (const [key, value] of object) [key, value].forEach(visit);
    if (object instanceof Set) for (const value of object) visit(value);
    for (let level: object | null = object; level && level !== Object.prototype && level !== Function.prototype; level = Object.getPrototypeOf(level)) {
      for (const key of Reflect.ownKeys(level)) {
        const descriptor = Object.getOwnPropertyDescriptor(level, key);
        if (!descriptor) continue;
        if ('value' in descriptor) visit(descriptor.value);
        else if (descriptor.get) {
          try {
            visit(descriptor.get.call(object));
          } catch {
            // a getter that throws on this object shows nothing
          }
        }
      }
    }
  }
  return strings;
}

describe('credentials are not reachable from the phone', () => {
  it('a registered PhoneOperator shows neither its password nor anything containing it', async () => {
    const password = 'pw-Very-Secret-4711';
    const phone = makePhone({ password });
    phone.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(phone.isRegistered).toBe(true);
    const strings = reachableStrings([phone, phone.store.getState()]);
    expect(strings.filter((text) => text.includes(password))).toEqual([]);
    // The walk would find it if it were there: the store holds the extension.
    expect(strings).toContain('1001');
  });

  it('nor after reRegister with an HA1', async () => {
    const ha1 = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    const phone = makePhone();
    phone.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(phone.reRegister('1001', ha1)).toBe(phone);
    await vi.advanceTimersByTimeAsync(10);
    const strings = reachableStrings([phone, phone.store.getState()]);
    expect(strings.filter((text) => text.includes(ha1))).toEqual([]);
    expect(strings).toContain('1001');
  });

  it('nor from a session (its phone is private to it)', () => {
    const phone = new ScriptedPhone({ registered: true });
    const session = phone.getSession(phone.simulateIncoming({ number: '1002' }));
    const strings = reachableStrings(session);
    expect(strings).toContain('1002');
    // The scripted phone's own config carries the password "scripted"; no path from the session leads to it.
    expect(strings).not.toContain('scripted');
  });
});
