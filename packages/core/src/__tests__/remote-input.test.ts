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
