import { describe, expect, it } from 'vitest';
import type { CallReport, MediaQuality } from '../call-status.js';
import { PhoneConfigError } from '../errors.js';
import { DEFAULT_QUALITY_THRESHOLDS, resolveQualityThresholds } from '../quality-thresholds.js';
import { QualityWarningDetector, type QualityWarning } from '../quality-warnings.js';
import { readSdpFacts } from '../media/sdp-facts.js';
import { ScriptedPhone } from '../testing/index.js';

const BOTH = { inbound: true, outbound: true };

/** Builds reports 3 s apart with audio flowing both ways unless told otherwise. */
function reports() {
  let n = 0;
  return (audio: Partial<MediaQuality> = {}, mos = 4.4): CallReport => {
    n += 1;
    const flowing = { packetsReceived: 150 * n, packetsSent: 150 * n, packetsLost: 0 };
    return {
      callId: 'c',
      timestamp: 3000 * n,
      date: '',
      candidateType: 'host',
      audio: { codec: 'opus', lossRatio: 0, jitter: 2, jitterAvg: 2, jitterMax: 2, rtt: 40, ...flowing, ...audio },
      video: null,
      mos,
    };
  };
}

describe('QualityWarningDetector', () => {
  it('raises a metric warning when 2 of the last 3 reports cross, and clears it after 2 good ones in a row', () => {
    const detector = new QualityWarningDetector('c', DEFAULT_QUALITY_THRESHOLDS, 0);
    const next = reports();
    expect(detector.observe(next({ rtt: 500 }), BOTH)).toBeNull(); // one bad sample is not a warning
    expect(detector.observe(next({ rtt: 40 }), BOTH)).toBeNull();
    const raised = detector.observe(next({ rtt: 650 }), BOTH);
    expect(raised?.raised).toEqual([{ callId: 'c', name: 'high-rtt', value: 650, threshold: 400 }]);
    expect(raised?.active).toEqual(['high-rtt']);
    expect(detector.observe(next({ rtt: 40 }), BOTH)).toBeNull(); // still 2 of 3 … or not yet 2 good in a row
    const cleared = detector.observe(next({ rtt: 35 }), BOTH);
    expect(cleared?.cleared).toEqual([{ callId: 'c', name: 'high-rtt', value: 35, threshold: 400 }]);
    expect(cleared?.active).toEqual([]);
  });

  it('judges jitter, loss since the previous report, and MOS (below its threshold)', () => {
    const detector = new QualityWarningDetector('c', DEFAULT_QUALITY_THRESHOLDS, 0);
    const next = reports();
    const bad = (): CallReport => {
      const report = next({ jitter: 45 }, 3.1);
      // 10 of the 160 packets of this interval lost: 6.25 %, while the call's ratio stays low.
      return { ...report, audio: { ...report.audio, packetsLost: report.audio.packetsLost + 10 * (report.timestamp / 3000), lossRatio: 0.01 } };
    };
    detector.observe(bad(), BOTH); // the first report has no interval: its loss is the call's (1 %)
    const change = detector.observe(bad(), BOTH);
    expect(change?.raised.map((w) => [w.name, w.value, w.threshold])).toEqual([
      ['high-jitter', 45, 30],
      ['low-mos', 3.1, 3.5],
    ]);
    expect(detector.observe(bad(), BOTH)?.raised.map((w) => [w.name, w.value, w.threshold])).toEqual([['high-packet-loss', 0.0625, 0.03]]);
  });

  it('warns of one-way audio after the threshold in seconds, and clears when packets flow again', () => {
    const detector = new QualityWarningDetector('c', DEFAULT_QUALITY_THRESHOLDS, 0);
    const next = reports();
    detector.observe(next(), BOTH); // 3 s: 150 packets each way
    expect(detector.observe(next({ packetsReceived: 150 }), BOTH)).toBeNull(); // 3 s silent
    const raised = detector.observe(next({ packetsReceived: 150 }), BOTH); // 6 s silent
    expect(raised?.raised).toEqual([{ callId: 'c', name: 'no-inbound-audio', value: 6, threshold: 6 }]);
    const cleared = detector.observe(next({ packetsReceived: 151 }), BOTH);
    expect(cleared?.cleared).toEqual([{ callId: 'c', name: 'no-inbound-audio', value: 0, threshold: 6 }]);
  });

  it('does not count silence while audio is not expected (hold, mute), and clears a warning then', () => {
    const detector = new QualityWarningDetector('c', DEFAULT_QUALITY_THRESHOLDS, 0);
    const next = reports();
    const muted = { inbound: true, outbound: false };
    detector.observe(next(), BOTH);
    for (let i = 0; i < 4; i += 1) expect(detector.observe(next({ packetsSent: 150 }), muted)).toBeNull();
    // Unmuted: the count starts again, so the first silent report after it is not a warning yet.
    expect(detector.observe(next({ packetsSent: 150 }), BOTH)).toBeNull();
    expect(detector.observe(next({ packetsSent: 150 }), BOTH)?.raised.map((w) => w.name)).toEqual(['no-outbound-audio']);
    expect(detector.observe(next({ packetsSent: 150 }), muted)?.cleared.map((w) => w.name)).toEqual(['no-outbound-audio']);
  });

  it('leaves a warning whose threshold is null off', () => {
    const detector = new QualityWarningDetector('c', resolveQualityThresholds({ 'high-rtt': null }), 0);
    const next = reports();
    detector.observe(next({ rtt: 900 }), BOTH);
    expect(detector.observe(next({ rtt: 900 }), BOTH)).toBeNull();
  });
});

