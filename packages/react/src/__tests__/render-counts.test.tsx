import { Profiler, type ReactNode } from 'react';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScriptedPhone } from '@webphone/core/testing';
import { PhoneProvider, formatDuration, useCallTimer, usePhone, useRegistration, useSession } from '../index.js';

const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

function CallCard({ callId }: { callId: string }) {
  const session = useSession(callId);
  return (
    <p data-testid={`card-${callId}`}>{session ? `${session.status.number} ${session.status.isHold ? 'on hold' : session.status.callStatus}` : 'ended'}</p>
  );
}

function CallTimer({ callId }: { callId: string }) {
  const timer = useCallTimer(callId);
  return <p data-testid={`timer-${callId}`}>{timer ? `${formatDuration(timer.callDuration)} held ${timer.holdDuration}` : '-'}</p>;
}

function RegistrationBadge() {
  const { status } = useRegistration();
  return <p data-testid="badge">{status}</p>;
}

function Dialer() {
  const isRegistered = usePhone((s) => s.isRegistered);
  return (
    <button type="button" disabled={!isRegistered}>
      Call
    </button>
  );
}

describe('render counts (React Profiler)', () => {
  it('two live calls with ticking timers, a hold on one, a registration refresh: each component renders only for its own data', async () => {
    const phone = new ScriptedPhone({ registered: true });
    const a = phone.simulateIncoming({ number: '1002' });
    await phone.answer(a); // answered at T0
    vi.advanceTimersByTime(0); // the caller's ACK
    vi.setSystemTime(T0 + 500);
    await phone.call('1003');
    const b = phone.lastCallId!;
    phone.remoteAnswer(b); // answered at T0 + 500
    vi.setSystemTime(T0 + 600);

    const renders: Record<string, number> = {};
    const onRender = (id: string) => {
      renders[id] = (renders[id] ?? 0) + 1;
    };
    const profiled = (id: string, node: ReactNode) => (
      <Profiler id={id} onRender={onRender}>
        {node}
      </Profiler>
    );
    render(
      <PhoneProvider phone={phone}>
        {profiled('cardA', <CallCard callId={a} />)}
        {profiled('cardB', <CallCard callId={b} />)}
        {profiled('timerA', <CallTimer callId={a} />)}
        {profiled('timerB', <CallTimer callId={b} />)}
        {profiled('badge', <RegistrationBadge />)}
        {profiled('dialer', <Dialer />)}
      </PhoneProvider>,
    );
    expect(renders).toEqual({ cardA: 1, cardB: 1, timerA: 1, timerB: 1, badge: 1, dialer: 1 });

    // Three seconds, one act per second: each timer ticks once per second (A on :000, B on :500).
    for (let second = 0; second < 3; second += 1) act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId(`timer-${a}`).textContent).toBe('0:03 held 0');
    expect(screen.getByTestId(`timer-${b}`).textContent).toBe('0:03 held 0');
    expect(renders).toEqual({ cardA: 1, cardB: 1, timerA: 4, timerB: 4, badge: 1, dialer: 1 });

    // Hold on B: B's card twice (the hold is pending, then accepted) and B's timer (its timestamps changed); nothing of A, not the badge or dialer.
    await act(async () => void phone.hold(b));
    expect(screen.getByTestId(`card-${b}`).textContent).toBe('1003 on hold');
    expect(renders).toEqual({ cardA: 1, cardB: 3, timerA: 4, timerB: 5, badge: 1, dialer: 1 });

    // Mute on A: A's card only (A's timestamps did not change).
    act(() => void phone.mute(a));
    expect(renders).toEqual({ cardA: 2, cardB: 3, timerA: 4, timerB: 5, badge: 1, dialer: 1 });

    // A registration refresh: the badge only (isRegistered stayed true).
    act(() => phone.register());
    expect(renders).toEqual({ cardA: 2, cardB: 3, timerA: 4, timerB: 5, badge: 2, dialer: 1 });

    // Two more seconds: the timers tick, B's hold time grows, the rest stays still.
    for (let second = 0; second < 2; second += 1) act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId(`timer-${b}`).textContent).toBe('0:05 held 2');
    expect(renders).toEqual({ cardA: 2, cardB: 3, timerA: 6, timerB: 7, badge: 2, dialer: 1 });

    // B ends: its card shows it, its timer stops, A's components do not render.
    act(() => void phone.remoteHangup(b));
    expect(screen.getByTestId(`card-${b}`).textContent).toBe('ended');
    act(() => vi.advanceTimersByTime(1000));
    expect(renders).toEqual({ cardA: 2, cardB: 4, timerA: 7, timerB: 8, badge: 2, dialer: 1 });
    expect(screen.getByTestId(`timer-${b}`).textContent).toBe('-');

    // `npm run bench` prints these counts beside the other figures.
    if (process.env.WEBPHONE_PRINT_RENDER_COUNTS) console.log(`WEBPHONE_RENDER_COUNTS ${JSON.stringify(renders)}`);
  });
});
