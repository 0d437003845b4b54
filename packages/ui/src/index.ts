/**
 * `@webphone/ui`: softphone widgets for React.
 *
 * @remarks
 * Two layers. The presentational widgets (`Dialer`, `ActiveCall`…) take plain
 * data (the core's `CallStatus`, `RegistrationState`…) and callbacks; none
 * imports the phone, the store or sip.js. The connected widgets
 * (`ConnectedDialer`, `ConnectedActiveCall`…) and the drop-in `Softphone` read
 * the phone of the nearest `<PhoneProvider>` from `@webphone/react`. Import the
 * styles once: `import '@webphone/ui/styles.css'`. Texts come from
 * `<WebphoneMessages>` (English by default; Arabic in `@webphone/ui/locales/ar`).
 *
 * @packageDocumentation
 */
export { WebphoneMessages, useMessages, localeAttributes } from './messages/WebphoneMessages.js';
export type { WebphoneMessagesProps } from './messages/WebphoneMessages.js';
export { en } from './messages/en.js';
export { mergeMessages } from './messages/merge-messages.js';
export type { Messages, MessagesOverride, DeepPartial, CallToneName, SipReasonCode, CallErrorCode } from './messages/messages.js';
export { pluralText, formatClock, formatInteger } from './messages/intl.js';
export type { PluralForms } from './messages/intl.js';
export { displayPhoneNumber } from './number/display-number.js';
export { PhoneNumber } from './number/PhoneNumber.js';
export type { PhoneNumberProps } from './number/PhoneNumber.js';
export { Dialer } from './Dialer/Dialer.js';
export type { DialerProps } from './Dialer/Dialer.js';
export { Keypad } from './Keypad/Keypad.js';
export type { KeypadProps } from './Keypad/Keypad.js';
export { KEYPAD_LAYOUT, KEYBOARD_TO_KEYPAD, keypadKeyFor } from './Keypad/keypad-keys.js';
export type { KeypadKey } from './Keypad/keypad-keys.js';
export { DTMF_FREQUENCIES, playDtmfTone } from './Keypad/dtmf-tones.js';
export type { DtmfToneOptions } from './Keypad/dtmf-tones.js';
export { IncomingCall } from './IncomingCall/IncomingCall.js';
export type { IncomingCallProps, IncomingCallInfo } from './IncomingCall/IncomingCall.js';
export { CallWaitingBar } from './IncomingCall/CallWaitingBar.js';
export type { CallWaitingBarProps, CallWaitingBarLabels } from './IncomingCall/CallWaitingBar.js';
export { startRingtone } from './IncomingCall/ringtone.js';
export { CALL_SOUND_CADENCES } from './audio/call-sound-cadences.js';
export type { CallSoundName, SoundRegion, ToneCadence } from './audio/call-sound-cadences.js';
export { playCallSound, hasUserInteracted } from './audio/play-call-sound.js';
export type { CallSoundOptions, CallSoundSource, PlayingSound } from './audio/play-call-sound.js';
export type { RingtoneOptions } from './IncomingCall/ringtone.js';
export { startRingback, RINGBACK_CADENCES } from './audio/ringback.js';
export type { RingbackCadence, RingbackOptions, RingbackRegion, RingbackSound } from './audio/ringback.js';
export { ActiveCall } from './ActiveCall/ActiveCall.js';
export { CallVideo } from './CallVideo/CallVideo.js';
export type { CallVideoProps } from './CallVideo/CallVideo.js';
export type { ActiveCallProps } from './ActiveCall/ActiveCall.js';
export {
  callStatusText,
  callTone,
  endReasonText,
  describeCallChange,
  sipReasonText,
  transferFailureText,
  transferSentence,
  isTransferred,
  isFailure,
  snapshotOf,
} from './ActiveCall/call-text.js';
export { QualityWarnings } from './ActiveCall/QualityWarnings.js';
export type { QualityWarningsProps } from './ActiveCall/QualityWarnings.js';
export { describeQualityChange, QUALITY_WARNING_TEXT } from './ActiveCall/quality-text.js';
export { ControlButton } from './internal/ControlButton.js';
export type { ControlButtonProps } from './internal/ControlButton.js';
export {
  PhoneIcon,
  HangUpIcon,
  MicIcon,
  MicOffIcon,
  PauseIcon,
  RecordIcon,
  KeypadIcon,
  TransferIcon,
  BackspaceIcon,
  CloseIcon,
  CheckIcon,
  SwapIcon,
  WarningIcon,
  DoNotDisturbIcon,
  PersonIcon,
  CameraIcon,
} from './icons/icons.js';
export type { IconProps } from './icons/icons.js';
export type { CallTone, CallSnapshot, ShownEnd, ToneFields } from './ActiveCall/call-text.js';
export { CallTimer } from './CallTimer/CallTimer.js';
export type { CallTimerProps } from './CallTimer/CallTimer.js';
export { TransferPanel } from './TransferPanel/TransferPanel.js';
export type { TransferPanelProps, TransferMode } from './TransferPanel/TransferPanel.js';
export { TransferStatus } from './TransferStatus/TransferStatus.js';
export type { TransferStatusProps } from './TransferStatus/TransferStatus.js';
export { CallSwitcher } from './CallSwitcher/CallSwitcher.js';
export type { CallSwitcherProps } from './CallSwitcher/CallSwitcher.js';
export { RegistrationStatus, describeRegistration } from './RegistrationStatus/RegistrationStatus.js';
export type { RegistrationStatusProps, RegistrationTone } from './RegistrationStatus/RegistrationStatus.js';
export { DoNotDisturbToggle } from './DoNotDisturbToggle/DoNotDisturbToggle.js';
export type { DoNotDisturbToggleProps } from './DoNotDisturbToggle/DoNotDisturbToggle.js';
export { AutoAnswerSelect, AUTO_ANSWER_OPTION_LABELS } from './AutoAnswerSelect/AutoAnswerSelect.js';
export type { AutoAnswerSelectProps, AutoAnswerOptionLabels } from './AutoAnswerSelect/AutoAnswerSelect.js';
export { Avatar } from './Avatar/Avatar.js';
export type { AvatarProps } from './Avatar/Avatar.js';
export { safeAvatarUrl, initialsFor } from './Avatar/safe-avatar-url.js';
export { cleanNumber, validateNumber, numberProblemMessage, isImmediateProblem, MAX_NUMBER_LENGTH } from './number/phone-number.js';
export type { NumberProblem, NumberValidation } from './number/phone-number.js';
export { isoDuration, secondsSince } from './format/duration.js';
export { formatDuration } from '@webphone/core';

