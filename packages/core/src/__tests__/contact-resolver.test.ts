import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneLogger } from '../logger.js';
import { ScriptedPhone } from '../testing/index.js';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

const quietLogger = (): PhoneLogger => ({ debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined });

/** A phone whose `resolveContact` is `lookup`, and the status of an incoming call from 1002 once the lookup settled. */
async function lookedUp(lookup: (number: string) => unknown) {
  const logger = quietLogger();
  const phone = new ScriptedPhone({ registered: true, logger, logLevel: 'debug', resolveContact: lookup as never });
  const callId = phone.simulateIncoming({ number: '1002', name: 'From the wire' });
  await settle();
  return { phone, callId, logger, status: phone.store.getState().calls[callId]!.status };
}

describe('resolveContact', () => {
  it('cleans what it returns as names from the wire are cleaned: controls and bidi overrides, ends, 128 characters', async () => {
    const { status } = await lookedUp(async () => ({
      name: ` Ada\r\nLovelace\u202e${'x'.repeat(500)} `,
      company: '\u0007ACME\u2066 Ltd ',
      avatar: ' https://example.com/ada.png ',
    }));
    expect(status.name).toBe(`Ada  Lovelace ${'x'.repeat(114)}`);
    expect(status.name).toHaveLength(128);
    expect(status.company).toBe('ACME  Ltd');
    expect(status.avatar).toBe('https://example.com/ada.png');
  });

  it('drops an avatar URL that is too long or holds control characters (a cut URL points nowhere)', async () => {
    const small = `data:image/png;base64,${'A'.repeat(4000)}`;
    expect((await lookedUp(async () => ({ avatar: small }))).status.avatar).toBe(small);
    expect((await lookedUp(async () => ({ avatar: `data:image/png;base64,${'A'.repeat(9000)}` }))).status.avatar).toBe('');
    expect((await lookedUp(async () => ({ avatar: 'https://example.com/a\n.png' }))).status.avatar).toBe('');
  });

  it('a resolver that throws, rejects with anything, or returns something hostile is logged and changes nothing', async () => {
    const hostile = [
      () => {
        throw new Error('directory down');
      },
      () => Promise.reject(Object.create(null)),
      () =>
        Promise.reject({
          toString: () => {
            throw new Error('no text');
          },
        }),
      async () => ({
        get name(): string {
          throw new Error('getter');
        },
      }),
      async () => null,
      async () => 'Ada',
    ];
    for (const lookup of hostile) {
      const { status } = await lookedUp(lookup);
      expect(status).toMatchObject({ name: 'From the wire', avatar: '', company: '' });
    }
    expect(unhandled).toEqual([]);
  });

  it('a slow resolver that answers after the call ended changes nothing', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const { phone, callId } = await lookedUp(() => new Promise((resolve) => (answer = resolve)));
    const changes = vi.fn();
    phone.getSession(callId)!.on('staticStatusChange', changes);
    phone.hangup(callId);
    answer({ name: 'Too late' });
    await settle();
    expect(phone.store.getState().calls[callId]).toBeUndefined();
    expect(changes).not.toHaveBeenCalled();
    expect(unhandled).toEqual([]);
  });

  it('setSessionStaticStatus and session.setStatus keep the same limits', async () => {
    const { phone, callId } = await lookedUp(async () => ({}));
    phone.setSessionStaticStatus(callId, { name: `Boss\n${'y'.repeat(300)}` }, true);
    expect(phone.store.getState().calls[callId]!.status.name).toHaveLength(128);
    phone.getSession(callId)!.setStatus({ company: '\u202eEvil' });
    expect(phone.store.getState().calls[callId]!.status.company).toBe('Evil');
  });
});
