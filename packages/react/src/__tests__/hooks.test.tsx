import type { ReactNode } from 'react';
import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResultCode } from '@webphone/core';
import {
  PhoneProvider,
  useCallTimer,
  useCurrentSession,
  useIncomingCalls,
  usePhone,
  usePhoneEvent,
  useRegistration,
  useSession,
  type SessionHandle,
} from '../index.js';
import { renderWithPhone, scriptedPhone } from './support/render.js';

afterEach(() => vi.useRealTimers());

describe('outside a provider', () => {
  it.each([
    ['usePhone', () => usePhone()],
    ['useSession', () => useSession()],
    ['useIncomingCalls', () => useIncomingCalls()],
    ['useRegistration', () => useRegistration()],
    ['useCallTimer', () => useCallTimer()],
  ] as Array<[string, () => unknown]>)('%s throws an error that names PhoneProvider', (name, hook) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(hook)).toThrow(new RegExp(`${name} must be used inside <PhoneProvider>: wrap your component tree in <PhoneProvider`));
  });
});

describe('usePhone', () => {
  it('returns stable commands, the state, and re-renders on state changes', () => {
    const phone = scriptedPhone();
    const { result } = renderWithPhone(phone, () => usePhone());
    const first = result.current;
    expect(first.state.isRegistered).toBe(true);
    expect(first.phone).toBe(phone);
    act(() => phone.dropConnection());
    expect(result.current.state.isRegistered).toBe(false);
    expect(result.current).not.toBe(first);
    expect(result.current.call).toBe(first.call);
    expect(result.current.hold).toBe(first.hold);
  });

  it('commands reach the phone, and their results come back', async () => {
    const phone = scriptedPhone();
    const { result } = renderWithPhone(phone, () => usePhone());
    let outcome;
    await act(async () => {
      outcome = await result.current.call('1002');
    });
    expect(outcome).toMatchObject({ code: 200 });
    expect(result.current.state.callIds).toHaveLength(1);
    await act(async () => {
      outcome = await result.current.call('bad number <>');
    });
    expect(outcome).toMatchObject({ code: ResultCode.INVALID_NUMBER });
    act(() => result.current.setRecordPermissions(1));
    expect(phone.recordPermissions).toBe(1);
    expect(phone.commands.map((c) => c.name)).toEqual(['call', 'call', 'recordPermissions']);
  });

  it('with a selector returns the slice, compares objects shallowly', () => {
    const phone = scriptedPhone();
    let renders = 0;
    const { result } = renderWithPhone(phone, () => {
      renders += 1;
      return usePhone((s) => ({ isRegistered: s.isRegistered, isMaxCall: s.isMaxCall }));
    });
    expect(result.current).toEqual({ isRegistered: true, isMaxCall: false });
    const before = renders;
    act(() => void phone.simulateIncoming({ number: '1002' }));
    act(() => phone.register());
    expect(renders).toBe(before);
    act(() => phone.dropConnection());
    expect(result.current).toEqual({ isRegistered: false, isMaxCall: false });
    expect(renders).toBe(before + 1);
  });
});

