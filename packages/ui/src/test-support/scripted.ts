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

/** Resolves once `ready` holds, letting the phone's pending work run; the scripted far end answers at once, so a few turns suffice. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 100; turn += 1) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`scripted set-up: ${what} did not happen`);
}

/** Holds `callId` and waits until the far end accepted the re-INVITE. */
export async function holdCall(setup: ScriptedSetup, callId: string): Promise<void> {
  setup.phone.hold(callId);
  await until(() => setup.phone.store.getState().calls[callId]?.status.isHold === true, 'the hold');
}

/** Starts an attended transfer of `parentId` to `number` and returns the consultation call's id once it is placed. */
export async function consultCall(setup: ScriptedSetup, parentId: string, number: string): Promise<string> {
  setup.phone.attendedTransfer(parentId, number);
  const transfer = () => setup.phone.store.getState().calls[parentId]?.transfer;
  await until(() => transfer()?.status === 'attended-consulting', 'the consultation call');
  const state = transfer();
  if (state?.status !== 'attended-consulting') throw new Error('scripted set-up: the consultation call ended');
  return state.consultCallId;
}
