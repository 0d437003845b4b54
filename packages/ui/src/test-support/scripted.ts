import type { StaticCallStatus } from '@webphone/core';
import { ScriptedPhone, type ScriptedCommand, type ScriptedPhoneOptions } from '@webphone/core/testing';

/** A scripted phone whose clock can be moved back, to set up calls that began a while ago. */
export interface ScriptedSetup {
  readonly phone: ScriptedPhone;
  /** Added to `Date.now()` by the phone's clock (ms). */
  readonly clock: { offset: number };
}

/** A registered {@link ScriptedPhone} with a movable clock. */
export function scriptedSetup(options: ScriptedPhoneOptions = {}): ScriptedSetup {
  const clock = { offset: 0 };
  const phone = new ScriptedPhone({ registered: true, now: () => Date.now() + clock.offset, ...options });
  return { phone, clock };
}

/** Ada, as `resolveContact` would fill her in. */
export const ADA: Partial<StaticCallStatus> = { name: 'Ada Lovelace', company: 'Analytical Engines Ltd' };
/** Grace, the usual transfer target. */
export const GRACE: Partial<StaticCallStatus> = { name: 'Grace Hopper', company: 'Sales' };

/**
 * Places an outgoing call `secondsAgo` in the past, names it, and has the far
 * end answer it: the call is talking, its timer at `secondsAgo`, and the
 * phone's one-call-per-second rule leaves room for the next call.
 */
export async function talkingCall(setup: ScriptedSetup, number = '+14155550132', contact = ADA, secondsAgo = 75): Promise<string> {
  const { phone, clock } = setup;
  clock.offset = -secondsAgo * 1000;
  try {
    const result = await phone.call(number);
    if (result.code !== 200) throw new Error(`scripted call refused: ${result.message}`);
    const callId = phone.lastCallId!;
    phone.setSessionStaticStatus(callId, contact);
    phone.remoteAnswer(callId);
    return callId;
  } finally {
    clock.offset = 0;
  }
}

/** Empties the phone's command log, so a test or story checks only what the user did after the set-up. */
export function forgetCommands(phone: ScriptedPhone): void {
  phone.commands.splice(0);
}

/** The logged commands, minus the provider's own `start`. */
export function userCommands(phone: ScriptedPhone): ScriptedCommand[] {
  return phone.commands.filter((c) => c.name !== 'start');
}
