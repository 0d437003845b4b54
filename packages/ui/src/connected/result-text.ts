import { ResultCode, type Result } from '@webphone/react';

/**
 * A sentence for a refused `call()` or `answer()`, for the person at the phone.
 *
 * @remarks
 * Compares `result.code` against the fixed {@link ResultCode} values; the
 * message is only used for codes this function does not know.
 */
export function callErrorText(result: Result): string {
  switch (result.code) {
    case ResultCode.GET_AGREE_CHROME_USER_MEDIA_ROLE_ERROR:
      return 'Microphone access was denied. Allow it in the browser to make calls.';
    case ResultCode.GET_LOCAL_STREAM_ERROR:
    case ResultCode.GET_LOCAL_MEDIA_INFO_ERROR:
      return 'The microphone could not be opened.';
    case ResultCode.NOT_FOUND_AUDIO_INPUT_DEVICE:
      return 'No microphone was found.';
    case ResultCode.NOT_FOUND_VIDEO_INPUT_DEVICE:
      return 'No camera was found.';
    case ResultCode.MAX_LIMIT_CALL:
      return 'You are on the maximum number of calls.';
    case ResultCode.CALL_TOO_MANY_TIMES:
      return 'Wait a moment before calling again.';
    case ResultCode.CURRENT_CALL_HAS_NOT_CONNECTED:
      return 'Wait until your other call is answered.';
    case ResultCode.INVALID_NUMBER:
      return 'The phone system cannot call this number.';
    case ResultCode.ATTENDED_PARENT_NOT_FOUND:
      return 'The call to transfer is no longer connected.';
    default: {
      const detail = /^[A-Z_]+:\s*(.+)$/.exec(result.message)?.[1];
      return detail ? `The call could not be placed: ${detail}` : 'The call could not be placed.';
    }
  }
}
