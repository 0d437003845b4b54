import type { CallRecord, CallStatus, CommunicationType } from './call-status.js';
import type { AutoAnswerMode } from './auto-answer.js';
import type { DeviceIds, RecordPermissions } from './config.js';
import type { PhoneIdentity, PhoneState, ReconnectState } from './phone-state.js';

/** The reconnect state of a phone that is not retrying. */
export const NOT_RECONNECTING: ReconnectState = Object.freeze({ attempt: 0, nextAttemptAt: null, exhausted: false });

/** The store of a phone before `start()`: idle, unregistered, no calls. */
export function initialPhoneState(
  identity: PhoneIdentity,
  recordPermissions: RecordPermissions,
  deviceIds: DeviceIds | undefined,
  server: string,
  autoAnswer: AutoAnswerMode = 'never',
): PhoneState {
  return {
    transport: 'idle',
    server,
    registration: { status: 'unregistered' },
    isRegistered: false,
    identity,
    lastError: null,
    reconnect: NOT_RECONNECTING,
    recordPermissions,
    deviceIds: { ...deviceIds },
    calls: {},
    callIds: [],
    incomingIds: [],
    currentSessionID: null,
    isMaxCall: false,
    doNotDisturb: false,
    autoAnswer,
    destroyed: false,
  };
}

/** What a new call's record is made from; every other field starts at its initial value. */
export interface NewCallFacts {
  readonly callId: string;
  readonly number: string;
  readonly communicationType: CommunicationType;
  readonly name?: string;
  readonly avatar?: string;
  readonly company?: string;
  readonly isVideo?: boolean;
}

/** The record of a call that just appeared: ringing (inbound) or calling (outbound); `status` overrides fields. */
export function newCallRecord(facts: NewCallFacts, now: number, status?: Partial<CallStatus>): CallRecord {
  const inbound = facts.communicationType === 'inbound';
  return {
    status: {
      callId: facts.callId,
      number: facts.number,
      name: facts.name ?? '',
      avatar: facts.avatar ?? '',
      company: facts.company ?? '',
      communicationType: facts.communicationType,
      isVideo: facts.isVideo ?? false,
      isRing: inbound,
      isHold: false,
      isMute: false,
      callStatus: inbound ? 'ringing' : 'calling',
      callStartTime: 0,
      recordStatus: 'stop',
      isTransfer: false,
      isConference: false,
      isRecovering: false,
      isAutoAnswered: false,
      isEarlyMedia: false,
      ...status,
    },
    timestamps: { createdAt: now, answeredAt: 0, holdStartedAt: 0, heldMs: 0 },
    transfer: { status: 'idle' },
    manualStaticStatus: false,
    lastReport: null,
    pendingHold: null,
    qualityWarnings: [],
    videoChange: { status: 'idle' },
  };
}
