import { describe, expect, it } from 'vitest';
import { PhoneConfigError, PhoneOperator, type PhoneConfig } from '../index.js';

const valid: PhoneConfig = { server: 'wss://pbx.example.com:8089/ws', extension: '1001', password: 'pw', logLevel: 'silent' };

describe('config validation', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['missing server', { server: undefined }, 'server'],
    ['empty server', { server: '' }, 'server'],
    ['non-URL server', { server: 'pbx.example.com' }, 'server'],
    ['http URL', { server: 'https://pbx.example.com/ws' }, 'server'],
    ['sip URI', { server: 'sip:pbx.example.com' }, 'server'],
    ['ws:// to a remote host', { server: 'ws://pbx.example.com:5066' }, 'server'],
    ['credentials in the URL', { server: 'wss://u:p@pbx.example.com/ws' }, 'server'],
    ['an empty server list', { server: [] }, 'server'],
    ['nine servers', { server: Array.from({ length: 9 }, (_, i) => `wss://sip${i}.example.com/ws`) }, 'server'],
    ['the same server twice', { server: ['wss://a.example.com/ws', 'wss://a.example.com/ws'] }, 'server'],
    ['a bad second server', { server: ['wss://a.example.com/ws', 'ws://b.example.com/ws'] }, 'server[1]'],
    ['a non-string server entry', { server: ['wss://a.example.com/ws', 42] }, 'server[1]'],
    ['reconnect.failbackMs negative', { reconnect: { failbackMs: -1 } }, 'reconnect.failbackMs'],
    ['reconnect.callRecoveryMs fractional', { reconnect: { callRecoveryMs: 1.5 } }, 'reconnect.callRecoveryMs'],
    ['missing extension', { extension: undefined }, 'extension'],
    ['empty extension', { extension: '' }, 'extension'],
    ['numeric extension', { extension: 1001 }, 'extension'],
    ['extension with CRLF', { extension: '1001\r\nVia: x' }, 'extension'],
    ['extension with @', { extension: '1001@evil' }, 'extension'],
    ['extension with a space', { extension: '10 01' }, 'extension'],
    ['both password and ha1', { ha1: '0'.repeat(32) }, 'password'],
    ['neither password nor ha1', { password: undefined }, 'password'],
    ['empty password', { password: '' }, 'password'],
    ['short ha1', { password: undefined, ha1: 'abc' }, 'ha1'],
    ['bad domain', { domain: 'pbx example' }, 'domain'],
    ['authorizationUser with a quote', { authorizationUser: 'a"b' }, 'authorizationUser'],
    ['displayName with LF', { displayName: 'Al\nice' }, 'displayName'],
    ['negative reRegistryPhoneTimes', { reRegistryPhoneTimes: -1 }, 'reRegistryPhoneTimes'],
    ['fractional reRegistryPhoneTimes', { reRegistryPhoneTimes: 1.5 }, 'reRegistryPhoneTimes'],
    ['maxConcurrentCalls 0', { maxConcurrentCalls: 0 }, 'maxConcurrentCalls'],
    ['recordPermissions 3', { recordPermissions: 3 }, 'recordPermissions'],
    ['unknown dtmfMethod', { dtmfMethod: 'inband' }, 'dtmfMethod'],
    ['deviceIds not an object', { deviceIds: 'mic' }, 'deviceIds'],
    ['numeric microphoneId', { deviceIds: { microphoneId: 3 } }, 'deviceIds.microphoneId'],
    ['iceServers not an array', { iceServers: 'stun:x' }, 'iceServers'],
    ['iceServers entry without urls', { iceServers: [{}] }, 'iceServers[0].urls'],
    ['resolveContact not a function', { resolveContact: 'x' }, 'resolveContact'],
    ['allowReferTo not a function', { allowReferTo: ['example.com'] }, 'allowReferTo'],
    ['logger without methods', { logger: {} }, 'logger'],
    ['unknown logLevel', { logLevel: 'loud' }, 'logLevel'],
    ['reconnect max below initial', { reconnect: { initialDelayMs: 5000, maxDelayMs: 10 } }, 'reconnect.maxDelayMs'],
    ['media without a factory', { media: {} }, 'media'],
    ['keepAlive not an object', { keepAlive: 15 }, 'keepAlive'],
    ['negative keep-alive interval', { keepAlive: { intervalMs: -1 } }, 'keepAlive.intervalMs'],
    ['keep-alive interval too short', { keepAlive: { intervalMs: 50 } }, 'keepAlive.intervalMs'],
    ['keep-alive interval over 5 minutes', { keepAlive: { intervalMs: 300_001 } }, 'keepAlive.intervalMs'],
    ['fractional keep-alive interval', { keepAlive: { intervalMs: 1500.5 } }, 'keepAlive.intervalMs'],
    ['keep-alive timeout 0', { keepAlive: { timeoutMs: 0 } }, 'keepAlive.timeoutMs'],
    ['keep-alive timeout over a minute', { keepAlive: { timeoutMs: 60_001 } }, 'keepAlive.timeoutMs'],
    ['unknown keep-alive method', { keepAlive: { method: 'ping' } }, 'keepAlive.method'],
  ];

  it.each(cases)('%s → PhoneConfigError on %s', (_label, patch, field) => {
    const config = { ...valid, ...patch } as unknown as PhoneConfig;
    let thrown: unknown;
    try {
      new PhoneOperator(config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PhoneConfigError);
    expect((thrown as PhoneConfigError).field).toBe(field);
    expect((thrown as Error).message).toContain(field);
  });

  it('takes a list of servers in order, the domain from the first, and shows the first in the store', () => {
    const phone = new PhoneOperator({ ...valid, server: ['wss://sip1.example.com/ws', 'wss://sip2.example.com/ws'] });
    expect(phone.store.getState()).toMatchObject({ server: 'wss://sip1.example.com/ws', identity: { domain: 'sip1.example.com' } });
    phone.destroy();
  });

  it('rejects a non-object config', () => {
    expect(() => new PhoneOperator(null as unknown as PhoneConfig)).toThrow(PhoneConfigError);
  });

  it.each([
    ['wss to a remote host', { server: 'wss://pbx.example.com:8089/ws' }],
    ['ws to 127.0.0.1', { server: 'ws://127.0.0.1:5066' }],
    ['ws to localhost', { server: 'ws://localhost:5066' }],
    ['ws to [::1]', { server: 'ws://[::1]:5066' }],
    ['ws to a remote host with allowInsecure', { server: 'ws://pbx.lan:5066', allowInsecure: true }],
    ['ha1 instead of password', { password: undefined, ha1: 'ABCDEF0123456789abcdef0123456789' }],
    [
      'every optional field',
      {
        domain: 'webphone.test',
        authorizationUser: 'agent-7',
        displayName: 'Ann "The Agent"',
        reRegistryPhoneTimes: 0,
        deviceIds: { microphoneId: 'm' },
        maxConcurrentCalls: 3,
        disableCallWaiting: true,
        recordPermissions: 0,
        dtmfMethod: 'info',
        iceServers: [{ urls: 'stun:stun.example.com' }],
        iceTransportPolicy: 'relay',
        resolveContact: async () => ({}),
        allowReferTo: () => true,
        logger: console,
        logLevel: 'debug',
        registerExpires: 120,
        reconnect: { initialDelayMs: 10, maxDelayMs: 100 },
        keepAlive: { intervalMs: 20_000, timeoutMs: 5_000, method: 'options' },
      },
    ],
    ['keep-alive off', { keepAlive: { intervalMs: 0 } }],
  ])('accepts %s', (_label, patch) => {
    const phone = new PhoneOperator({ ...valid, ...patch } as PhoneConfig);
    expect(phone.store.getState().transport).toBe('idle');
    phone.destroy();
  });

  it('defaults the domain to the server host and the auth user to the extension', () => {
    const phone = new PhoneOperator(valid);
    expect(phone.store.getState().identity).toEqual({
      extension: '1001',
      domain: 'pbx.example.com',
      authorizationUser: '1001',
      displayName: undefined,
    });
    expect(phone.reRegistryPhoneTimes).toBe(Infinity);
    expect(phone.recordPermissions).toBe(2);
    phone.destroy();
  });
});
