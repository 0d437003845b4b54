import type { StaticCallStatus } from './call-status.js';
import type { CallOptions, TerminateType } from './phone-api.js';
import type { Result } from './result.js';

/**
 * The commands of one call: the single definition of the call surface.
 *
 * @remarks
 * `Session` offers these as methods; the phone offers each one as a method
 * taking the call id first ({@link PhoneCallCommands}); the React bindings
 * bind them from here. Adding a command means adding it here and in
 * {@link CALL_COMMANDS}, then implementing it on the phone: the type checker
 * points at anything missing.
 */
export interface CallCommands {
  /** Answers a ringing inbound call (opens the microphone, sends 200 OK); a media error keeps it ringing. */
  answer(options?: CallOptions): Promise<Result>;
  /** Rejects a ringing inbound call with 486 Busy Here. */
  reject(): boolean;
  /** Hangs up: CANCEL before an answer, BYE after; a ringing inbound call is rejected. */
  hangup(): boolean;
  /** Ends the call: `'reject'` rejects, `'hangup'` and `'terminate'` hang up whatever the state. */
  terminate(type?: TerminateType): boolean;
  /** Transfers a talking call to `number` (REFER); the call ends when the transfer succeeds. */
  blindTransfer(number: string): boolean;
  /** Holds this call and calls `number` for consultation (the first step of an attended transfer). */
  attendedTransfer(number: string): boolean;
  /** For a consultation leg: joins the held call's far end to this call's (REFER with Replaces); both legs end. */
  completeTransfer(): boolean;
  /** Puts the far end on hold (re-INVITE `sendonly`); `isHold` follows the answer. */
  hold(): boolean;
  /** Takes the far end off hold (re-INVITE `sendrecv`). */
  unhold(): boolean;
  /** Sends DTMF digits (`0-9 * # A-D`) while talking. */
  dtmf(digits: string): boolean;
  /** Disables the local audio track (no signalling). */
  mute(): boolean;
  /** Enables the local audio track again. */
  unmute(): boolean;
  /** Starts (permission 2) or resumes (permission 1) recording: INFO `Record: on`. */
  startRecord(): boolean;
  /** Pauses recording (permission 1 or 2): INFO `Record: off`. */
  pauseRecord(): boolean;
  /** Sets name, avatar or company; `manual` stops `resolveContact` from overwriting them. */
  setStaticStatus(status: Partial<StaticCallStatus>, manual?: boolean): boolean;
  /**
   * Adds video to a talking audio call (camera from `deviceIds.cameraId`, re-INVITE); resolves with the far end's
   * final answer: 200, or `VIDEO_CHANGE_REFUSED` (-213) when it declines.
   */
  audioToVideo(): Promise<Result>;
  /** Drops the video of a talking video call (re-INVITE with video port 0; the far end cannot refuse); the camera is released. */
  videoToAudio(): Promise<Result>;
  /** Answers the far end's request to add video (event `videoChangeRequest`): `true` opens the camera and sends video too. */
  agreeChangeVideo(accept: boolean): Promise<Result>;
}

/**
 * Each call command, and the name of the phone method that takes the call id
 * first: the same name, but for `setStaticStatus` (`setSessionStaticStatus`).
 */
export const CALL_COMMANDS = {
  answer: 'answer',
  reject: 'reject',
  hangup: 'hangup',
  terminate: 'terminate',
  blindTransfer: 'blindTransfer',
  attendedTransfer: 'attendedTransfer',
  completeTransfer: 'completeTransfer',
  hold: 'hold',
  unhold: 'unhold',
  dtmf: 'dtmf',
  mute: 'mute',
  unmute: 'unmute',
  startRecord: 'startRecord',
  pauseRecord: 'pauseRecord',
  setStaticStatus: 'setSessionStaticStatus',
  audioToVideo: 'audioToVideo',
  videoToAudio: 'videoToAudio',
  agreeChangeVideo: 'agreeChangeVideo',
} as const satisfies { readonly [K in keyof CallCommands]: string };

/** The name of the phone method behind call command `K`. */
export type PhoneCommandName<K extends keyof CallCommands = keyof CallCommands> = (typeof CALL_COMMANDS)[K];

/** The call commands as the phone offers them: the same signatures, with the call id first. */
export type PhoneCallCommands = {
  [K in keyof CallCommands as PhoneCommandName<K>]: (callId: string, ...args: Parameters<CallCommands[K]>) => ReturnType<CallCommands[K]>;
};

/** Calls the phone method behind `name` for `callId`. */
function runCallCommand(phone: PhoneCallCommands, callId: string, name: keyof CallCommands, args: readonly unknown[]): unknown {
  return (phone[CALL_COMMANDS[name]] as (callId: string, ...rest: readonly unknown[]) => unknown)(callId, ...args);
}

/** The call commands of `callId`, bound to `phone`. */
export function bindCallCommands(phone: PhoneCallCommands, callId: string): CallCommands {
  const bound: Partial<Record<keyof CallCommands, unknown>> = {};
  for (const name of Object.keys(CALL_COMMANDS) as (keyof CallCommands)[]) bound[name] = (...args: unknown[]) => runCallCommand(phone, callId, name, args);
  return bound as CallCommands;
}
