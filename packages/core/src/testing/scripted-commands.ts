import type { CallOptions } from '../phone-api.js';
import { checkOutgoing } from '../call-guards.js';
import { PHONE_OK, result, type Result } from '../result.js';
import type { ScriptHost } from './scripted-script.js';
import { farEnd } from './scripted-script.js';
import { isDiallable, timerOf } from './scripted-calls.js';

/** What the local commands need from the phone, beyond the far-end host. */
export interface CommandHost extends ScriptHost {
  lastCallId: string | null;
  /** When the previous outgoing call started (epoch ms), 0 if never: the one-second rule. */
  lastOutgoingAt: number;
}

/**
 * The call commands of a scripted phone (the user's side), as plain
 * functions the phone's `PhoneApi` methods delegate to after logging.
 */
export const nearEnd = {
  /** `call()`: the real phone's guards, in its order (its own `checkOutgoing`), then a `calling` call. */
  call(host: CommandHost, number: string, options: CallOptions | undefined, transferId: string | undefined): Result {
    const state = host.context.getState();
    if (state.destroyed) return result('UNKNOWN_ERROR', 'phone destroyed');
    if (!isDiallable(number)) return result('INVALID_NUMBER', String(number).slice(0, 40));
    const parent = transferId === undefined ? undefined : host.callBook.record(transferId);
    if (transferId !== undefined && (!parent || !nearEnd.isAnswered(host, transferId))) {
      return result('ATTENDED_PARENT_NOT_FOUND', parent ? 'the call to transfer is not established' : `no call ${transferId}`);
    }
    const now = host.context.now();
    const refused = checkOutgoing({
      callCount: state.callIds.length,
      maxConcurrentCalls: host.context.maxConcurrentCalls,
      hasUnansweredOutgoing: state.callIds.some((id) => state.calls[id]?.status.callStatus === 'calling'),
      lastOutgoingAt: host.lastOutgoingAt,
      now,
    });
    if (refused) return refused;
    if (state.transport !== 'connected') return result('UNKNOWN_ERROR', 'not connected to the SIP server');
    host.lastOutgoingAt = now;
    const callId = host.newCallId();
    let transferParent;
    if (parent && transferId !== undefined) {
      nearEnd.hold(host, transferId, true);
      const held = host.callBook.record(transferId)!;
      const timer = timerOf(held.timestamps, held.status.communicationType, host.context.now());
      const { name, avatar, number: parentNumber } = held.status;
      transferParent = { callId: transferId, name, avatar, number: parentNumber, callDuration: timer.callDuration, holdDuration: timer.holdDuration };
      host.callBook.update(transferId, { transfer: { status: 'attended-consulting', consultCallId: callId, target: number } });
    }
    host.callBook.add({ callId, number, communicationType: 'outbound', isVideo: Boolean(options?.video), transferParent });
    host.lastCallId = callId;
    return PHONE_OK;
  },

  /** `answer()`: a ringing call goes to `connecting` (200 OK sent) and becomes current; then `talking` unless `autoConfirm: false`. */
  answer(host: CommandHost, callId: string, options: CallOptions | undefined): Result {
    const record = host.callBook.record(callId);
    if (!record) return result('NOT_FOUND_CALL_ID', callId);
    if (record.status.callStatus !== 'ringing') return result('UNKNOWN_ERROR', 'the call is not ringing');
    const now = host.context.now();
    const incomingIds = host.context.getState().incomingIds.filter((id) => id !== callId);
    const isVideo = Boolean(options?.video) || record.status.isVideo;
    host.callBook.update(
      callId,
      { status: { callStatus: 'connecting', isRing: false, callStartTime: now, isVideo }, timestamps: { answeredAt: now } },
      { incomingIds, currentSessionID: callId },
    );
    host.callBook.sessions.get(callId)?.emitter.emit('accepted', { callId });
    if (host.options.autoConfirm ?? true) farEnd.confirm(host, callId);
    return PHONE_OK;
  },

  /** Refuses a ringing inbound call with 486. */
  reject(host: CommandHost, callId: string): boolean {
    if (host.callBook.record(callId)?.status.callStatus !== 'ringing') return false;
    host.callBook.end(callId, { kind: 'failed', cause: 'rejected', code: 486 });
    return true;
  },

  /** Ends a call from this side: 486 to a ringing call, CANCEL (487) before an answer, BYE after. */
  end(host: CommandHost, callId: string, cause: string): boolean {
    const phase = host.callBook.record(callId)?.status.callStatus;
    if (phase === undefined) return false;
    if (phase === 'ringing') return nearEnd.reject(host, callId);
    if (phase === 'calling') host.callBook.end(callId, { kind: 'failed', cause: 'canceled', code: 487 });
    else host.callBook.end(callId, { kind: 'ended', cause });
    return true;
  },

  /** True for a call past its 200 OK. */
  isAnswered(host: CommandHost, callId: string): boolean {
    const phase = host.callBook.record(callId)?.status.callStatus;
    return phase === 'talking' || phase === 'connecting';
  },

  /** Hold or resume a talking call; keeps `holdStartedAt`/`heldMs` so hold time is derived, not counted. */
  hold(host: CommandHost, callId: string, hold: boolean): boolean {
    const record = host.callBook.record(callId);
    if (!record || record.status.callStatus !== 'talking') return false;
    if (record.status.isHold === hold) return true;
    const now = host.context.now();
    const { holdStartedAt, heldMs } = record.timestamps;
    host.callBook.update(callId, {
      status: { isHold: hold },
      timestamps: hold ? { holdStartedAt: now } : { holdStartedAt: 0, heldMs: heldMs + (now - holdStartedAt) },
    });
    return true;
  },

  mute(host: CommandHost, callId: string, mute: boolean): boolean {
    const record = host.callBook.record(callId);
    if (!record) return false;
    if (record.status.isMute !== mute) host.callBook.update(callId, { status: { isMute: mute } });
    return true;
  },

  /** Starting needs permission 2; resuming a paused recording needs 1. */
  startRecord(host: CommandHost, callId: string): boolean {
    const record = host.callBook.record(callId);
    if (!record || !nearEnd.isAnswered(host, callId)) return false;
    const needed = record.status.recordStatus === 'pause' ? 1 : 2;
    if (record.status.recordStatus === 'recording' || host.context.getState().recordPermissions < needed) return false;
    host.callBook.update(callId, { status: { recordStatus: 'recording' } });
    return true;
  },

  pauseRecord(host: CommandHost, callId: string): boolean {
    const record = host.callBook.record(callId);
    if (!record || record.status.recordStatus !== 'recording' || host.context.getState().recordPermissions < 1) return false;
    host.callBook.update(callId, { status: { recordStatus: 'pause' } });
    return true;
  },

  blindTransfer(host: CommandHost, callId: string, number: string): boolean {
    if (!nearEnd.isAnswered(host, callId) || !isDiallable(number)) return false;
    host.callBook.update(callId, { transfer: { status: 'blind-pending', target: number } });
    return true;
  },

  /** REFER with Replaces from the consultation leg: the parent's transfer becomes `completing`. */
  completeTransfer(host: CommandHost, consultCallId: string): boolean {
    const consult = host.callBook.record(consultCallId);
    const parentId = consult?.status.transferParent?.callId;
    const parent = parentId === undefined ? undefined : host.callBook.record(parentId);
    if (!consult || consult.status.callStatus !== 'talking' || !parent || parent.transfer.status !== 'attended-consulting') return false;
    host.callBook.update(parent.status.callId, { transfer: { status: 'completing', target: parent.transfer.target } });
    return true;
  },
};
