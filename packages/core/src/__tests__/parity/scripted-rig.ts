import { ScriptedPhone } from '../../testing/index.js';
import { waitForState } from '../support/phone-harness.js';
import type { FarEnd, ParityOptions, ParityRig } from './rig.js';
import { PhoneTrace } from './trace.js';

const ONLINE = new Set(['1002', '1003']);

/**
 * The scripted world: a `ScriptedPhone` whose far ends behave as registered
 * phones do: called, they ring (or, offline, the proxy answers 480).
 */
export async function scriptedRig(options: ParityOptions): Promise<ParityRig> {
  const phone = new ScriptedPhone({ registered: true, ...options });
  const trace = new PhoneTrace(phone);
  phone.on('newRTCSession', ({ callId, session }) => {
    if (session.status.communicationType !== 'outbound') return;
    const number = session.status.number;
    // After the INVITE went out: the callee's 180, or the proxy's 480 for a user registered nowhere.
    setTimeout(() => (ONLINE.has(number) ? phone.remoteRinging(callId) : phone.remoteReject(callId, 480)), 0);
  });
  const callWith = (number: string, phase?: string): string => {
    const state = phone.store.getState();
    const id = state.callIds.find(
      (callId) => state.calls[callId].status.number === number && (phase === undefined || state.calls[callId].status.callStatus === phase),
    );
    if (id === undefined) throw new Error(`no call with ${number}`);
    return id;
  };
  const far = (number: string): FarEnd => ({
    call: async (headers) => phone.simulateIncoming({ number, headers }),
    callRefused: async () => {
      const before = phone.refusedIncoming.length;
      phone.simulateIncoming({ number });
      if (phone.refusedIncoming.length !== before + 1) throw new Error('the call was not refused');
    },
    answer: async () => void phone.remoteAnswer(callWith(number, 'calling')),
    reject: async () => void phone.remoteReject(callWith(number, 'calling'), 486),
    hangup: async () => void phone.remoteHangup(callWith(number)),
    dtmf: async (digit) => void phone.remoteDtmf(callWith(number, 'talking'), digit),
    record: async (on) => void phone.remoteInfo(callWith(number, 'talking'), '', '', { Record: on ? 'on' : 'off' }),
  });
  return {
    phone,
    trace,
    far,
    transferAccepted: async () => {
      const state = phone.store.getState();
      const id = state.callIds.find((callId) => ['blind-pending', 'completing'].includes(state.calls[callId].transfer.status));
      if (id === undefined || !phone.acceptTransfer(id)) throw new Error('no transfer under way');
    },
    until: async (predicate) => void (await waitForState(phone.store, predicate, 5000)),
  };
}
