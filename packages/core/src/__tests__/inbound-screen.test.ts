import { describe, expect, it } from 'vitest';
import { createInboundScreen, INBOUND_LIMITS } from '../sip/inbound-screen.js';
import { farInvite, farRequest, sdp } from './support/sip-messages.js';

const at = (time: { now: number }) => createInboundScreen(() => time.now);

describe('createInboundScreen', () => {
  it('passes ordinary requests and responses', () => {
    const screen = at({ now: 0 });
    expect(screen(farInvite('a'))).toBeUndefined();
    expect(screen('SIP/2.0 200 OK\r\nCall-ID: x\r\n\r\n')).toBeUndefined();
  });

  it('refuses a message, a header section, a line count and a parsed-header weight over the limits, and nothing at them', () => {
    const screen = at({ now: 0 });
    const padded = (length: number) => farInvite('b', { body: sdp() }).padEnd(length, 'x');
    expect(screen(padded(INBOUND_LIMITS.messageChars))).toBeUndefined();
    expect(screen(padded(INBOUND_LIMITS.messageChars + 1))).toBe('size');
    expect(screen(farInvite('c', { headers: [`X-Big: ${'z'.repeat(INBOUND_LIMITS.headChars)}`] }))).toBe('header size');
    expect(screen(farInvite('d', { headers: Array.from({ length: 100 }, () => 'X-A: 1') }))).toBe('header lines');
    expect(screen(farInvite('e', { headers: [`Record-Route: <sip:p;lr>${';a=b'.repeat(1000)}`] }))).toBe('parsed headers');
    // Folded continuation lines of a parsed header count with it.
    expect(screen(farInvite('f', { headers: [`Record-Route: <sip:p;lr>${'\r\n ;a=b'.repeat(600)}`] }))).toBeDefined();
    // Via beyond the first and unknown headers are not parsed by sip.js: they weigh nothing.
    expect(screen(farInvite('g', { headers: Array.from({ length: 60 }, () => `Via: SIP/2.0/WSS 10.0.0.1;branch=z9hG4bK${'v'.repeat(60)}`) }))).toBeUndefined();
  });

  it('lets 10 new calls through at once, then 5 a second; in-dialog requests are not new calls', () => {
    const time = { now: 1_000_000 };
    const screen = at(time);
    const verdicts = Array.from({ length: 12 }, (_, i) => screen(farInvite(`n${i}`)));
    expect(verdicts.slice(0, 10)).toEqual(Array(10).fill(undefined));
    expect(verdicts.slice(10)).toEqual(['new calls/s', 'new calls/s']);
    expect(screen(farInvite('re', { toTag: 'mine', cseq: 2 }))).toBeUndefined();
    expect(screen(farRequest({ method: 'INVITE', callId: 'compact', headers: [] }).replace(/^To: (.*)$/m, 't: $1;tag=x'))).toBeUndefined();
    time.now += 200;
    expect(screen(farInvite('later'))).toBeUndefined();
    expect(screen(farInvite('later-2'))).toBe('new calls/s');
  });

  it('lets 50 requests through at once, then 20 a second; responses are never rate limited', () => {
    const time = { now: 5_000 };
    const screen = at(time);
    const bye = (i: number) => farRequest({ method: 'BYE', callId: 'x', toTag: 't', cseq: i });
    expect(Array.from({ length: 50 }, (_, i) => screen(bye(i))).every((verdict) => verdict === undefined)).toBe(true);
    expect(screen(bye(51))).toBe('requests/s');
    expect(screen('SIP/2.0 200 OK\r\nCall-ID: x\r\n\r\n')).toBeUndefined();
    time.now += 100;
    expect(screen(bye(52))).toBeUndefined();
    expect(screen(bye(53))).toBeUndefined();
    expect(screen(bye(54))).toBe('requests/s');
  });
});
