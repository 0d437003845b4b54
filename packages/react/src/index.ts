/**
 * `@webphone/react`: React bindings for `@webphone/core`.
 *
 * @remarks
 * Thin by design: hooks select from `phone.store`; no SIP logic lives here.
 * The core's public types (and its few values an app needs) are re-exported,
 * so an app depends on this one package.
 *
 * @packageDocumentation
 */
export { PhoneProvider } from './PhoneProvider.js';
export type { PhoneProviderProps } from './PhoneProvider.js';
export { usePhone } from './usePhone.js';
export type { PhoneHandle } from './usePhone.js';
export { usePhoneCommands } from './usePhoneCommands.js';
export { useNow } from './useNow.js';
export type { PhoneCommandsHandle } from './usePhoneCommands.js';
export { useSession } from './useSession.js';
export type { SessionHandle } from './useSession.js';
export { useIncomingCalls } from './useIncomingCalls.js';
export { useCurrentSession } from './useCurrentSession.js';
export { useRegistration } from './useRegistration.js';
export type { RegistrationView } from './useRegistration.js';
export { useCallTimer } from './useCallTimer.js';
export { usePhoneEvent } from './usePhoneEvent.js';
export { useMediaDevices } from './useMediaDevices.js';
export type { MediaDevicesView, DeviceKind } from './useMediaDevices.js';
export type { MediaDeviceOption, DeviceListStatus } from './local-store.js';
export { CallAudio, useAudioPlayback } from './CallAudio.js';
export { useCallMedia } from './useCallMedia.js';
export type { CallMedia } from './useCallMedia.js';
export type { CallAudioProps, AudioPlayback } from './CallAudio.js';
export type { PhoneCommands, SessionCommands } from './commands.js';

// ── from @webphone/core ────────────────────────────────────────────────
export {
  PhoneOperator,
  createPhone,
  PhoneConfigError,
  PhoneDestroyedError,
  ResultCode,
  PHONE_OK,
  isSuccess,
  resultName,
  computeTimer,
  formatDuration,
  AUTO_ANSWER_MODES,
} from '@webphone/core';
export type {
  PhoneApi,
  SessionApi,
  SessionEventMap,
  CallOptions,
  TerminateType,
  Result,
  ResultName,
  ResultCodeValue,
  ErrorName,
  PhoneConfig,
  DeviceIds,
  RecordPermissions,
  DtmfMethod,
  DndResponseCode,
  AutoAnswerMode,
  IncomingRefusal,
  IncomingRefusalReason,
  ReconnectOptions,
  PhoneState,
  TransportStatus,
  RegistrationState,
  ReconnectState,
  PhoneIdentity,
  PhoneEventMap,
  ReadonlyStore,
  Listener,
  PhoneLogger,
  LogLevel,
  StaticCallStatus,
  CallStatus,
  CallPhase,
  CommunicationType,
  RecordStatus,
  TransferParent,
  TimerType,
  CallTimestamps,
  TransferState,
  CallReport,
  MediaQuality,
  VideoQuality,
  VideoChangeState,
  CallEnd,
  CallRecord,
  MediaSeam,
} from '@webphone/core';
