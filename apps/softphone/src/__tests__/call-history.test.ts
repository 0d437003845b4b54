import { ScriptedPhone } from '@webphone/core/testing';
import { afterEach, describe, expect, test } from 'vitest';
import { createCallHistory } from '../history/call-history';
import { endCauseText } from '../history/CallHistory';

afterEach(() => window.localStorage.clear());

describe('call history', () => {
  test('records answered, missed and refused calls, newest first, and keeps them', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const history = createCallHistory(phone, '1001@webphone.test');

    const answered = phone.simulateIncoming({ number: '1002', name: 'Grace Hopper' });
    await phone.answer(answered);
    phone.remoteHangup(answered);
    const missed = phone.simulateIncoming({ number: '1003', name: 'Alan Turing' });
    phone.remoteHangup(missed);

    const [latest, first] = history.entries();
    expect(first).toMatchObject({ direction: 'inbound', number: '1002', name: 'Grace Hopper', missed: false });
    expect(latest).toMatchObject({ direction: 'inbound', number: '1003', missed: true });
    expect(endCauseText(latest!)).toMatch(/^Missed/);

    const reloaded = createCallHistory(phone, '1001@webphone.test');
    expect(reloaded.entries()).toHaveLength(2);
    history.dispose();
    reloaded.dispose();
  });

  test('lists calls refused without ringing (do not disturb) as missed', () => {
    const phone = new ScriptedPhone({ registered: true });
    const history = createCallHistory(phone, '1001@webphone.test');
    phone.setDoNotDisturb(true);
    phone.simulateIncoming({ number: '1002', name: 'Grace Hopper' });
    expect(history.entries()[0]).toMatchObject({
      direction: 'inbound',
      number: '1002',
      name: 'Grace Hopper',
      missed: true,
      endCause: 'do-not-disturb',
      sipCode: 486,
    });
    expect(endCauseText(history.entries()[0]!)).toBe('Missed · Do not disturb · SIP 486');
    history.dispose();
    phone.simulateIncoming({ number: '1003' });
    expect(history.entries()).toHaveLength(1);
  });

  test('keeps the SIP status of a call that failed', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const history = createCallHistory(phone, '1001@webphone.test');
    await phone.call('1002');
    phone.remoteReject(phone.lastCallId!, 486);
    expect(history.entries()[0]).toMatchObject({ direction: 'outbound', number: '1002', sipCode: 486, durationSeconds: 0 });
    expect(endCauseText(history.entries()[0]!)).toBe('Busy · SIP 486');
    history.dispose();
  });
});