describe('useSession', () => {
  it('follows a whole inbound call: ringing, answer, hold, mute, record, hang-up, then undefined', async () => {
    const phone = scriptedPhone({ autoConfirm: false });
    const { result } = renderWithPhone(phone, () => useSession());
    expect(result.current).toBeUndefined();

    let callId = '';
    act(() => {
      callId = phone.simulateIncoming({ number: '1002', name: 'Ada Lovelace' });
    });
    expect(result.current?.callId).toBe(callId);
    expect(result.current?.status).toMatchObject({ callStatus: 'ringing', isRing: true, name: 'Ada Lovelace', communicationType: 'inbound' });

    await act(async () => {
      await result.current!.answer();
    });
    expect(result.current?.status.callStatus).toBe('connecting');
    act(() => void phone.remoteConfirm(callId));
    expect(result.current?.status.callStatus).toBe('talking');
    expect(result.current?.status.callStartTime).toBeGreaterThan(0);

    await act(async () => void result.current!.hold());
    expect(result.current?.status.isHold).toBe(true);
    expect(result.current?.record.timestamps.holdStartedAt).toBeGreaterThan(0);
    await act(async () => void result.current!.unhold());
    act(() => void result.current!.mute());
    expect(result.current?.status).toMatchObject({ isHold: false, isMute: true });
    await act(async () => void result.current!.startRecord());
    expect(result.current?.status.recordStatus).toBe('recording');
    await act(async () => void result.current!.pauseRecord());
    expect(result.current?.status.recordStatus).toBe('pause');
    expect(result.current!.dtmf('123#')).toBe(true);

    act(() => void result.current!.blindTransfer('1003'));
    expect(result.current?.record.transfer).toEqual({ status: 'blind-pending', target: '1003' });
    act(() => void phone.failTransfer(callId, 486));
    expect(result.current?.record.transfer).toMatchObject({ status: 'failed', reason: 'transfer target answered 486' });

    act(() => void phone.remoteHangup(callId));
    expect(result.current).toBeUndefined();
    expect(phone.commands.map((c) => c.name)).toEqual(['answer', 'hold', 'unhold', 'mute', 'startRecord', 'pauseRecord', 'dtmf', 'blindTransfer']);
  });

  it('follows an outbound call by id, and gives undefined (no throw) once it failed', async () => {
    const phone = scriptedPhone();
    await phone.call('1002');
    const callId = phone.lastCallId!;
    const { result } = renderWithPhone(phone, () => useSession(callId));
    expect(result.current?.status).toMatchObject({ callStatus: 'calling', number: '1002' });
    act(() => void phone.remoteRinging(callId));
    expect(result.current?.status.isRing).toBe(true);
    act(() => void phone.remoteReject(callId, 486));
    expect(result.current).toBeUndefined();
    expect(phone.hangup(callId)).toBe(false);
  });

  it('selects the record: quality warnings scripted with reportQuality come and go', async () => {
    const phone = scriptedPhone({ registered: true });
    const callId = phone.simulateIncoming({ number: '1002' });
    await act(async () => {
      await phone.answer(callId);
    });
    const { result } = renderWithPhone(phone, () => useSession(callId, (_status, record) => record.qualityWarnings));
    expect(result.current).toEqual([]);
    act(() => {
      phone.reportQuality(callId, { audio: { jitter: 80 } });
      phone.reportQuality(callId, { audio: { jitter: 90 } });
    });
    expect(result.current).toEqual(['high-jitter']);
    act(() => {
      phone.reportQuality(callId);
      phone.reportQuality(callId);
    });
    expect(result.current).toEqual([]);
  });

  it('binds commands to its call, stable while the call lives', () => {
    const phone = scriptedPhone();
    const a = phone.simulateIncoming({ number: '1002' });
    const b = phone.simulateIncoming({ number: '1003' });
    const { result } = renderWithPhone(phone, () => useSession(b));
    const hangup = result.current!.hangup;
    act(() => void phone.setSessionStaticStatus(b, { name: 'Bob' }));
    expect(result.current!.status.name).toBe('Bob');
    expect(result.current!.hangup).toBe(hangup);
    act(() => void result.current!.reject());
    expect(phone.store.getState().callIds).toEqual([a]);
  });

  it('with a selector re-renders only when the selected value changes', async () => {
    const phone = scriptedPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    await phone.answer(callId);
    let renders = 0;
    const { result } = renderWithPhone(phone, () => {
      renders += 1;
      return useSession(callId, (status) => status.isHold);
    });
    expect(result.current).toBe(false);
    const before = renders;
    act(() => void phone.mute(callId));
    expect(renders).toBe(before);
    await act(async () => void phone.hold(callId));
    expect(result.current).toBe(true);
    expect(renders).toBe(before + 1);
    act(() => void phone.remoteHangup(callId));
    expect(result.current).toBeUndefined();
  });

  it('a selector also gets the whole record (transfer, timestamps)', () => {
    const phone = scriptedPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    const { result } = renderWithPhone(phone, () => useSession(callId, (_status, record) => record.transfer.status));
    expect(result.current).toBe('idle');
  });
});

describe('useIncomingCalls and useCurrentSession', () => {
  it('lists ringing inbound calls oldest first, and drops answered ones', async () => {
    const phone = scriptedPhone();
    const { result } = renderWithPhone(phone, () => ({ incoming: useIncomingCalls(), current: useCurrentSession() }));
    expect(result.current.incoming).toEqual([]);
    let a = '';
    let b = '';
    act(() => {
      a = phone.simulateIncoming({ number: '1002', name: 'Ada' });
      b = phone.simulateIncoming({ number: '1003', name: 'Bob' });
    });
    expect(result.current.incoming.map((c) => c.name)).toEqual(['Ada', 'Bob']);
    // As in the real call registry, the newest call becomes current.
    expect(result.current.current?.callId).toBe(b);
    await act(async () => {
      await phone.answer(b);
    });
    expect(result.current.incoming.map((c) => c.callId)).toEqual([a]);
    expect(result.current.current?.callId).toBe(b);
    await act(async () => void result.current.current!.hold());
    act(() => void useSessionOf(phone, a));
    const other: SessionHandle | undefined = result.current.current;
    expect(other?.callId).toBe(a);
  });

  it('keeps the same array while nothing ringing changes', () => {
    const phone = scriptedPhone();
    phone.simulateIncoming({ number: '1002' });
    const { result } = renderWithPhone(phone, () => useIncomingCalls());
    const first = result.current;
    act(() => phone.register());
    expect(result.current).toBe(first);
  });
});

