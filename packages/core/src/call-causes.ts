/**
 * Why a call ended, as stable strings (the `cause` of `ended`, `failed` and
 * `deleteSession`).
 *
 * @remarks
 * Applications compare against these instead of SIP reason phrases, which
 * servers are free to word as they like. The SIP status, when there was one,
 * travels separately as `code` in `failed`.
 */
export const CallEndCause = {
  /** This phone hung up an established call (BYE sent). */
  HANGUP: 'hangup',
  /** The far end hung up an established call (BYE received). */
  REMOTE_HANGUP: 'remote-hangup',
  /** This phone cancelled its outgoing call before an answer (CANCEL, 487). */
  CANCELED: 'canceled',
  /** The caller cancelled an incoming call before it was answered (487). */
  REMOTE_CANCELED: 'remote-canceled',
  /** This phone rejected an incoming call (486). */
  REJECTED: 'rejected',
  /** The callee is busy (486, 600). */
  BUSY: 'busy',
  /** The callee declined (603). */
  DECLINED: 'declined',
  /** No such user (404, 604). */
  NOT_FOUND: 'not-found',
  /** The user exists but cannot be reached now (480, 408). */
  UNAVAILABLE: 'unavailable',
  /** Any other final failure of the INVITE. */
  FAILED: 'failed',
  /** The call was handed to someone else by a transfer. */
  TRANSFERRED: 'transferred',
  /** An INVITE with Replaces took this call's place (RFC 3891). */
  REPLACED: 'replaced',
  /** Local media could not be opened (microphone/camera). */
  MEDIA_ERROR: 'media-error',
  /** The phone was destroyed or its connection torn down. */
  TERMINATED: 'terminated',
  /** The connection dropped and the call could not be recovered: the far end no longer knew it (481), or the recovery bound ran out. */
  CONNECTION_LOST: 'connection-lost',
} as const;

/** Why a call ended: one of the {@link CallEndCause} values. */
export type CallEndCause = (typeof CallEndCause)[keyof typeof CallEndCause];

/** Same as {@link CallEndCause} (the type); kept for code written before the type had that name. */
export type CallEndCauseValue = CallEndCause;

// Literal values (not `CallEndCause.X`) so that code using only this function does not carry the whole object.
const BY_STATUS: Readonly<Record<number, CallEndCause>> = {
  486: 'busy',
  600: 'busy',
  603: 'declined',
  404: 'not-found',
  604: 'not-found',
  408: 'unavailable',
  480: 'unavailable',
  487: 'canceled',
};

/** The cause matching a final SIP status of a failed INVITE. */
export function causeForStatus(code: number): CallEndCause {
  return BY_STATUS[code] ?? 'failed';
}
