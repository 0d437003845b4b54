import { afterEach, describe, expect, it } from 'vitest';
import { PhoneOperator, ResultCode, type PhoneApi } from '../index.js';

const phones: PhoneOperator[] = [];
afterEach(() => {
  for (const phone of phones.splice(0)) phone.destroy();
});

function idlePhone(): PhoneOperator {
  const phone = new PhoneOperator({ server: 'wss://pbx.example.com/ws', extension: '1001', password: 'pw', logLevel: 'silent' });
  phones.push(phone);
  return phone;
}

/** Values an app may pass by mistake (untyped JavaScript, form input, JSON). */
const garbage: unknown[] = [undefined, null, '', 0, -1, NaN, {}, [], 'unknown-call-id', '1001\r\nVia: x', Symbol('s'), () => 1];
/** Ids every plain object answers through its prototype: a lookup by call id must not find them. */
const prototypeNames = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
garbage.push(...prototypeNames);

const booleanMethods = [
  'reject',
  'hangup',
  'terminate',
  'hold',
  'unhold',
  'mute',
  'unmute',
  'startRecord',
  'pauseRecord',
  'completeTransfer',
  'setCurrentSession',
] as const satisfies ReadonlyArray<keyof PhoneApi>;
const twoArgumentBooleanMethods = ['blindTransfer', 'attendedTransfer', 'dtmf', 'setSessionStaticStatus'] as const satisfies ReadonlyArray<keyof PhoneApi>;

describe('public methods given bad arguments answer with false or a Result and change nothing', () => {
  it.each(booleanMethods)('%s(garbage) → false', (method) => {
    const phone = idlePhone();
    const before = phone.store.getState();
    for (const value of garbage) {
      const call = phone[method] as (...args: unknown[]) => unknown;
      expect(call.call(phone, value), `${method}(${String(value)})`).toBe(false);
    }
    expect(phone.store.getState()).toBe(before);
  });

  it.each(twoArgumentBooleanMethods)('%s(garbage, garbage) → false', (method) => {
    const phone = idlePhone();
    const before = phone.store.getState();
    for (const a of garbage) {
      for (const b of garbage) {
        const call = phone[method] as (...args: unknown[]) => unknown;
        expect(call.call(phone, a, b), `${method}(${String(a)}, ${String(b)})`).toBe(false);
      }
    }
    expect(phone.store.getState()).toBe(before);
  });

  it('call() and answer() resolve with an error Result, never throw', async () => {
    const phone = idlePhone();
    for (const value of garbage) {
      const placed = await phone.call(value as string);
      expect(placed.code, `call(${String(value)})`).toBeLessThan(0);
      const answered = await phone.answer(value as string);
      expect(answered.code, `answer(${String(value)})`).toBe(ResultCode.NOT_FOUND_CALL_ID);
    }
    expect(phone.sessions.size).toBe(0);
  });

  it('audioToVideo(), videoToAudio() and agreeChangeVideo() of garbage resolve NOT_FOUND_CALL_ID and change nothing', async () => {
    const phone = idlePhone();
    const before = phone.store.getState();
    for (const value of garbage) {
      expect((await phone.audioToVideo(value as string)).code, `audioToVideo(${String(value)})`).toBe(ResultCode.NOT_FOUND_CALL_ID);
      expect((await phone.videoToAudio(value as string)).code, `videoToAudio(${String(value)})`).toBe(ResultCode.NOT_FOUND_CALL_ID);
      for (const accept of garbage) {
        const agreed = await phone.agreeChangeVideo(value as string, accept as boolean);
        expect(agreed.code, `agreeChangeVideo(${String(value)}, ${String(accept)})`).toBe(ResultCode.NOT_FOUND_CALL_ID);
      }
    }
    expect(phone.store.getState()).toBe(before);
  });

  it('setDoNotDisturb() and setAutoAnswer() of garbage are false and change nothing', () => {
    const phone = idlePhone();
    const before = phone.store.getState();
    for (const value of garbage) {
      expect(phone.setDoNotDisturb(value as boolean), `setDoNotDisturb(${String(value)})`).toBe(false);
      expect(phone.setAutoAnswer(value as 'never'), `setAutoAnswer(${String(value)})`).toBe(false);
    }
    expect(phone.store.getState()).toBe(before);
  });

  it('call() with garbage headers resolves INVALID_HEADER', async () => {
    const phone = idlePhone();
    for (const value of garbage.filter((v) => v !== undefined && !(typeof v === 'object' && v !== null && !Array.isArray(v)))) {
      const placed = await phone.call('1002', { headers: value as Record<string, string> });
      expect(placed.code, `call('1002', { headers: ${String(value)} })`).toBe(ResultCode.INVALID_HEADER);
    }
    for (const value of garbage) {
      const placed = await phone.call('1002', { headers: { 'X-Value': value as string } });
      expect(placed.code, `call('1002', { headers: { 'X-Value': ${String(value)} } })`).toBe(
        typeof value === 'string' && !value.includes('\r') ? ResultCode.UNKNOWN_ERROR : ResultCode.INVALID_HEADER,
      );
    }
  });

  it('getSession() of garbage is null and reRegister() of garbage is a REGISTRY_FAILED result', () => {
    const phone = idlePhone();
    for (const value of garbage) {
      expect(phone.getSession(value as string)).toBeNull();
      expect(phone.reRegister(value as string, value as string)).toMatchObject({ code: ResultCode.REGISTRY_FAILED });
    }
  });
});
