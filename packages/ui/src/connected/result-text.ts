import { ResultCode, type Result } from '@webphone/react';

const MESSAGES: Readonly<Record<number, string>> = {
  [ResultCode.GET_AGREE_CHROME_USER_MEDIA_ROLE_ERROR]: 'Microphone access was denied. Allow it in the browser to make calls.',
  [ResultCode.GET_LOCAL_STREAM_ERROR]: 'The microphone could not be opened.',
  [ResultCode.GET_LOCAL_MEDIA_INFO_ERROR]: 'The microphone could not be opened.',
  [ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE]: 'No microphone was found.',
  [ResultCode.NOT_FOUND_VIDEO_INPUT_DEVICE]: 'No camera was found.',
  [ResultCode.MAX_LIMIT_CALL]: 'You are on the maximum number of calls.',
  [ResultCode.CALL_TOO_MANY_TIMES]: 'Wait a moment before calling again.',
  [ResultCode.CURRENT_CALL_HAS_NOT_CONNECTED]: 'Wait until your other call is answered.',
  [ResultCode.INVALID_NUMBER]: 'The phone system cannot call this number.',
  [ResultCode.ATTENDED_PARENT_NOT_FOUND]: 'The call to transfer is no longer connected.',
};

/**
 * A sentence for a refused `call()` or `answer()`, for the person at the phone.
 *
 * @remarks
 * Looks `result.code` up among the fixed {@link ResultCode} values; the
 * message is only used for codes this function does not know.
 */
export function callErrorText(result: Result): string {
  const detail = /^[A-Z_]+:\s*(.+)$/.exec(result.message)?.[1];
  return MESSAGES[result.code] ?? (detail ? `The call could not be placed: ${detail}` : 'The call could not be placed.');
}
