import type { DeviceIds, RecordPermissions } from './config.js';
import type { PhoneIdentity, PhoneState, ReconnectState } from './phone-state.js';

/** The reconnect state of a phone that is not retrying. */
export const NOT_RECONNECTING: ReconnectState = Object.freeze({ attempt: 0, nextAttemptAt: null, exhausted: false });

/** The store of a phone before `start()`: idle, unregistered, no calls. */
export function initialPhoneState(identity: PhoneIdentity, recordPermissions: RecordPermissions, deviceIds: DeviceIds | undefined): PhoneState {
  return {
    transport: 'idle',
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
    destroyed: false,
  };
}
