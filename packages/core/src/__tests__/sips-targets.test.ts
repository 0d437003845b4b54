import { URI, type Referral } from 'sip.js';
import { describe, expect, it } from 'vitest';
import { RedactingLogger } from '../logger.js';
import { parseDialTarget } from '../number.js';
import { ResultCode } from '../result.js';
import { readReferral } from '../sip/sip-referral.js';
import { ScriptedPhone } from '../testing/index.js';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('sips: targets are refused, never dialled as sip:', () => {
  it.each(['sips:bob@example.com', 'SIPS:1002@pbx.example.com:5061'])('parseDialTarget(%j) says why', (input) => {
    const parsed = parseDialTarget(input);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(/sips: is not supported/);
  });

  it('call() answers INVALID_NUMBER and sends nothing', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const outcome = await phone.call('sips:1002@webphone.test');
    expect(outcome).toMatchObject({ code: ResultCode.INVALID_NUMBER });
    expect(outcome.message).toMatch(/sips:/);
    expect(phone.getSessions()).toEqual([]);
  });

  it('blind and attended transfers to a sips: target are refused and the call is kept', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const callId = phone.simulateIncoming({ number: '1002' });
    await phone.answer(callId);
    await settle();
    expect(phone.blindTransfer(callId, 'sips:1003@webphone.test')).toBe(false);
    expect(phone.attendedTransfer(callId, 'sips:1003@webphone.test')).toBe(false);
    await settle();
    expect(phone.sentRequests(callId)).toEqual([]);
    expect(phone.getSessions().map((s) => s.callId)).toEqual([callId]);
  });

  it('a REFER whose Refer-To is a sips: URI is refused (the transferee would otherwise call it)', () => {
    const referral = (scheme: string) => ({ referTo: { uri: new URI(scheme, '1003', 'webphone.test') }, replaces: undefined }) as unknown as Referral;
    const logger = new RedactingLogger(console, 'silent');
    expect(readReferral(referral('sip'), logger)).toMatchObject({ target: { user: '1003', host: 'webphone.test' } });
    expect(readReferral(referral('sips'), logger)).toBeUndefined();
  });
});
