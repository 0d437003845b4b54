import type { CallRecord, CallStatus, CallTimestamps, CommunicationType, TimerType } from '../call-status.js';
import type { PhoneState } from '../phone-state.js';
import { computeTimer } from '../call-timer.js';
import { DTMF_DIGITS } from '../dtmf.js';
import { newCallRecord } from '../initial-state.js';
import { isValidNumber } from '../number.js';

/** True for a number the real phone accepts: the scripted phone uses the core's own check. */
export function isDiallable(number: unknown): number is string {
  return typeof number === 'string' && isValidNumber(number);
}

/** True for a non-empty string of DTMF digits. */
export function isDtmf(digits: unknown): digits is string {
  return typeof digits === 'string' && DTMF_DIGITS.test(digits);
}

/** Durations in whole seconds at `now`: the core's own derivation. */
export function timerOf(timestamps: CallTimestamps, communicationType: CommunicationType, now: number): TimerType {
  return computeTimer(communicationType, timestamps, now);
}

/** What a new call record is made from. */
export interface NewCall {
  callId: string;
  number: string;
  communicationType: CommunicationType;
  name?: string;
  avatar?: string;
  company?: string;
  isVideo?: boolean;
  transferParent?: CallStatus['transferParent'];
}

/** A fresh record: ringing (inbound) or calling (outbound); a consultation leg when it has a `transferParent`. */
export function scriptedCallRecord(call: NewCall, now: number): CallRecord {
  return newCallRecord(call, now, call.transferParent ? { isTransfer: true, transferParent: call.transferParent } : undefined);
}

/** The store fields that change when calls are added or removed. */
export type CallFields = Pick<PhoneState, 'calls' | 'callIds' | 'incomingIds' | 'currentSessionID' | 'isMaxCall'>;

/** The call fields after `record` joined; it becomes the current call. */
export function withCall(state: PhoneState, record: CallRecord, maxCalls: number): CallFields {
  const id = record.status.callId;
  const callIds = [...state.callIds, id];
  return {
    calls: { ...state.calls, [id]: record },
    callIds,
    incomingIds: record.status.callStatus === 'ringing' ? [...state.incomingIds, id] : state.incomingIds,
    currentSessionID: id,
    isMaxCall: callIds.length >= maxCalls,
  };
}

/** The call fields after `callId` left; the current call falls back to the latest remaining one. */
export function withoutCall(state: PhoneState, callId: string, maxCalls: number): CallFields {
  const { [callId]: _gone, ...calls } = state.calls;
  const callIds = state.callIds.filter((id) => id !== callId);
  const current = state.currentSessionID === callId ? (callIds[callIds.length - 1] ?? null) : state.currentSessionID;
  return {
    calls,
    callIds,
    incomingIds: state.incomingIds.filter((id) => id !== callId),
    currentSessionID: current,
    isMaxCall: callIds.length >= maxCalls,
  };
}

/** A copy of `record` with parts of its status, timestamps or transfer replaced. */
export function patchRecord(
  record: CallRecord,
  patch: {
    status?: Partial<CallStatus>;
    timestamps?: Partial<CallTimestamps>;
    transfer?: CallRecord['transfer'];
    manualStaticStatus?: boolean;
    lastReport?: CallRecord['lastReport'];
  },
): CallRecord {
  return {
    ...record,
    ...(patch.status ? { status: { ...record.status, ...patch.status } } : {}),
    ...(patch.timestamps ? { timestamps: { ...record.timestamps, ...patch.timestamps } } : {}),
    ...(patch.transfer ? { transfer: patch.transfer } : {}),
    ...(patch.manualStaticStatus !== undefined ? { manualStaticStatus: patch.manualStaticStatus } : {}),
    ...(patch.lastReport !== undefined ? { lastReport: patch.lastReport } : {}),
  };
}

/** The usual reason phrase of a SIP final response, as a lower-case cause. */
export function causeOfCode(code: number): string {
  switch (code) {
    case 404:
      return 'not found';
    case 408:
      return 'request timeout';
    case 480:
      return 'unavailable';
    case 486:
      return 'busy';
    case 487:
      return 'canceled';
    case 603:
      return 'declined';
    default:
      return `rejected (${code})`;
  }
}
