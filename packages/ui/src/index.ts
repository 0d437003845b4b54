/**
 * `@webphone/ui`: softphone widgets for React.
 *
 * @remarks
 * Two layers. The presentational widgets (`Dialer`, `ActiveCall`…) take plain
 * data (the core's `CallStatus`, `RegistrationState`…) and callbacks; none
 * imports the phone, the store or sip.js. The connected widgets
 * (`ConnectedDialer`, `ConnectedActiveCall`…) and the drop-in `Softphone` read
 * the phone of the nearest `<PhoneProvider>` from `@webphone/react`. Import the
 * styles once: `import '@webphone/ui/styles.css'`.
 *
 * @packageDocumentation
 */
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
export { CallWaitingBar, CALL_WAITING_BAR_LABELS } from './IncomingCall/CallWaitingBar.js';
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
export type { ActiveCallProps } from './ActiveCall/ActiveCall.js';
export { callStatusText, callTone, endReasonText, describeCallChange } from './ActiveCall/call-text.js';
export type { CallTone, CallSnapshot, ShownEnd } from './ActiveCall/call-text.js';
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
export { DevicePicker, DEVICE_PICKER_LABELS } from './DevicePicker/DevicePicker.js';
export type { DevicePickerProps, DevicePickerLabels, DevicePickerDevices } from './DevicePicker/DevicePicker.js';
export { ConnectedDevicePicker } from './connected/ConnectedDevicePicker.js';
export type { ConnectedDevicePickerProps } from './connected/ConnectedDevicePicker.js';
export type { CallSoundsProps } from './connected/CallSounds.js';
export type { ConnectedIncomingCallProps } from './connected/ConnectedIncomingCall.js';
export { ConnectedActiveCall } from './connected/ConnectedActiveCall.js';
export type { ConnectedActiveCallProps } from './connected/ConnectedActiveCall.js';
export { ConnectedCallSwitcher } from './connected/ConnectedCallSwitcher.js';
export type { ConnectedCallSwitcherProps } from './connected/ConnectedCallSwitcher.js';
export { ConnectedRegistrationStatus } from './connected/ConnectedRegistrationStatus.js';
export type { ConnectedRegistrationStatusProps } from './connected/ConnectedRegistrationStatus.js';
export { ConnectedDoNotDisturbToggle } from './connected/ConnectedDoNotDisturbToggle.js';
export type { ConnectedDoNotDisturbToggleProps } from './connected/ConnectedDoNotDisturbToggle.js';
export { useEndedCall } from './connected/useEndedCall.js';
export type { EndedCall, EndedCallState } from './connected/useEndedCall.js';
export { useRingback } from './connected/useRingback.js';
export { activeCallIdOf, liveCallsOf, callsToHold } from './connected/call-selection.js';
export { callErrorText } from './connected/result-text.js';
