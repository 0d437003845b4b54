import { describe, expect, it } from 'vitest';
import type { QualityWarning } from '../index.js';
import { connect, registeredPhone, useCallServer } from './support/call-harness.js';
import { waitForState } from './support/phone-harness.js';

const { server } = useCallServer();

describe('quality warnings on a call through the real Kamailio', () => {
  it('one-way audio and high RTT are raised from getStats() and cleared, while the muted direction is left alone', async () => {
    const thresholds = { qualityThresholds: { 'no-inbound-audio': 3, 'no-outbound-audio': 3 } };
    const a = await registeredPhone(server(), '1001', thresholds);
    const b = await registeredPhone(server(), '1002', thresholds);
    const { outgoing, incoming } = await connect(a, b);
    const media = a.media.handlers[0];
    // Nothing arrives at A, A's RTT is high; A is muted, so it sending nothing is no warning.
    media.stats.inboundPackets = 0;
    media.stats.outboundPackets = 0;
    media.stats.rttMs = 650;
    a.phone.mute(outgoing.callId);
    const events: string[] = [];
    const log = (sign: string) => (w: QualityWarning) => events.push(`${sign}${w.name} ${w.value}/${w.threshold}`);
    outgoing.on('qualityWarning', log('+')).on('qualityWarningCleared', log('-'));

    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.qualityWarnings.includes('high-rtt') === true, 12_000);
    expect(a.phone.store.getState().calls[outgoing.callId].qualityWarnings).toEqual(['high-rtt', 'no-inbound-audio']);
    expect(events).toEqual(['+no-inbound-audio 3/3', '+high-rtt 650/400']);

    // Audio comes back and the RTT drops: both clear.
    media.stats.inboundPackets = 150;
    media.stats.rttMs = 40;
    await waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.qualityWarnings.length === 0, 12_000);
    expect(events.slice(2).sort()).toEqual(['-high-rtt 40/400', '-no-inbound-audio 0/3']);
    // The far end heard nothing wrong.
    expect(b.phone.store.getState().calls[incoming.callId].qualityWarnings).toEqual([]);
  }, 30_000);
});