// ── connected to the phone of <PhoneProvider> (@webphone/react) ───────────
export { Softphone } from './Softphone/Softphone.js';
export type { SoftphoneProps } from './Softphone/Softphone.js';
export { ConnectedDialer } from './connected/ConnectedDialer.js';
export type { ConnectedDialerProps } from './connected/ConnectedDialer.js';
export { ConnectedIncomingCall } from './connected/ConnectedIncomingCall.js';
export { CallSounds } from './connected/CallSounds.js';
export { DevicePicker } from './DevicePicker/DevicePicker.js';
export type { DevicePickerProps, DevicePickerLabels, DevicePickerDevices } from './DevicePicker/DevicePicker.js';
export { ConnectedDevicePicker } from './connected/ConnectedDevicePicker.js';
export type { ConnectedDevicePickerProps } from './connected/ConnectedDevicePicker.js';
export type { CallSoundsProps } from './connected/CallSounds.js';
export type { ConnectedIncomingCallProps } from './connected/ConnectedIncomingCall.js';
export { ConnectedActiveCall } from './connected/ConnectedActiveCall.js';
export { ConnectedCallVideo } from './connected/ConnectedCallVideo.js';
export type { ConnectedCallVideoProps } from './connected/ConnectedCallVideo.js';
export type { ConnectedActiveCallProps } from './connected/ConnectedActiveCall.js';
export { ConnectedCallSwitcher } from './connected/ConnectedCallSwitcher.js';
export type { ConnectedCallSwitcherProps } from './connected/ConnectedCallSwitcher.js';
export { ConnectedRegistrationStatus } from './connected/ConnectedRegistrationStatus.js';
export type { ConnectedRegistrationStatusProps } from './connected/ConnectedRegistrationStatus.js';
export { ConnectedDoNotDisturbToggle } from './connected/ConnectedDoNotDisturbToggle.js';
export type { ConnectedDoNotDisturbToggleProps } from './connected/ConnectedDoNotDisturbToggle.js';
export { ConnectedAutoAnswerSelect } from './connected/ConnectedAutoAnswerSelect.js';
export type { ConnectedAutoAnswerSelectProps } from './connected/ConnectedAutoAnswerSelect.js';
export { useEndedCall } from './connected/useEndedCall.js';
export type { EndedCall, EndedCallState } from './connected/useEndedCall.js';
export { useRingback } from './connected/useRingback.js';
export { activeCallIdOf, liveCallsOf, callsToHold } from './connected/call-selection.js';
export { callErrorText } from './connected/result-text.js';
export { isEditable } from './internal/is-editable.js';
export { requestFocus } from './internal/focus-request.js';
