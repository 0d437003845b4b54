import type { Result, ResultCodeValue } from '@webphone/react';

// Keyed by the code's value (a literal, so the `ResultCode` object's long names stay out of the bundle); the names are the contract's.
const MESSAGES: Readonly<Record<number, string>> = {
  '-202': 'Microphone access was denied. Allow it in the browser to make calls.', // GET_AGREE_CHROME_USER_MEDIA_ROLE_ERROR
  '-203': 'The microphone could not be opened.', // GET_LOCAL_STREAM_ERROR
  '-206': 'The microphone could not be opened.', // GET_LOCAL_MEDIA_INFO_ERROR
  '-290': 'No microphone was found.', // NOT_FOUND_AUDIO_INPUT_DEVICE
  '-291': 'No camera was found.', // NOT_FOUND_VIDEO_INPUT_DEVICE
  '-205': 'You are on the maximum number of calls.', // MAX_LIMIT_CALL
  '-208': 'Wait a moment before calling again.', // CALL_TOO_MANY_TIMES
  '-210': 'Wait until your other call is answered.', // CURRENT_CALL_HAS_NOT_CONNECTED
  '-209': 'The phone system cannot call this number.', // INVALID_NUMBER
  '-207': 'The call to transfer is no longer connected.', // ATTENDED_PARENT_NOT_FOUND
  '-212': 'The call could not be placed: the app gave it a header the phone cannot send.', // INVALID_HEADER
} satisfies Partial<Record<`${ResultCodeValue}`, string>>;

/**
 * A sentence for a refused `call()` or `answer()`, for the person at the phone.
 *
 * @remarks
 * Looks `result.code` up among the fixed `ResultCode` values; the
 * message is only used for codes this function does not know.
 */
export function callErrorText(result: Result): string {
  const detail = /^[A-Z_]+:\s*(.+)$/.exec(result.message)?.[1];
  return MESSAGES[result.code] ?? (detail ? `The call could not be placed: ${detail}` : 'The call could not be placed.');
}
