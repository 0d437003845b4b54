import { describe, expect, it, vi } from 'vitest';
import { ScriptedPhone } from '../testing/index.js';

// eslint-disable-next-line no-control-regex -- control characters are what the test looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe('what a far end sends is capped and cleaned before it reaches the store', () => {
  it('a display name and number of any length and with control characters become at most 128 clean characters', () => {
    const phone = new ScriptedPhone({ registered: true, logLevel: 'silent' });
    const incoming = vi.fn();
    phone.on('incoming', incoming);
    const callId = phone.simulateIncoming({ number: '1002' + '9'.repeat(200_000), name: 'Ada\r\nVia: x\u0000\u202eLovelace' + 'y'.repeat(200_000) });
    const { name, number } = phone.store.getState().calls[callId]!.status;
    expect(incoming).toHaveBeenCalledTimes(1);
    expect(name.length).toBeLessThanOrEqual(128);
    expect(number.length).toBeLessThanOrEqual(128);
    expect(name).toMatch(/^Ada {1,3}Via: x {1,3}Lovelaceyy/);
    expect(number).toMatch(/^10029+$/);
    expect(name).not.toMatch(CONTROL);
    expect(name).not.toContain('\u202e');
  });

  it('an ordinary name and number are kept as sent', () => {
    const phone = new ScriptedPhone({ registered: true });
    const callId = phone.simulateIncoming({ number: '+49 30 1234', name: 'Ada Lovelace (ACME)' });
    expect(phone.store.getState().calls[callId]!.status).toMatchObject({ name: 'Ada Lovelace (ACME)', number: '+49 30 1234' });
  });
});

describe('an INVITE with Replaces (RFC 3891 §3)', () => {
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

  it('naming a ringing inbound call is refused with 481: nothing is answered and the ringing call stays', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const ringing = phone.simulateIncoming({ number: '1002' });
    const intruder = phone.simulateIncoming({ number: '6666', replaces: ringing });
    await settle();
    expect(phone.refusedIncoming).toEqual([{ callId: intruder, number: '6666', code: 481 }]);
    expect(phone.store.getState().callIds).toEqual([ringing]);
    expect(phone.store.getState().calls[ringing]!.status.callStatus).toBe('ringing');
  });

  it('naming an established call takes it over: the new call is answered and the old one ends as replaced', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const talking = phone.simulateIncoming({ number: '1002' });
    await phone.answer(talking);
    await settle();
    const deleted = vi.fn();
    phone.on('deleteSession', deleted);
    const taker = phone.simulateIncoming({ number: '1003', replaces: talking });
    await settle();
    await settle();
    expect(phone.store.getState().callIds).toEqual([taker]);
    expect(phone.store.getState().calls[taker]!.status.callStatus).toBe('talking');
    expect(deleted).toHaveBeenCalledWith(expect.objectContaining({ callId: talking, cause: 'replaced' }));
  });

  it('naming an outbound call still ringing takes it over and cancels the old one', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const placed = await phone.call('1002');
    const calling = placed.callId!;
    const deleted = vi.fn();
    phone.on('deleteSession', deleted);
    const taker = phone.simulateIncoming({ number: '1003', replaces: calling });
    await settle();
    expect(phone.store.getState().callIds).toEqual([taker]);
    expect(deleted).toHaveBeenCalledWith(expect.objectContaining({ callId: calling, cause: 'replaced' }));
  });
});
