import { Profiler, type ReactNode } from 'react';
import { act, render } from '@testing-library/react';
import { PhoneProvider } from '@webphone/react';
import { describe, expect, it } from 'vitest';
import { scriptedSetup, talkingCall } from '../test-support/scripted.js';
import { ConnectedActiveCall } from './ConnectedActiveCall.js';
import { ConnectedCallSwitcher } from './ConnectedCallSwitcher.js';
import { ConnectedDialer } from './ConnectedDialer.js';

describe('connected widgets re-render only for what they show', () => {
  it('a registration refresh, a mute and a hold each reach only the widgets that show them', async () => {
    const setup = scriptedSetup();
    const { phone } = setup;
    const first = await talkingCall(setup, '1002', undefined, 120);
    const second = await talkingCall(setup, '1003', undefined, 60);
    act(() => void phone.setCurrentSession(second));

    const renders: Record<string, number> = {};
    const profiled = (id: string, node: ReactNode) => (
      <Profiler id={id} onRender={() => (renders[id] = (renders[id] ?? 0) + 1)}>
        {node}
      </Profiler>
    );
    render(
      <PhoneProvider phone={phone}>
        {profiled('dialer', <ConnectedDialer />)}
        {profiled('firstCall', <ConnectedActiveCall callId={first} />)}
        {profiled('switcher', <ConnectedCallSwitcher />)}
      </PhoneProvider>,
    );
    const mounted = { ...renders };
    expect(mounted.dialer).toBe(1);

    // Registration refresh: isRegistered stays true, nothing shown changes.
    act(() => phone.register());
    expect(renders).toEqual(mounted);

    // Mute on the second call: the first call's card does not care.
    act(() => void phone.mute(second));
    expect(renders.firstCall).toBe(mounted.firstCall);
    expect(renders.dialer).toBe(1);

    // Hold on the first call: its card and the switcher render; the dialer does not.
    await act(async () => void phone.hold(first));
    expect(renders.firstCall).toBeGreaterThan(mounted.firstCall!);
    expect(renders.switcher).toBeGreaterThan(mounted.switcher!);
    expect(renders.dialer).toBe(1);
  });
});
