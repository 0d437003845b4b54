import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallQualityMonitor, CallQualitySampler, lossRatio, type StatsEntry } from '../call-quality.js';
import { computeTimer, formatDuration } from '../call-timer.js';
import { checkIncoming, checkOutgoing } from '../call-guards.js';
import { DTMF_DIGITS, MAX_DTMF_DIGITS } from '../dtmf.js';
import { dtmfRelayBody, MAX_DTMF_INFO_BODY, parseDtmfInfo, parseRecordHeader } from '../sip/info-parsers.js';
import { readSdpFacts } from '../media/sdp-facts.js';
import { estimateMos } from '../mos.js';
import { parseDialTarget, MAX_NUMBER_LENGTH } from '../number.js';
import { ResultCode } from '../result.js';

describe('parseDialTarget', () => {
  it.each([
    ['1002', { user: '1002' }],
    ['*97', { user: '*97' }],
    ['#31#1002', { user: '#31#1002' }],
    ['+49 (30) 123-45.67', { user: '+4930123 4567'.replace(' ', '') }],
    ['alice.smith', { user: 'alice.smith' }],
    ['1002@pbx.example.com', { user: '1002', host: 'pbx.example.com' }],
    ['sip:1002@10.0.0.1:5070', { user: '1002', host: '10.0.0.1', port: 5070 }],
    ['SIP:bob@example.com', { user: 'bob', host: 'example.com' }],
    ['  1002  ', { user: '1002' }],
  ])('accepts %j', (input, target) => {
    expect(parseDialTarget(input)).toEqual({ ok: true, target });
  });

  it.each([
    '',
    '   ',
    'x'.repeat(MAX_NUMBER_LENGTH + 1),
    '1002\r\nX: y',
    '1002\n',
    '1002\u0000',
    '<sip:1002@x>',
    '1002>',
    '1002;user=phone',
    '1002,1003',
    '"1002"',
    'bob smith',
    '1002@host;lr',
    '1002@host?Subject=x',
    '1002@',
    '@host',
    'sip:1002',
    '1002@bad_host',
    '1002@host:99999',
    '%0D%0A',
    'a/b',
  ])('refuses %j', (input) => {
    expect(parseDialTarget(input).ok).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(parseDialTarget(1002).ok).toBe(false);
    expect(parseDialTarget(undefined).ok).toBe(false);
  });
});

describe('DTMF', () => {
  it('builds and parses dtmf-relay bodies', () => {
    expect(dtmfRelayBody('5')).toBe('Signal=5\r\nDuration=160\r\n');
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=5\r\nDuration=160\r\n')).toBe('5');
    expect(parseDtmfInfo('Application/DTMF-Relay; charset=x', 'Duration=100\nsignal= #\n')).toBe('#');
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=10')).toBe('*');
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=11')).toBe('#');
    expect(parseDtmfInfo('application/dtmf', 'a\r\n')).toBe('A');
  });
  it('rejects malformed or foreign bodies', () => {
    expect(parseDtmfInfo('application/dtmf-relay', 'Duration=160')).toBeNull();
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=X')).toBeNull();
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=12')).toBeNull();
    expect(parseDtmfInfo('text/plain', 'Signal=1')).toBeNull();
  });
  it('reads a many-line body in linear time and refuses a body over MAX_DTMF_INFO_BODY', () => {
    // 100,000 blank lines took the old multi-line regular expression about ten seconds.
    for (const filler of ['\n', ' \r\n']) {
      const started = performance.now();
      const digit = parseDtmfInfo('application/dtmf-relay', filler.repeat(100_000) + 'Signal=5');
      expect(performance.now() - started).toBeLessThan(50);
      expect(digit).toBeNull();
    }
    const padded = (length: number): string => 'Signal=7\r\n' + 'x'.repeat(length - 10);
    expect(parseDtmfInfo('application/dtmf-relay', padded(MAX_DTMF_INFO_BODY))).toBe('7');
    expect(parseDtmfInfo('application/dtmf-relay', padded(MAX_DTMF_INFO_BODY + 1))).toBeNull();
    expect(parseDtmfInfo('application/dtmf', '5' + ' '.repeat(MAX_DTMF_INFO_BODY))).toBeNull();
    expect(parseDtmfInfo('application/dtmf-relay', 'Duration=160\r\n\r\n  Signal = 9 \r\n')).toBe('9');
  });
  it('allows only 0-9 * # A-D', () => {
    expect(DTMF_DIGITS.test('0123456789*#ABCDabcd')).toBe(true);
    for (const bad of ['E', ' ', '1 2', '+', '', '1'.repeat(MAX_DTMF_DIGITS + 1)]) expect(DTMF_DIGITS.test(bad), bad).toBe(false);
    expect(DTMF_DIGITS.test('#'.repeat(MAX_DTMF_DIGITS))).toBe(true);
  });
  it('reads the Record header', () => {
    expect(parseRecordHeader(' On ')).toBe('on');
    expect(parseRecordHeader('off')).toBe('off');
    expect(parseRecordHeader('maybe')).toBeNull();
    expect(parseRecordHeader(undefined)).toBeNull();
  });
});

