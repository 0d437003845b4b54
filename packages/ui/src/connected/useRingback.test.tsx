import { act, render } from '@testing-library/react';
import { PhoneProvider } from '@webphone/react';
import type { ScriptedPhone } from '@webphone/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRingback } from '../audio/ringback.js';
import { Softphone, type SoftphoneProps } from '../Softphone/Softphone.js';
import { scriptedSetup } from '../test-support/scripted.js';

const stops: ReturnType<typeof vi.fn>[] = [];
vi.mock('../audio/ringback.js', () => ({
  startRingback: vi.fn(() => {
    const stop = vi.fn();
    stops.push(stop);
    return stop;
  }),
}));
const started = vi.mocked(startRingback);

afterEach(() => {
  started.mockClear();
  stops.splice(0);
});

async function placeCall(phone: ScriptedPhone): Promise<string> {
  await act(async () => void (await phone.call('1002')));
  return phone.lastCallId!;
}

function renderSoftphone(phone: ScriptedPhone, props: SoftphoneProps = {}) {
  return render(
    <PhoneProvider phone={phone}>
      <Softphone {...props} />
    </PhoneProvider>,
  );
}

describe('Softphone ringback', () => {
  it('plays the North American tone while the far end rings, and stops on the answer', async () => {
    const { phone } = scriptedSetup();
    renderSoftphone(phone);
    const callId = await placeCall(phone);
    // Calling, but the far end has not said it rings yet.
    expect(started).not.toHaveBeenCalled();
    act(() => void phone.remoteRinging(callId));
    expect(started).toHaveBeenCalledExactlyOnceWith('north-america');
    expect(stops[0]).not.toHaveBeenCalled();
    act(() => void phone.remoteAnswer(callId));
    expect(stops[0]).toHaveBeenCalledOnce();
    expect(started).toHaveBeenCalledOnce();
  });

  it('gives way to early media and stops when the call ends', async () => {
    const { phone } = scriptedSetup();
    renderSoftphone(phone, { ringback: 'europe' });
    const callId = await placeCall(phone);
    act(() => void phone.remoteRinging(callId));
    expect(started).toHaveBeenCalledExactlyOnceWith('europe');
    act(() => void phone.remoteEarlyMedia(callId));
    expect(stops[0]).toHaveBeenCalledOnce();
    expect(started).toHaveBeenCalledOnce();

    const second = scriptedSetup();
    const { unmount } = renderSoftphone(second.phone, { ringback: { src: '/ringback.mp3' } });
    const next = await placeCall(second.phone);
    act(() => void second.phone.remoteRinging(next));
    expect(started).toHaveBeenLastCalledWith({ src: '/ringback.mp3' });
    act(() => void second.phone.remoteHangup(next));
    expect(stops[1]).toHaveBeenCalledOnce();
    unmount();
  });

  it('plays nothing with ringback={false}, and not for incoming calls', async () => {
    const { phone } = scriptedSetup();
    renderSoftphone(phone, { ringback: false });
    const callId = await placeCall(phone);
    act(() => void phone.remoteRinging(callId));
    expect(started).toHaveBeenCalledExactlyOnceWith(false);
    act(() => void phone.remoteHangup(callId));

    started.mockClear();
    const other = scriptedSetup();
    renderSoftphone(other.phone);
    act(() => void other.phone.simulateIncoming({ number: '1003' }));
    expect(started).not.toHaveBeenCalled();
  });
});
