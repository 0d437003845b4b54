import type { CallOptions, DeviceIds, PhoneApi, RecordPermissions, Result, StaticCallStatus, TerminateType } from '@webphone/core';

/** The phone methods offered as commands, with the signatures `PhoneApi` gives them. */
type PhoneApiCommands = Pick<
  PhoneApi,
  | 'disconnect'
  | 'reRegister'
  | 'call'
  | 'answer'
  | 'reject'
  | 'hangup'
  | 'terminate'
  | 'blindTransfer'
  | 'attendedTransfer'
  | 'completeTransfer'
  | 'hold'
  | 'unhold'
  | 'dtmf'
  | 'mute'
  | 'unmute'
  | 'startRecord'
  | 'pauseRecord'
  | 'setCurrentSession'
  | 'setSessionStaticStatus'
>;

/**
 * The phone's commands, bound to the phone, with stable identities for the
 * life of the provider: the `PhoneApi` methods of the same names, plus
 * `start` and `setRecordPermissions`.
 */
export interface PhoneCommands extends PhoneApiCommands {
  /** Connects and registers (the provider does this itself unless `autoStart={false}`). */
  start(): void;
  /** Sets `phone.recordPermissions` (0 none, 1 pause/resume, 2 start/pause/resume). */
  setRecordPermissions(value: RecordPermissions): void;
}

/** One call's commands, bound to its id. */
export interface SessionCommands {
  answer(options?: CallOptions): Promise<Result>;
  reject(): boolean;
  hangup(): boolean;
  terminate(type?: TerminateType): boolean;
  blindTransfer(number: string): boolean;
  attendedTransfer(number: string): boolean;
  /** For a consultation leg: joins the held call's far end to this call's (REFER with Replaces). */
  completeTransfer(): boolean;
  hold(): boolean;
  unhold(): boolean;
  dtmf(digits: string): boolean;
  mute(): boolean;
  unmute(): boolean;
  startRecord(): boolean;
  pauseRecord(): boolean;
  setStaticStatus(status: Partial<StaticCallStatus>, manual?: boolean): boolean;
  /** Makes this the current call. */
  makeCurrent(): boolean;
}

/**
 * Media options with the devices chosen through `useMediaDevices`, unless
 * the caller gave its own constraints.
 */
function withChosenDevices(options: CallOptions | undefined, chosen: Partial<DeviceIds>): CallOptions | undefined {
  const { microphoneId, cameraId } = chosen;
  if (microphoneId === undefined && cameraId === undefined) return options;
  const next: CallOptions = { ...options };
  if (microphoneId !== undefined && (options?.audio === undefined || options.audio === true)) next.audio = { deviceId: { exact: microphoneId } };
  if (cameraId !== undefined && options?.video === true) next.video = { deviceId: { exact: cameraId } };
  return next;
}

/** Binds every command to `phone` once. `chosen` reads the devices picked in `useMediaDevices`. */
export function bindPhoneCommands(phone: PhoneApi, chosen: () => Partial<DeviceIds>): PhoneCommands {
  return {
    start: () => void phone.start(),
    disconnect: () => phone.disconnect(),
    reRegister: (user, ha1) => phone.reRegister(user, ha1),
    call: (number, options, transferId) => phone.call(number, withChosenDevices(options, chosen()), transferId),
    answer: (callId, options) => phone.answer(callId, withChosenDevices(options, chosen())),
    reject: (callId) => phone.reject(callId),
    hangup: (callId) => phone.hangup(callId),
    terminate: (callId, type) => phone.terminate(callId, type),
    blindTransfer: (callId, number) => phone.blindTransfer(callId, number),
    attendedTransfer: (callId, number) => phone.attendedTransfer(callId, number),
    completeTransfer: (consultCallId) => phone.completeTransfer(consultCallId),
    hold: (callId) => phone.hold(callId),
    unhold: (callId) => phone.unhold(callId),
    dtmf: (callId, digits) => phone.dtmf(callId, digits),
    mute: (callId) => phone.mute(callId),
    unmute: (callId) => phone.unmute(callId),
    startRecord: (callId) => phone.startRecord(callId),
    pauseRecord: (callId) => phone.pauseRecord(callId),
    setCurrentSession: (callId) => phone.setCurrentSession(callId),
    setSessionStaticStatus: (callId, status, manual) => phone.setSessionStaticStatus(callId, status, manual),
    setRecordPermissions: (value) => {
      phone.recordPermissions = value;
    },
  };
}

/** The commands of one call, bound to `callId`. */
export function bindSessionCommands(commands: PhoneCommands, callId: string): SessionCommands {
  return {
    answer: (options) => commands.answer(callId, options),
    reject: () => commands.reject(callId),
    hangup: () => commands.hangup(callId),
    terminate: (type) => commands.terminate(callId, type),
    blindTransfer: (number) => commands.blindTransfer(callId, number),
    attendedTransfer: (number) => commands.attendedTransfer(callId, number),
    completeTransfer: () => commands.completeTransfer(callId),
    hold: () => commands.hold(callId),
    unhold: () => commands.unhold(callId),
    dtmf: (digits) => commands.dtmf(callId, digits),
    mute: () => commands.mute(callId),
    unmute: () => commands.unmute(callId),
    startRecord: () => commands.startRecord(callId),
    pauseRecord: () => commands.pauseRecord(callId),
    setStaticStatus: (status, manual) => commands.setSessionStaticStatus(callId, status, manual),
    makeCurrent: () => commands.setCurrentSession(callId),
  };
}
