export { PhoneOperator, createPhone } from './phone-operator.js';
export { PhoneConfigError, PhoneDestroyedError } from './errors.js';
export { ResultCode, PHONE_OK, result, isSuccess, resultName } from './result.js';
export type { Result, ResultName, ResultCodeValue, ErrorName } from './result.js';
export { isLoopbackHost } from './config.js';
export type {
  PhoneConfig,
  DeviceIds,
  RecordPermissions,
  DtmfMethod,
  DndResponseCode,
  ReconnectOptions,
  KeepAliveOptions,
  KeepAliveMethod,
  ReferTarget,
} from './config.js';
export { AUTO_ANSWER_MODES } from './auto-answer.js';
export type { AutoAnswerMode } from './auto-answer.js';
export type { PhoneState, TransportStatus, RegistrationState, ReconnectState, PhoneIdentity } from './phone-state.js';
export type { PhoneEventMap, DeviceFallback, IncomingRefusal, IncomingRefusalReason } from './phone-events.js';
export type { ReadonlyStore } from './readonly-store.js';
export type { Listener } from './typed-emitter.js';
export type { PhoneLogger, LogLevel } from './logger.js';
export type {
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
  AppCallStatus,
} from './call-status.js';
export type { MediaSeam } from './sip/media-seam.js';
export { Session } from './session.js';
export { CallEndCause, causeForStatus } from './call-causes.js';
export type { CallEndCauseValue } from './call-causes.js';
export { CALL_COMMANDS, bindCallCommands } from './call-commands.js';
export type { CallCommands, PhoneCallCommands, PhoneCommandName } from './call-commands.js';
export { parseDialTarget, isValidNumber, MAX_NUMBER_LENGTH } from './number.js';
export type { DialTarget, DialTargetResult } from './number.js';
export { computeTimer, formatDuration } from './call-timer.js';
export { estimateMos } from './mos.js';
export type { PhoneApi, SessionApi, SessionEventMap, CallOptions, TerminateType } from './phone-api.js';
export { DEFAULT_QUALITY_THRESHOLDS, QUALITY_WARNING_NAMES } from './quality-thresholds.js';
export type { QualityThresholds, QualityWarningName, ResolvedQualityThresholds } from './quality-thresholds.js';
export type { QualityWarning } from './quality-warnings.js';
