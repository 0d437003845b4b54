import type { PhoneState } from '../../index.js';
import type { ParityOptions, ParityRig } from './rig.js';

/** A scenario: steps on the phone under test and its far ends, each followed by what to wait for. */
export interface ParityScenario {
  readonly name: string;
  readonly options?: ParityOptions;
  run(rig: ParityRig): Promise<void>;
}

/** Marks a step whose events may come in any order. */
export const ANY_ORDER = '(in any order)';

const callCount = (n: number) => (s: PhoneState) => s.callIds.length === n;
const first = (s: PhoneState) => s.calls[s.callIds[0]]?.status;
const firstIs = (phase: string) => (s: PhoneState) => first(s)?.callStatus === phase;

/** Resolves once the trace holds an event containing `fragment` (for events the store does not show). */
async function untilEvent(rig: ParityRig, fragment: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 10) {
    if (rig.trace.entries.some((entry) => entry.kind === 'event' && entry.text.includes(fragment))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no event with "${fragment}"`);
}

/**
 * Runs one step: records its label, acts, waits, then snapshots the store.
 * `anyOrder` marks a step whose events race on the network (two far ends
 * answering at once): their order is not compared, only what happened.
 */
async function step(rig: ParityRig, label: string, act: () => unknown, until?: (s: PhoneState) => boolean, anyOrder = false): Promise<void> {
  rig.trace.step(anyOrder ? `${label} ${ANY_ORDER}` : label);
  // A command's result is recorded the moment it is returned: a synchronous one before anything it set off.
  const returned = act();
  const value = returned instanceof Promise ? await returned : returned;
  if (value !== undefined) rig.trace.result(label, value);
  if (until) await rig.until(until);
  rig.trace.snapshot();
}

/** The phone calls 1002, which rings and answers. */
async function talkingTo1002(rig: ParityRig): Promise<string> {
  await step(
    rig,
    'call 1002',
    () => rig.phone.call('1002'),
    (s) => first(s)?.isRing === true,
  );
  await step(rig, '1002 answers', () => rig.far('1002').answer(), firstIs('talking'));
  return rig.phone.store.getState().callIds[0];
}

export const SCENARIOS: readonly ParityScenario[] = [
  {
    name: 'outgoing call answered, then the far end hangs up',
    async run(rig) {
      await talkingTo1002(rig);
      await step(rig, '1002 hangs up', () => rig.far('1002').hangup(), callCount(0));
    },
  },
  {
    name: 'outgoing call cancelled while it rings',
    async run(rig) {
      await step(
        rig,
        'call 1002',
        () => rig.phone.call('1002'),
        (s) => first(s)?.isRing === true,
      );
      await step(rig, 'hang up', () => rig.phone.hangup(rig.phone.store.getState().callIds[0]), callCount(0));
    },
  },
  {
    name: 'outgoing call refused busy',
    async run(rig) {
      await step(
        rig,
        'call 1002',
        () => rig.phone.call('1002'),
        (s) => first(s)?.isRing === true,
      );
      await step(rig, '1002 is busy', () => rig.far('1002').reject(), callCount(0));
    },
  },
  {
    name: 'outgoing call to a user registered nowhere',
    async run(rig) {
      await step(rig, 'call 1009', () => rig.phone.call('1009'), callCount(0));
    },
  },
  {
    name: 'incoming call answered, then hung up here',
    async run(rig) {
      const id = await rig.far('1002').call();
      rig.trace.snapshot();
      await step(rig, 'answer', () => rig.phone.answer(id), firstIs('talking'));
      await step(rig, 'hang up', () => rig.phone.hangup(id), callCount(0));
    },
  },
  {
    name: 'incoming call rejected here',
    async run(rig) {
      // Another caller: the far end may place one call a second.
      const id = await rig.far('1003').call();
      await step(rig, 'reject', () => rig.phone.reject(id), callCount(0));
    },
  },
  {
    name: 'incoming call cancelled by the caller',
    async run(rig) {
      await rig.far('1002').call();
      await step(rig, '1002 gives up', () => rig.far('1002').hangup(), callCount(0));
    },
  },
  {
    name: 'hold, unhold, mute, DTMF and recording in a call',
    async run(rig) {
      const id = await talkingTo1002(rig);
      await step(
        rig,
        'hold',
        () => rig.phone.hold(id),
        (s) => s.calls[id]?.status.isHold === true,
      );
      await step(
        rig,
        'unhold',
        () => rig.phone.unhold(id),
        (s) => s.calls[id]?.status.isHold === false,
      );
      await step(
        rig,
        'mute',
        () => rig.phone.mute(id),
        (s) => s.calls[id]?.status.isMute === true,
      );
      await step(rig, 'dtmf', () => rig.phone.dtmf(id, '12#'));
      await step(
        rig,
        'record',
        () => rig.phone.startRecord(id),
        (s) => s.calls[id]?.status.recordStatus === 'recording',
      );
      await step(
        rig,
        'pause recording',
        () => rig.phone.pauseRecord(id),
        (s) => s.calls[id]?.status.recordStatus === 'pause',
      );
      await step(
        rig,
        'unmute',
        () => rig.phone.unmute(id),
        (s) => s.calls[id]?.status.isMute === false,
      );
      await step(
        rig,
        'hold again',
        () => rig.phone.hold(id),
        (s) => s.calls[id]?.status.isHold === true,
      );
      await step(rig, 'hang up while held', () => rig.phone.hangup(id), callCount(0));
    },
  },
  {
    name: 'the far end sends DTMF and recording INFOs, then hangs up during a hold',
    async run(rig) {
      const id = await rig.far('1002').call();
      await step(rig, 'answer', () => rig.phone.answer(id), firstIs('talking'));
      rig.trace.step('1002 sends 7');
      await rig.far('1002').dtmf('7');
      await untilEvent(rig, 'dtmf {"digit":"7"}');
      rig.trace.step('1002 says it records');
      await rig.far('1002').record(true);
      await untilEvent(rig, 'recordInfo {"record":"on"}');
      await step(
        rig,
        'hold',
        () => rig.phone.hold(id),
        (s) => s.calls[id]?.status.isHold === true,
      );
      await step(rig, '1002 hangs up', () => rig.far('1002').hangup(), callCount(0));
    },
  },
  {
    name: 'blind transfer to 1003',
    async run(rig) {
      const id = await talkingTo1002(rig);
      await step(
        rig,
        'transfer to 1003',
        () => rig.phone.blindTransfer(id, '1003'),
        (s) => s.calls[id]?.transfer.status === 'blind-pending',
      );
      await step(rig, '1003 takes the call', () => rig.transferAccepted('blind'), callCount(0));
    },
  },
  {
    name: 'attended transfer to 1003',
    async run(rig) {
      const id = await talkingTo1002(rig);
      const consulting = (s: PhoneState) => s.calls[id]?.transfer.status === 'attended-consulting' && s.calls[id]?.status.isHold === true;
      await step(
        rig,
        'consult 1003',
        () => rig.phone.attendedTransfer(id, '1003'),
        (s) => consulting(s) && s.calls[s.callIds[1]]?.status.isRing === true,
      );
      const consult = rig.phone.store.getState().callIds[1];
      await step(rig, 'complete too early', () => rig.phone.completeTransfer(consult));
      await step(
        rig,
        '1003 answers',
        () => rig.far('1003').answer(),
        (s) => s.calls[consult]?.status.callStatus === 'talking',
      );
      await step(
        rig,
        'complete',
        () => rig.phone.completeTransfer(consult),
        (s) => s.calls[id]?.transfer.status === 'completing',
      );
      // The transferee's NOTIFY and the target's BYE of the consultation race: either leg may end first.
      await step(rig, '1003 takes over', () => rig.transferAccepted('attended'), callCount(0), true);
    },
  },
  {
    name: 'call limit: a second call is refused both ways',
    options: { maxConcurrentCalls: 1 },
    async run(rig) {
      const id = await rig.far('1002').call();
      await step(rig, 'answer', () => rig.phone.answer(id), firstIs('talking'));
      await step(rig, '1003 calls', () => rig.far('1003').callRefused());
      await step(rig, 'call 1003', () => rig.phone.call('1003'));
      await step(rig, '1002 hangs up', () => rig.far('1002').hangup(), callCount(0));
    },
  },
  {
    name: 'do not disturb: a call is refused without ringing, and rings again once it is off',
    async run(rig) {
      await step(rig, 'do not disturb', () => rig.phone.setDoNotDisturb(true));
      await step(rig, '1002 calls', () => rig.far('1002').callRefused());
      await step(rig, 'disturb again', () => rig.phone.setDoNotDisturb(false));
      // Another caller: the far end may place one call a second.
      const id = await rig.far('1003').call();
      await step(rig, 'reject', () => rig.phone.reject(id), callCount(0));
    },
  },
  {
    name: 'auto-answer: a call that asks for it is answered by the phone',
    options: { autoAnswer: 'when-requested' },
    async run(rig) {
      await step(
        rig,
        '1002 calls asking for auto-answer',
        async () => void (await rig.far('1002').call({ 'Call-Info': '<sip:webphone.test>;answer-after=0' })),
        firstIs('talking'),
      );
      await step(rig, '1002 hangs up', () => rig.far('1002').hangup(), callCount(0));
    },
  },
  {
    name: 'commands refused by the rules',
    async run(rig) {
      await step(rig, 'bad number', () => rig.phone.call('1002;evil=1'));
      await step(rig, 'unknown call', () => rig.phone.answer('no-such-call'));
      const id = await rig.far('1002').call();
      await step(rig, 'hold while ringing', () => rig.phone.hold(id));
      await step(rig, 'dtmf while ringing', () => rig.phone.dtmf(id, '1'));
      await step(rig, 'record while ringing', () => rig.phone.startRecord(id));
      await step(rig, 'transfer while ringing', () => rig.phone.blindTransfer(id, '1003'));
      await step(rig, 'answer', () => rig.phone.answer(id), firstIs('talking'));
      await step(rig, 'bad digits', () => rig.phone.dtmf(id, '1x'));
      await step(rig, 'pause before recording', () => rig.phone.pauseRecord(id));
      await step(rig, 'answer twice', () => rig.phone.answer(id));
      await step(rig, 'consult a bad number', () => rig.phone.call('<sip:x>', {}, id));
      await step(rig, '1002 hangs up', () => rig.far('1002').hangup(), callCount(0));
      await step(rig, 'hang up a gone call', () => rig.phone.hangup(id));
    },
  },
];
