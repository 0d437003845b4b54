import type { SipServerHandle } from '@webphone/sip-server';
import { registeredPhone, type TestPhone } from '../support/call-harness.js';
import { nextEvent, waitForState } from '../support/phone-harness.js';
import type { FarEnd, ParityOptions, ParityRig } from './rig.js';
import { PhoneTrace } from './trace.js';

/** The far end's single call with the phone. */
function onlyCall(far: TestPhone): string {
  const [id] = far.phone.store.getState().callIds;
  if (id === undefined) throw new Error(`${far.extension} has no call`);
  return id;
}

/** Resolves with the id of the call ringing at `far`. */
async function ringingAt(far: TestPhone): Promise<string> {
  const state = await waitForState(far.phone.store, (s) => s.incomingIds.length > 0);
  return state.incomingIds[0];
}

/**
 * The real world: `PhoneOperator`s registered on the project's Kamailio,
 * 1001 under test and 1002, 1003 as far ends (with fake media).
 */
export function kamailioRig(server: () => SipServerHandle): (options: ParityOptions) => Promise<ParityRig> {
  return async (options) => {
    const a = await registeredPhone(server(), '1001', options);
    const ends = { '1002': await registeredPhone(server(), '1002'), '1003': await registeredPhone(server(), '1003') };
    const trace = new PhoneTrace(a.phone);
    const far = (extension: '1002' | '1003'): FarEnd => {
      const end = ends[extension];
      return {
        call: async (headers) => {
          const ringing = nextEvent(a.phone, 'incoming');
          const placed = await end.phone.call('1001', { headers });
          if (placed.code !== 200) throw new Error(placed.message);
          return (await ringing)[0].callId;
        },
        callRefused: async () => {
          const failed = new Promise<void>((resolve) => end.phone.once('deleteSession', () => resolve()));
          const placed = await end.phone.call('1001');
          if (placed.code !== 200) throw new Error(placed.message);
          await failed;
        },
        answer: async () => void (await end.phone.answer(await ringingAt(end))),
        reject: async () => void end.phone.reject(await ringingAt(end)),
        hangup: async () => void end.phone.hangup(onlyCall(end)),
        dtmf: async (digit) => void end.phone.dtmf(onlyCall(end), digit),
        record: async (on) => {
          // The far end reports recording as a PBX would: the phone only hears about it.
          end.phone.recordPermissions = 2;
          void (on ? end.phone.startRecord(onlyCall(end)) : end.phone.pauseRecord(onlyCall(end)));
        },
      };
    };
    return {
      phone: a.phone,
      trace,
      far,
      transferAccepted: async (kind) => {
        // Blind: the transferee calls 1003, which answers. Attended: 1003 takes the INVITE with Replaces by itself.
        if (kind === 'blind') await far('1003').answer();
      },
      until: async (predicate) => void (await waitForState(a.phone.store, predicate, 10_000)),
    };
  };
}