describe('computeTimer', () => {
  const t = (s: number): number => 1_000_000 + s * 1000;
  it('counts ringing, talking and holding from timestamps', () => {
    const timestamps = { createdAt: t(0), answeredAt: t(7), holdStartedAt: t(20), heldMs: 5000 };
    expect(computeTimer('inbound', timestamps, t(30))).toEqual({ ringDuration: 7, callingDuration: 0, callDuration: 23, holdDuration: 15 });
    expect(computeTimer('outbound', timestamps, t(30))).toEqual({ ringDuration: 0, callingDuration: 7, callDuration: 23, holdDuration: 15 });
  });
  it('before the answer only the waiting time runs', () => {
    expect(computeTimer('outbound', { createdAt: t(0), answeredAt: 0, holdStartedAt: 0, heldMs: 0 }, t(4.9))).toEqual({
      ringDuration: 0,
      callingDuration: 4,
      callDuration: 0,
      holdDuration: 0,
    });
  });
});

describe('estimateMos (E-model)', () => {
  it('is about 4.4 on a clean network and falls with loss, jitter and delay', () => {
    const clean = estimateMos(20, 1, 0);
    expect(clean).toBeGreaterThan(4.3);
    expect(clean).toBeLessThanOrEqual(4.5);
    expect(estimateMos(20, 1, 0.05)).toBeLessThan(clean);
    // EL = 20/2 + 2·1 + 10 = 22 ms → R = 93.2 − 22/40 − 5·2.5 = 80.15 → MOS ≈ 4.03.
    expect(estimateMos(20, 1, 0.05)).toBeCloseTo(4.03, 2);
    expect(estimateMos(600, 60, 0)).toBeLessThan(estimateMos(100, 10, 0));
    expect(estimateMos(0, 0, 1)).toBe(1);
    expect(estimateMos(Number.NaN, -5, Number.NaN)).toBeGreaterThan(4.3);
  });
  it('loss ratio has 6 decimals', () => {
    expect(lossRatio(1, 2)).toBe(0.333333);
    expect(lossRatio(0, 0)).toBe(0);
  });
});

function stats(entries: Record<string, unknown>[]): { forEach(cb: (e: StatsEntry) => void): void } {
  return { forEach: (cb) => entries.forEach((e) => cb(e as StatsEntry)) };
}

describe('CallQualitySampler', () => {
  const sample = (jitter: number, received: number, lost: number) =>
    stats([
      { id: 'T', type: 'transport', selectedCandidatePairId: 'P' },
      { id: 'P', type: 'candidate-pair', localCandidateId: 'L', currentRoundTripTime: 0.05 },
      { id: 'L', type: 'local-candidate', candidateType: 'relay' },
      { id: 'C', type: 'codec', mimeType: 'audio/PCMU' },
      { id: 'I', type: 'inbound-rtp', kind: 'audio', codecId: 'C', packetsReceived: received, packetsLost: lost, jitter },
      { id: 'O', type: 'outbound-rtp', kind: 'audio', codecId: 'C', packetsSent: 42 },
    ]);
  it('reports candidate type, codec, packets, loss, jitter (latest, average, max) and the MOS of the last interval', () => {
    const sampler = new CallQualitySampler('c1');
    sampler.sample(sample(0.01, 100, 0), 1000);
    const report = sampler.sample(sample(0.03, 200, 2), 4000);
    expect(report).toMatchObject({
      callId: 'c1',
      timestamp: 4000,
      date: new Date(4000).toISOString(),
      candidateType: 'relay',
      video: null,
      audio: { codec: 'pcmu', packetsReceived: 200, packetsSent: 42, packetsLost: 2, lossRatio: 0.009901, jitter: 30, jitterAvg: 20, jitterMax: 30, rtt: 50 },
    });
    // The latest jitter and the loss since the previous sample (2 lost of 100 received), not the call's averages.
    expect(report.mos).toBe(estimateMos(50, 30, lossRatio(2, 100)));
  });
  it('copes with empty stats', () => {
    const report = new CallQualitySampler('c2').sample(stats([]), 0);
    expect(report.candidateType).toBe('unknown');
    expect(report.audio.packetsReceived).toBe(0);
  });
});

