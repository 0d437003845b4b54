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
export { Dialer } from './Dialer/Dialer';
export type { DialerProps } from './Dialer/Dialer';
export { Keypad } from './Keypad/Keypad';
export type { KeypadProps } from './Keypad/Keypad';
export { KEYPAD_LAYOUT, KEYBOARD_TO_KEYPAD, keypadKeyFor } from './Keypad/keypad-keys';
export type { KeypadKey } from './Keypad/keypad-keys';
export { DTMF_FREQUENCIES, playDtmfTone } from './Keypad/dtmf-tones';
export type { DtmfToneOptions } from './Keypad/dtmf-tones';
export { IncomingCall } from './IncomingCall/IncomingCall';
export type { IncomingCallProps, IncomingCallInfo } from './IncomingCall/IncomingCall';
export { startRingtone } from './IncomingCall/ringtone';
export type { RingtoneOptions } from './IncomingCall/ringtone';
export { ActiveCall } from './ActiveCall/ActiveCall';
export type { ActiveCallProps } from './ActiveCall/ActiveCall';
export { callStatusText, callTone, endReasonText, describeCallChange } from './ActiveCall/call-text';
export type { CallTone, CallSnapshot } from './ActiveCall/call-text';
export { CallTimer } from './CallTimer/CallTimer';
export type { CallTimerProps } from './CallTimer/CallTimer';
export { TransferPanel } from './TransferPanel/TransferPanel';
export type { TransferPanelProps, TransferMode } from './TransferPanel/TransferPanel';
export { TransferStatus } from './TransferStatus/TransferStatus';
export type { TransferStatusProps } from './TransferStatus/TransferStatus';
export { CallSwitcher } from './CallSwitcher/CallSwitcher';
export type { CallSwitcherProps } from './CallSwitcher/CallSwitcher';
export { RegistrationStatus, describeRegistration } from './RegistrationStatus/RegistrationStatus';
export type { RegistrationStatusProps, RegistrationTone } from './RegistrationStatus/RegistrationStatus';
export { Avatar } from './Avatar/Avatar';
export type { AvatarProps } from './Avatar/Avatar';
export { safeAvatarUrl, initialsFor } from './Avatar/safe-avatar-url';
export { cleanNumber, validateNumber, numberProblemMessage, isImmediateProblem, MAX_NUMBER_LENGTH } from './number/phone-number';
export type { NumberProblem, NumberValidation } from './number/phone-number';
export { isoDuration, secondsSince } from './format/duration';
export { formatDuration } from '@webphone/core';

// ── connected to the phone of <PhoneProvider> (@webphone/react) ───────────
export { Softphone } from './Softphone/Softphone';
export type { SoftphoneProps } from './Softphone/Softphone';
export { ConnectedDialer } from './connected/ConnectedDialer';
export type { ConnectedDialerProps } from './connected/ConnectedDialer';
export { ConnectedIncomingCall } from './connected/ConnectedIncomingCall';
export type { ConnectedIncomingCallProps } from './connected/ConnectedIncomingCall';
export { ConnectedActiveCall } from './connected/ConnectedActiveCall';
export type { ConnectedActiveCallProps } from './connected/ConnectedActiveCall';
export { ConnectedCallSwitcher } from './connected/ConnectedCallSwitcher';
export type { ConnectedCallSwitcherProps } from './connected/ConnectedCallSwitcher';
export { ConnectedRegistrationStatus } from './connected/ConnectedRegistrationStatus';
export type { ConnectedRegistrationStatusProps } from './connected/ConnectedRegistrationStatus';
export { useEndedCall } from './connected/useEndedCall';
export type { EndedCall, EndedCallState } from './connected/useEndedCall';
export { activeCallIdOf, liveCallsOf, callsToHold } from './connected/call-selection';
export { callErrorText } from './connected/result-text';