describe('qualityThresholds config', () => {
  it('fills the defaults (Twilio: RTT 400 ms, jitter 30 ms, loss 3 %, MOS 3.5) and overrides by name', () => {
    expect(resolveQualityThresholds(undefined)).toEqual({
      'high-rtt': 400,
      'high-jitter': 30,
      'high-packet-loss': 0.03,
      'low-mos': 3.5,
      'no-inbound-audio': 6,
      'no-outbound-audio': 6,
    });
    expect(resolveQualityThresholds({ 'high-rtt': 250, 'low-mos': null })).toMatchObject({ 'high-rtt': 250, 'low-mos': null, 'high-jitter': 30 });
  });

  it.each([
    [42, 'qualityThresholds'],
    [{ 'high-latency': 1 }, 'qualityThresholds.high-latency'],
    [{ 'high-packet-loss': 3 }, 'qualityThresholds.high-packet-loss'],
    [{ 'low-mos': '3' }, 'qualityThresholds.low-mos'],
    [{ 'no-inbound-audio': 0 }, 'qualityThresholds.no-inbound-audio'],
    [{ 'high-rtt': Number.NaN }, 'qualityThresholds.high-rtt'],
  ])('refuses %j naming %s', (value, field) => {
    expect(() => new ScriptedPhone({ qualityThresholds: value as never })).toThrow(PhoneConfigError);
    try {
      resolveQualityThresholds(value);
    } catch (error) {
      expect((error as PhoneConfigError).field).toBe(field);
    }
  });
});

describe('readSdpFacts audioDirection', () => {
  it('reads the first audio direction, sendrecv when absent', () => {
    expect(readSdpFacts('v=0\r\nm=audio 9 RTP/AVP 0\r\na=sendonly\r\n').audioDirection).toBe('sendonly');
    expect(readSdpFacts('v=0\r\nm=audio 9 RTP/AVP 0\r\n').audioDirection).toBe('sendrecv');
    expect(readSdpFacts(undefined).audioDirection).toBe('sendrecv');
  });
});

describe('quality warnings on a ScriptedPhone', () => {
  async function talking(options: ConstructorParameters<typeof ScriptedPhone>[0] = {}) {
    let now = 1_000_000;
    const phone = new ScriptedPhone({ registered: true, now: () => now, ...options });
    const callId = phone.simulateIncoming({ number: '1002' });
    await phone.answer(callId);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const session = phone.getSession(callId)!;
    const seen: string[] = [];
    session.on('qualityWarning', (w: QualityWarning) => seen.push(`+${w.name}`));
    session.on('qualityWarningCleared', (w: QualityWarning) => seen.push(`-${w.name}`));
    session.on('callReport', () => seen.push('report'));
    return { phone, callId, session, seen, advance: (ms: number) => (now += ms) };
  }

  it('scripts a warning from reports, lists it in the record, and clears it; the warning follows its report', async () => {
    const { phone, callId, seen, advance } = await talking();
    phone.reportQuality(callId, { audio: { rtt: 800 } });
    advance(3000);
    const statuses: string[][] = [];
    phone.getSession(callId)!.on('qualityWarning', () => statuses.push([...phone.store.getState().calls[callId].qualityWarnings]));
    phone.reportQuality(callId, { audio: { rtt: 800 } });
    expect(seen).toEqual(['report', 'report', '+high-rtt']);
    expect(statuses).toEqual([['high-rtt']]);
    expect(phone.getSession(callId)!.callReport?.audio.rtt).toBe(800);
    advance(3000);
    phone.reportQuality(callId);
    advance(3000);
    phone.reportQuality(callId);
    expect(seen.slice(-1)).toEqual(['-high-rtt']);
    expect(phone.store.getState().calls[callId].qualityWarnings).toEqual([]);
  });

  it('default reports never warn, however much time passes between them', async () => {
    const { phone, callId, seen, advance } = await talking();
    for (let i = 0; i < 5; i += 1) {
      advance(30_000);
      phone.reportQuality(callId);
    }
    expect(seen.filter((event) => event !== 'report')).toEqual([]);
  });

  it('one-way audio: raised while talking, not while held or muted', async () => {
    const { phone, callId, seen, advance } = await talking({ qualityThresholds: { 'no-outbound-audio': 3 } });
    const stuck = { packetsSent: 7 };
    phone.reportQuality(callId, { audio: stuck });
    phone.mute(callId);
    advance(10_000);
    phone.reportQuality(callId, { audio: stuck });
    expect(seen).toEqual(['report', 'report']);
    phone.unmute(callId);
    advance(3000);
    phone.reportQuality(callId, { audio: stuck });
    expect(seen.slice(-1)).toEqual(['+no-outbound-audio']);
    expect(phone.store.getState().calls[callId].qualityWarnings).toEqual(['no-outbound-audio']);
    phone.hold(callId);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(phone.store.getState().calls[callId].status.isHold).toBe(true);
    advance(3000);
    phone.reportQuality(callId, { audio: stuck });
    expect(seen.slice(-1)).toEqual(['-no-outbound-audio']);
  });

  it('reportQuality on an unknown call changes nothing', () => {
    const phone = new ScriptedPhone({ registered: true });
    expect(phone.reportQuality('nope')).toBe(false);
  });
});
