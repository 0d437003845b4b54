/**
 * Result codes and the `Result` value every fallible operation returns or emits.
 *
 * @remarks
 * Codes and messages are fixed by the public contract: applications compare
 * `result.code` against {@link ResultCode} members, never against messages.
 */

/** Every code a {@link Result} may carry. */
export const ResultCode = {
  /** A generic operation succeeded. */
  SUCCESS: 0,
  /** A phone operation succeeded. */
  PHONE_SUCCESS: 200,
  UNKNOWN_ERROR: -200,
  REGISTRY_FAILED: -201,
  GET_AGREE_CHROME_USER_MEDIA_ROLE_ERROR: -202,
  GET_LOCAL_STREAM_ERROR: -203,
  RE_REGISTRY_MAX_LIMIT_TIMES: -204,
  MAX_LIMIT_CALL: -205,
  GET_LOCAL_MEDIA_INFO_ERROR: -206,
  ATTENDED_PARENT_NOT_FOUND: -207,
  CALL_TOO_MANY_TIMES: -208,
  INVALID_NUMBER: -209,
  CURRENT_CALL_HAS_NOT_CONNECTED: -210,
  NOT_FOUND_CALL_ID: -211,
  /** A header of `call(number, { headers })` has a bad or reserved name, or a bad value. */
  INVALID_HEADER: -212,
  /** The far end declined a switch to video (`audioToVideo`): a refusal, or an answer without video. */
  VIDEO_CHANGE_REFUSED: -213,
  NOT_FOUND_AUDIO_INPUT_DEVICE: -290,
  NOT_FOUND_VIDEO_INPUT_DEVICE: -291,
} as const;

/** The name of a result code, e.g. `'REGISTRY_FAILED'`. */
export type ResultName = keyof typeof ResultCode;

/** A numeric result code, e.g. `-201`. */
export type ResultCodeValue = (typeof ResultCode)[ResultName];

/** The names of the error codes (everything but the two success codes). */
export type ErrorName = Exclude<ResultName, 'SUCCESS' | 'PHONE_SUCCESS'>;

/**
 * The outcome of an operation: `code` is `0` or `200` on success, a negative
 * {@link ResultCode} on failure; `message` is the code's name, and may carry
 * detail after a colon (`'REGISTRY_FAILED: 403 Forbidden'`).
 */
export interface Result {
  readonly code: number;
  readonly message: string;
  /** The call concerned, on the success result of `call()` and `answer()`. */
  readonly callId?: string;
}

/**
 * Builds the {@link Result} for a code name, with optional detail appended to
 * the message.
 */
export function result(name: ResultName, detail?: string): Result {
  return { code: ResultCode[name], message: detail ? `${name}: ${detail}` : name };
}

/** The success result of a phone operation (`{ code: 200 }`). */
export const PHONE_OK: Result = Object.freeze(result('PHONE_SUCCESS'));

/** True when `value` is a success result (code `0` or `200`). */
export function isSuccess(value: Result): boolean {
  return value.code === ResultCode.SUCCESS || value.code === ResultCode.PHONE_SUCCESS;
}

/** The name of a known code, or `undefined` for a code outside the contract. */
export function resultName(code: number): ResultName | undefined {
  return (Object.keys(ResultCode) as ResultName[]).find((name) => ResultCode[name] === code);
}
