import { checkIncoming } from '../call-guards.js';
import type { CallReport } from '../call-status.js';
import type { ScriptedCallBook, ScriptedContext } from './scripted-call-book.js';
import { causeOfCode } from './scripted-calls.js';
import type { IncomingCaller, RefusedCall, ScriptedPhoneOptions } from './scripted-types.js';

/** What the far-end scripting needs from the phone. */
export interface ScriptHost {
  readonly callBook: ScriptedCallBook;
  readonly context: ScriptedContext;
  readonly options: Readonly<ScriptedPhoneOptions>;
  readonly refusedIncoming: RefusedCall[];
  newCallId(): string;
}

/**
 * The far end and the network of a scripted phone, as plain functions the
 * phone's scripting methods delegate to. Each returns `false` when the call
 * is unknown or not in a state where that could happen.
 */
export const farEnd = {
  incoming(host: ScriptHost, caller: IncomingCaller): string {
    const callId = host.newCallId();
    const state = host.context.getState();
    if (checkIncoming(state.callIds.length, host.context.maxConcurrentCalls, host.options.disableCallWaiting ?? false) !== null) {
      host.refusedIncoming.push({ callId, number: caller.number, code: 486 });
      return callId;
    }
    const { number, name, avatar, company, isVideo } = caller;
    host.callBook.add({ callId, number, name, avatar, company, isVideo, communicationType: 'inbound' });
    return callId;
  },

  ringing(host: ScriptHost, callId: string): boolean {
    const record = host.callBook.record(callId);
    if (record?.status.callStatus !== 'calling') return false;
    if (!record.status.isRing) host.callBook.update(callId, { status: { isRing: true } });
    return true;
  },

  answer(host: ScriptHost, callId: string): boolean {
    const record = host.callBook.record(callId);
    if (record?.status.callStatus !== 'calling') return false;
    const now = host.context.now();
    host.callBook.update(callId, { status: { callStatus: 'connecting', isRing: false, callStartTime: now }, timestamps: { answeredAt: now } });
    host.callBook.sessions.get(callId)?.emitter.emit('accepted', { callId });
    if (host.options.autoConfirm ?? true) farEnd.confirm(host, callId);
    return true;
  },

  confirm(host: ScriptHost, callId: string): boolean {
    if (host.callBook.record(callId)?.status.callStatus !== 'connecting') return false;
    host.callBook.update(callId, { status: { callStatus: 'talking' } });
    host.callBook.sessions.get(callId)?.emitter.emit('confirmed', { callId });
    return true;
  },

  hangup(host: ScriptHost, callId: string, cause: string | undefined): boolean {
    const record = host.callBook.record(callId);
    if (!record) return false;
    const phase = record.status.callStatus;
    if (phase === 'ringing' || phase === 'calling') host.callBook.end(callId, { kind: 'failed', cause: cause ?? 'canceled', code: 487 });
    else host.callBook.end(callId, { kind: 'ended', cause: cause ?? 'remote hangup' });
    return true;
  },

  reject(host: ScriptHost, callId: string, code: number, cause: string | undefined): boolean {
    if (host.callBook.record(callId)?.status.callStatus !== 'calling') return false;
    host.callBook.end(callId, { kind: 'failed', cause: cause ?? causeOfCode(code), code });
    return true;
  },

  dtmf(host: ScriptHost, callId: string, digit: string): boolean {
    const session = host.callBook.sessions.get(callId);
    if (!session || !host.callBook.record(callId)) return false;
    session.emitter.emit('dtmf', { callId, digit });
    return true;
  },

  stream(host: ScriptHost, callId: string, stream: MediaStream): boolean {
    const session = host.callBook.sessions.get(callId);
    const record = host.callBook.record(callId);
    if (!session || !record) return false;
    session.setRemoteStream(stream);
    session.emitter.emit('streamAdded', { callId, communicationType: record.status.communicationType, stream });
    return true;
  },

  report(host: ScriptHost, callId: string, report: CallReport): boolean {
    if (!host.callBook.record(callId)) return false;
    host.callBook.update(callId, { lastReport: report });
    host.callBook.sessions.get(callId)?.emitter.emit('callReport', { callId, callReport: report });
    return true;
  },

  /** The far end accepted the REFER: the transferred call (and a consultation leg) end. */
  transferAccepted(host: ScriptHost, callId: string): boolean {
    const record = host.callBook.record(callId);
    const parentId = record?.status.transferParent?.callId ?? callId;
    const parent = host.callBook.record(parentId);
    if (!parent) return false;
    const transfer = parent.transfer;
    if (transfer.status !== 'blind-pending' && transfer.status !== 'completing') return false;
    const consultId = record?.status.transferParent ? callId : undefined;
    host.callBook.end(parentId, { kind: 'ended', cause: 'transferred' });
    const leg = consultId ?? host.context.getState().callIds.find((id) => host.callBook.record(id)?.status.transferParent?.callId === parentId);
    if (leg !== undefined && transfer.status === 'completing') host.callBook.end(leg, { kind: 'ended', cause: 'transferred' });
    return true;
  },

  /** The far end refused the REFER; the calls go on. */
  transferFailed(host: ScriptHost, callId: string, reason: string): boolean {
    const record = host.callBook.record(callId);
    const parentId = record?.status.transferParent?.callId ?? callId;
    const parent = host.callBook.record(parentId);
    if (!parent || (parent.transfer.status !== 'blind-pending' && parent.transfer.status !== 'completing')) return false;
    host.callBook.update(parentId, { transfer: { status: 'failed', target: parent.transfer.target, reason } });
    host.callBook.sessions.get(parentId)?.emitter.emit('clientError', { callId: parentId, cause: `transfer failed: ${reason}` });
    return true;
  },
};
