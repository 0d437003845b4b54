import { describe, expect, it } from 'vitest';
import { ScriptedPhone } from '../testing/index.js';

/** Lets the far end's answers (resolved promises) reach the phone. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A talking inbound call and its (fake) microphone track. */
async function talkingCall(): Promise<{ phone: ScriptedPhone; callId: string; microphone: () => boolean }> {
  const phone = new ScriptedPhone({ registered: true });
  const callId = phone.simulateIncoming({ number: '1002' });
  await phone.answer(callId);
  await settle();
  const track = phone.getSession(callId)!.localStream!.getAudioTracks()[0]!;
  return { phone, callId, microphone: () => track.enabled };
}

describe('the microphone on hold', () => {
  it('goes silent as soon as a hold is asked for and sounds again once the unhold is accepted', async () => {
    const { phone, callId, microphone } = await talkingCall();
    expect(microphone()).toBe(true);
    expect(phone.hold(callId)).toBe(true);
    // Before the far end answered the re-INVITE.
    expect(phone.store.getState().calls[callId]!.status.isHold).toBe(false);
    expect(microphone()).toBe(false);
    await settle();
    expect(phone.store.getState().calls[callId]!.status.isHold).toBe(true);
    expect(microphone()).toBe(false);

    // Unhold: silent until the far end accepted the sendrecv offer.
    expect(phone.unhold(callId)).toBe(true);
    expect(microphone()).toBe(false);
    await settle();
    expect(phone.store.getState().calls[callId]!.status.isHold).toBe(false);
    expect(microphone()).toBe(true);
  });

  it('comes back when the hold is refused, and stays silent when the unhold is refused', async () => {
    const { phone, callId, microphone } = await talkingCall();
    phone.answerNextRequest(callId, 488, 'Not Acceptable Here');
    phone.hold(callId);
    expect(microphone()).toBe(false);
    await settle();
    expect(phone.store.getState().calls[callId]!.status.isHold).toBe(false);
    expect(microphone()).toBe(true);

    phone.hold(callId);
    await settle();
    phone.answerNextRequest(callId, 488, 'Not Acceptable Here');
    phone.unhold(callId);
    await settle();
    expect(phone.store.getState().calls[callId]!.status.isHold).toBe(true);
    expect(microphone()).toBe(false);
  });

  it('keeps mute and hold apart: unhold leaves a muted call silent, unmute leaves a held call silent', async () => {
    const { phone, callId, microphone } = await talkingCall();
    phone.hold(callId);
    await settle();
    phone.mute(callId);
    phone.unhold(callId);
    await settle();
    expect(phone.store.getState().calls[callId]!.status).toMatchObject({ isHold: false, isMute: true });
    expect(microphone()).toBe(false);
    phone.unmute(callId);
    expect(microphone()).toBe(true);

    phone.mute(callId);
    phone.hold(callId);
    await settle();
    phone.unmute(callId);
    expect(phone.store.getState().calls[callId]!.status).toMatchObject({ isHold: true, isMute: false });
    expect(microphone()).toBe(false);
    // An unmute while the hold is still being asked for does not open the microphone either.
    phone.unhold(callId);
    await settle();
    expect(microphone()).toBe(true);
    phone.hold(callId);
    phone.mute(callId);
    phone.unmute(callId);
    expect(microphone()).toBe(false);
  });

  it('a call muted while it rang answers with its microphone off', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const callId = phone.simulateIncoming({ number: '1002' });
    expect(phone.mute(callId)).toBe(true);
    await phone.answer(callId);
    await settle();
    expect(phone.getSession(callId)!.localStream!.getAudioTracks()[0]!.enabled).toBe(false);
  });

  it('the microphone is stopped when the call ends', async () => {
    const { phone, callId } = await talkingCall();
    const track = phone.getSession(callId)!.localStream!.getAudioTracks()[0]!;
    phone.hangup(callId);
    expect(track.readyState).toBe('ended');
  });
});
