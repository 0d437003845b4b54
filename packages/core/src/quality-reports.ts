import type { CallRegistry } from './call-registry.js';
import type { CallRecord, CallReport } from './call-status.js';
import type { LiveCall } from './live-call.js';
import { readSdpFacts } from './media/sdp-facts.js';
import type { PhoneContext } from './phone-context.js';
import { QualityWarningDetector, type AudioExpectation } from './quality-warnings.js';

/**
 * Which audio directions should carry packets on a call now.
 *
 * @remarks
 * None while the call is held, being held or recovering its signalling.
 * Outgoing audio is not expected while muted, nor when the far end's last
 * description says it does not want to receive (`sendonly`/`inactive`: it
 * holds us); incoming audio is not expected when it says it will not send
 * (`recvonly`/`inactive`).
 */
export function audioExpectation(live: LiveCall, record: CallRecord): AudioExpectation {
  const { status } = record;
  const flowing = !status.isHold && !status.isRecovering && record.pendingHold === null && !live.holdWanted;
  const remote = readSdpFacts(live.sip.remoteSdp).audioDirection;
  return {
    inbound: flowing && (remote === 'sendrecv' || remote === 'sendonly'),
    outbound: flowing && !status.isMute && (remote === 'sendrecv' || remote === 'recvonly'),
  };
}

/**
 * Stores each quality report of a call, emits `callReport`, and raises or
 * clears the call's quality warnings. Internal, owned by the call lifecycle.
 */
export class QualityReports {
  readonly #detectors = new WeakMap<LiveCall, QualityWarningDetector>();

  constructor(
    private readonly ctx: PhoneContext,
    private readonly registry: CallRegistry,
  ) {}

  /**
   * Takes one report of a live call: writes `lastReport` (and
   * `qualityWarnings` when they changed), then emits `callReport`,
   * `qualityWarningCleared` and `qualityWarning`. False for a call that is
   * not live.
   */
  report(live: LiveCall, callReport: CallReport): boolean {
    const { callId, session } = live;
    const record = this.registry.record(callId);
    if (!record || this.registry.get(callId) !== live) return false;
    let detector = this.#detectors.get(live);
    if (!detector) {
      detector = new QualityWarningDetector(callId, this.ctx.config.qualityThresholds, record.timestamps.answeredAt || callReport.timestamp);
      this.#detectors.set(live, detector);
    }
    const change = detector.observe(callReport, audioExpectation(live, record));
    this.registry.patch(callId, { rest: change ? { lastReport: callReport, qualityWarnings: change.active } : { lastReport: callReport } });
    session.emit('callReport', { callId, callReport });
    for (const warning of change?.cleared ?? []) session.emit('qualityWarningCleared', { ...warning });
    for (const warning of change?.raised ?? []) session.emit('qualityWarning', { ...warning });
    return true;
  }
}