describe('useRegistration', () => {
  it('reports registering, failure with the error, reconnect attempts, and registered', () => {
    const phone = scriptedPhone({ registered: false, autoRegister: false });
    const { result } = renderWithPhone(phone, () => useRegistration());
    expect(result.current).toMatchObject({ status: 'registering', transport: 'connected', isRegistered: false });
    act(() => phone.failRegistration());
    expect(result.current).toMatchObject({ status: 'failed', lastError: { code: ResultCode.REGISTRY_FAILED } });
    act(() => phone.register());
    expect(result.current).toMatchObject({ status: 'registered', isRegistered: true, transport: 'connected', attempt: 0 });
    act(() => phone.dropConnection());
    expect(result.current).toMatchObject({ status: 'unregistered', transport: 'disconnected', attempt: 1, exhausted: false });
    expect(result.current.nextAttemptAt).toBeGreaterThan(0);
    act(() => phone.failRegistration({ code: ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES, message: 'RE_REGISTRY_MAX_LIMIT_TIMES' }));
    expect(result.current).toMatchObject({ exhausted: true, lastError: { code: ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES } });
    act(() => void result.current.disconnect());
    expect(result.current).toMatchObject({ status: 'unregistered', transport: 'idle' });
  });
});

describe('useCallTimer', () => {
  it('ticks once a second from the timestamps, only while mounted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(Date.UTC(2026, 0, 1, 9, 0, 0));
    const phone = scriptedPhone();
    const callId = phone.simulateIncoming({ number: '1002' });
    let renders = 0;
    const { result, unmount } = renderWithPhone(phone, () => {
      renders += 1;
      return useCallTimer(callId);
    });
    expect(result.current).toEqual({ ringDuration: 0, callingDuration: 0, callDuration: 0, holdDuration: 0 });
    act(() => vi.advanceTimersByTime(3000));
    expect(result.current?.ringDuration).toBe(3);
    await act(async () => {
      await phone.answer(callId);
    });
    const rendersAtAnswer = renders;
    for (let second = 0; second < 5; second += 1) act(() => vi.advanceTimersByTime(1000));
    expect(result.current).toEqual({ ringDuration: 3, callingDuration: 0, callDuration: 5, holdDuration: 0 });
    expect(renders - rendersAtAnswer).toBe(5);
    await act(async () => void phone.hold(callId));
    act(() => vi.advanceTimersByTime(2000));
    expect(result.current).toMatchObject({ callDuration: 7, holdDuration: 2 });
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is undefined without a call and sets no timer', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const phone = scriptedPhone();
    const { result } = renderWithPhone(phone, () => useCallTimer());
    expect(result.current).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('usePhoneEvent', () => {
  it('subscribes once and always calls the latest handler', () => {
    const phone = scriptedPhone();
    const seen: string[] = [];
    function Listener({ label }: { label: string }) {
      usePhoneEvent('incoming', ({ callId }) => seen.push(`${label}:${callId}`));
      return null;
    }
    const { rerender, unmount } = render(
      <PhoneProviderFor phone={phone}>
        <Listener label="first" />
      </PhoneProviderFor>,
    );
    expect(phone.listenerCount('incoming')).toBe(1);
    rerender(
      <PhoneProviderFor phone={phone}>
        <Listener label="second" />
      </PhoneProviderFor>,
    );
    expect(phone.listenerCount('incoming')).toBe(1);
    let callId = '';
    act(() => {
      callId = phone.simulateIncoming({ number: '1002' });
    });
    expect(seen).toEqual([`second:${callId}`]);
    unmount();
    expect(phone.listenerCount('incoming')).toBe(0);
  });

  it('sees the store already updated when the event fires', () => {
    const phone = scriptedPhone();
    const seen: number[] = [];
    function Probe() {
      const { phone: p } = usePhone();
      usePhoneEvent('deleteSession', () => seen.push(p.store.getState().callIds.length));
      return <p>{usePhone((s) => s.callIds.length)} calls</p>;
    }
    render(
      <PhoneProviderFor phone={phone}>
        <Probe />
      </PhoneProviderFor>,
    );
    let callId = '';
    act(() => {
      callId = phone.simulateIncoming({ number: '1002' });
    });
    expect(screen.getByText('1 calls')).toBeTruthy();
    act(() => void phone.remoteHangup(callId));
    expect(seen).toEqual([0]);
    expect(screen.getByText('0 calls')).toBeTruthy();
  });
});

function useSessionOf(phone: ReturnType<typeof scriptedPhone>, callId: string): boolean {
  return phone.setCurrentSession(callId);
}

function PhoneProviderFor({ phone, children }: { phone: ReturnType<typeof scriptedPhone>; children: ReactNode }) {
  return <PhoneProvider phone={phone}>{children}</PhoneProvider>;
}
