import {
  bindCallCommands,
  CALL_COMMANDS,
  type CallCommands,
  type CallOptions,
  type DeviceIds,
  type PhoneApi,
  type PhoneCommandName,
  type RecordPermissions,
} from '@webphone/core';

/** The phone methods offered as commands besides the call commands. */
const PHONE_METHODS = ['disconnect', 'reRegister', 'call', 'setCurrentSession', 'setDoNotDisturb', 'setAutoAnswer', 'setDeviceIds'] as const;

/**
 * The phone's commands, bound to the phone, with stable identities for the
 * life of the provider: the `PhoneApi` methods of the same names (every call
 * command, plus `disconnect`, `reRegister`, `call`, `setCurrentSession`,
 * `setDoNotDisturb`, `setAutoAnswer`, `setDeviceIds`), and `start` and `setRecordPermissions`.
 */
export interface PhoneCommands extends Pick<PhoneApi, PhoneCommandName | (typeof PHONE_METHODS)[number]> {
  /** Connects and registers (the provider does this itself unless `autoStart={false}`). */
  start(): void;
  /** Sets `phone.recordPermissions` (0 none, 1 pause/resume, 2 start/pause/resume). */
  setRecordPermissions(value: RecordPermissions): void;
}

/** One call's commands, bound to its id: the core's call commands, plus `makeCurrent`. */
export interface SessionCommands extends CallCommands {
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
  const bound: Record<string, unknown> = {};
  for (const name of [...Object.values(CALL_COMMANDS), ...PHONE_METHODS])
    bound[name] = (...args: unknown[]) => (phone[name] as (...rest: unknown[]) => unknown)(...args);
  return {
    ...(bound as Pick<PhoneCommands, PhoneCommandName | (typeof PHONE_METHODS)[number]>),
    start: () => void phone.start(),
    call: (number, options, transferId) => phone.call(number, withChosenDevices(options, chosen()), transferId),
    answer: (callId, options) => phone.answer(callId, withChosenDevices(options, chosen())),
    setRecordPermissions: (value) => {
      phone.recordPermissions = value;
    },
  };
}

/** The commands of one call, bound to `callId`. */
export function bindSessionCommands(commands: PhoneCommands, callId: string): SessionCommands {
  return { ...bindCallCommands(commands, callId), makeCurrent: () => commands.setCurrentSession(callId) };
}