describe('CallQualityMonitor', () => {
  afterEach(() => vi.useRealTimers());
  it('samples every 3 s until stopped, and leaves no timer', async () => {
    vi.useFakeTimers();
    const reports: number[] = [];
    const monitor = new CallQualityMonitor(
      'c',
      () => Promise.resolve(stats([])),
      (r) => reports.push(r.timestamp),
      () => undefined,
    );
    monitor.start();
    monitor.start();
    await vi.advanceTimersByTimeAsync(2999);
    expect(reports).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(6001);
    expect(reports).toHaveLength(3);
    monitor.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('readSdpFacts', () => {
  it('reads telephone-event, video and the audio direction', () => {
    const sdp = ['v=0', 'a=sendrecv', 'm=audio 9 RTP/AVP 0 101', 'a=rtpmap:101 telephone-event/8000', 'a=sendonly', 'm=video 9 RTP/AVP 96', ''].join('\r\n');
    expect(readSdpFacts(sdp)).toEqual({ telephoneEvent: true, video: true, audioDirection: 'sendonly' });
    expect(readSdpFacts('m=audio 9 RTP/AVP 0\nm=video 0 RTP/AVP 96')).toEqual({ telephoneEvent: false, video: false, audioDirection: 'sendrecv' });
    expect(readSdpFacts(undefined)).toEqual({ telephoneEvent: false, video: false, audioDirection: 'sendrecv' });
  });
});

describe('guards', () => {
  const base = { callCount: 0, maxConcurrentCalls: 2, hasUnansweredOutgoing: false, lastOutgoingAt: 0, now: 10_000 };
  it('applies the limit, then unanswered, then the rate', () => {
    expect(checkOutgoing(base)).toBeNull();
    expect(checkOutgoing({ ...base, callCount: 2, hasUnansweredOutgoing: true })?.code).toBe(ResultCode.MAX_LIMIT_CALL);
    expect(checkOutgoing({ ...base, callCount: 1, hasUnansweredOutgoing: true, lastOutgoingAt: 9_999 })?.code).toBe(ResultCode.CURRENT_CALL_HAS_NOT_CONNECTED);
    expect(checkOutgoing({ ...base, lastOutgoingAt: 9_001 })?.code).toBe(ResultCode.CALL_TOO_MANY_TIMES);
    expect(checkOutgoing({ ...base, lastOutgoingAt: 9_000 })).toBeNull();
  });
  it('refuses incoming calls with do-not-disturb, over the limit or with call waiting off', () => {
    const base = { callCount: 1, maxConcurrentCalls: 2, disableCallWaiting: false, doNotDisturb: false, dndResponseCode: 486 };
    expect(checkIncoming(base)).toBeNull();
    expect(checkIncoming({ ...base, callCount: 2 })).toEqual({ code: 486, reason: 'max-calls' });
    expect(checkIncoming({ ...base, disableCallWaiting: true })).toEqual({ code: 486, reason: 'call-waiting-disabled' });
    expect(checkIncoming({ ...base, callCount: 0, disableCallWaiting: true })).toBeNull();
    // Do-not-disturb wins over the other reasons and uses its own status.
    expect(checkIncoming({ ...base, callCount: 2, doNotDisturb: true, dndResponseCode: 603 })).toEqual({ code: 603, reason: 'do-not-disturb' });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [9.9, '0:09'],
    [83, '1:23'],
    [3599, '59:59'],
    [3723, '1:02:03'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
