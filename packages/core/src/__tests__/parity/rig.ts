import type { PhoneApi, PhoneConfig, PhoneState } from '../../index.js';
import type { PhoneTrace } from './trace.js';

/** The phone options a scenario may set, the same for both phones. */
export type ParityOptions = Pick<PhoneConfig, 'maxConcurrentCalls' | 'disableCallWaiting' | 'autoAnswer'>;

/** What a far end does, in terms both worlds can act out. */
export interface FarEnd {
  /** Calls the phone (with extra INVITE `headers`); resolves with the phone's call id once it rings there. */
  call(headers?: Record<string, string>): Promise<string>;
  /** Calls the phone, which refuses without ringing; resolves once refused. */
  callRefused(): Promise<void>;
  /** Answers the phone's call, ringing here. */
  answer(): Promise<void>;
  /** Refuses the phone's call, ringing here, with 486. */
  reject(): Promise<void>;
  /** Ends its call with the phone: BYE, or CANCEL while the phone rings. */
  hangup(): Promise<void>;
  /** Sends a DTMF digit by INFO in its talking call with the phone. */
  dtmf(digit: string): Promise<void>;
  /** Sends INFO `Record: on`/`off` in its talking call with the phone (what a PBX-side recorder reports). */
  record(on: boolean): Promise<void>;
}

/**
 * One world a parity scenario runs in: the phone under test (extension 1001)
 * and its far ends (1002 and 1003 online, 1009 registered nowhere).
 */
export interface ParityRig {
  readonly phone: PhoneApi;
  readonly trace: PhoneTrace;
  far(extension: '1002' | '1003'): FarEnd;
  /** The transfer target took the call over (blind: it answered; attended: it accepted the replacement). */
  transferAccepted(kind: 'blind' | 'attended'): Promise<void>;
  /** Resolves once the phone's store satisfies `predicate`. */
  until(predicate: (state: PhoneState) => boolean): Promise<void>;
}

/** Builds a rig for one scenario. */
export type RigFactory = (options: ParityOptions) => Promise<ParityRig>;
