import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACK_SETTLE_MS, HoldController, MAX_RETRY_AFTER_MS, reinviteRetryDelay } from '../hold-controller.js';
import { CallLifecycle } from '../call-lifecycle.js';
import { CallRegistry } from '../call-registry.js';
import type { PhoneContext } from '../phone-context.js';
import type { PhoneState } from '../phone-state.js';
import type { SessionActions } from '../session.js';
import type { CallSignal, RequestOutcome } from '../sip/call-signal.js';
import { RedactingLogger } from '../logger.js';
import { resolvePhoneConfig } from '../config.js';

const refused = (statusCode: number, retryAfterMs: number | null, reason = ''): RequestOutcome => ({ ok: false, statusCode, reason, retryAfterMs });

describe('reinviteRetryDelay', () => {
  it('waits as long as Retry-After asks on 500, capped', () => {
    expect(reinviteRetryDelay(refused(500, 3000), 1, true)).toBe(3000);
    expect(reinviteRetryDelay(refused(500, 60_000), 1, true)).toBe(MAX_RETRY_AFTER_MS);
  });
  it('uses the RFC 3261 §14.1 glare windows on 491', () => {
    expect(reinviteRetryDelay(refused(491, null), 1, true, () => 0)).toBe(2100);
    expect(reinviteRetryDelay(refused(491, null), 1, true, () => 1)).toBe(4000);
    expect(reinviteRetryDelay(refused(491, null), 1, false, () => 1)).toBe(2000);
  });
  it('gives up on final refusals, on local errors, and after too many attempts', () => {
    expect(reinviteRetryDelay(refused(488, null), 1, true)).toBeNull();
    expect(reinviteRetryDelay(refused(403, null), 1, true)).toBeNull();
    expect(reinviteRetryDelay(refused(0, null, 'Invalid signaling state have-local-offer'), 1, true)).toBeNull();
    expect(reinviteRetryDelay(refused(500, 1000), 4, true)).toBeNull();
  });
  it('retries transient failures (500 without Retry-After, 408, 480, 503, transport loss) with a doubling jittered delay', () => {
    for (const code of [500, 408, 480, 503, 504]) expect(reinviteRetryDelay(refused(code, null), 1, true, () => 0)).toBe(500);
    expect(reinviteRetryDelay(refused(0, null, 'connection lost'), 1, true, () => 0)).toBe(500);
    expect(reinviteRetryDelay(refused(0, null, 'There is an ongoing re-INVITE server transaction.'), 1, true)).toBe(200);
    expect(reinviteRetryDelay(refused(500, null), 2, true, () => 1)).toBe(2000);
    expect(reinviteRetryDelay(refused(500, null), 3, true, () => 0.5)).toBe(3000);
  });
  it('has no attempt limit while a call is being recovered (its recovery bound ends it instead), and caps the delay at 8 s', () => {
    expect(reinviteRetryDelay(refused(480, null), 12, true, () => 1, Infinity)).toBe(8000);
    expect(reinviteRetryDelay(refused(480, null), 12, true, () => 1)).toBeNull();
  });
});

function harness(outcomes: RequestOutcome[]) {
  let state = { calls: {}, callIds: [], incomingIds: [], currentSessionID: null, isMaxCall: false } as unknown as PhoneState;
  const config = resolvePhoneConfig({ server: 'ws://127.0.0.1:5066', extension: '1001', password: 'x', logLevel: 'silent' });
  const ctx: PhoneContext = {
    config,
    logger: new RedactingLogger(config.logger, 'silent'),
    getState: () => state,
    setState: (partial) => (state = { ...state, ...partial }),
    emit: () => undefined,
    now: () => Date.now(),
  };
  const registry = new CallRegistry(ctx);
  const lifecycle = new CallLifecycle(ctx, registry, {} as SessionActions, () => ({
    onRefer: () => undefined,
    onAccepted: () => undefined,
    onEnded: () => undefined,
    onVideoOffered: () => Promise.resolve({ accept: false }),
  }));
  const reinvite = vi.fn(async () => outcomes.shift() ?? { ok: true, statusCode: 200, reason: 'OK', retryAfterMs: null });
  const sip = { sipCallId: 'c1', direction: 'inbound', setEvents: () => undefined, reinvite, releaseMedia: () => undefined } as unknown as CallSignal;
  const live = lifecycle.create({ sip, number: '1002', isVideo: false, ringing: false });
  registry.patch(live.callId, { status: { callStatus: 'talking' }, timestamps: { answeredAt: Date.now() - ACK_SETTLE_MS } });
  return { holds: new HoldController(ctx, registry, lifecycle), registry, live, reinvite };
}

describe('HoldController retries', () => {
  afterEach(() => vi.useRealTimers());

  it('retries a 500 + Retry-After after the delay and then holds', async () => {
    vi.useFakeTimers();
    const { holds, registry, live, reinvite } = harness([refused(500, 2000)]);
    expect(holds.request(live.callId, true)).toBe(true);
    await vi.advanceTimersByTimeAsync(1999);
    expect(reinvite).toHaveBeenCalledTimes(1);
    expect(registry.record(live.callId)?.status.isHold).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(reinvite).toHaveBeenCalledTimes(2);
    expect(registry.record(live.callId)?.status.isHold).toBe(true);
  });

  it('a hold that finally fails leaves isHold as it was and reports clientError', async () => {
    const { holds, registry, live } = harness([refused(488, null, 'Not Acceptable Here')]);
    const errors: string[] = [];
    live.session.on('clientError', ({ cause }) => errors.push(cause));
    holds.request(live.callId, true);
    await expect.poll(() => errors).toEqual(['hold failed: 488 Not Acceptable Here']);
    expect(registry.record(live.callId)?.status.isHold).toBe(false);
  });

  it('a call that ends during the wait clears the retry timer', async () => {
    vi.useFakeTimers();
    const { holds, live, reinvite } = harness([refused(500, 5000)]);
    holds.request(live.callId, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    for (const cleanup of live.cleanups) cleanup();
    expect(vi.getTimerCount()).toBe(0);
    expect(reinvite).toHaveBeenCalledTimes(1);
  });
});
