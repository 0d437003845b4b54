import { StrictMode } from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { PhoneOperator, PhoneProvider, useIncomingCalls, usePhone, useRegistration, useSession, type PhoneApi, type PhoneConfig } from '../index.js';
import { installSilentMicrophone, sdpOnlyMedia } from './support/fake-call-media.js';
import { installCountingWebSocket, resetWire, wire } from './support/sip-wire.js';

/** A test user of the Kamailio started for this project (1001..1010, password `secret<ext>`). */
function config(extension: string, overrides: Partial<PhoneConfig> = {}): PhoneConfig {
  return {
    server: inject('sipServerUrl'),
    domain: inject('sipDomain'),
    extension,
    password: `secret${extension}`,
    logLevel: 'silent',
    iceServers: [],
    ...overrides,
  };
}

const created: PhoneApi[] = [];

/** Shows the registration and keeps the phone the provider created, for cleanup. */
function Registration({ label }: { label: string }) {
  const { status } = useRegistration();
  const { phone } = usePhone();
  if (!created.includes(phone)) created.push(phone);
  return <p aria-label={`${label} registration`}>{status}</p>;
}

let uninstallMicrophone: () => void = () => {};
beforeAll(() => {
  installCountingWebSocket();
  uninstallMicrophone = installSilentMicrophone();
});
afterAll(() => uninstallMicrophone());
afterEach(async () => {
  // Unmount first (cleanup), so each provider destroys its own phone; then wait for the sockets to close.
  cleanup();
  await act(async () => {});
  await Promise.all(created.splice(0).map((phone) => (phone instanceof PhoneOperator ? phone.whenDestroyed() : undefined)));
  vi.restoreAllMocks();
});

const settle = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

describe('@webphone/react against the real Kamailio', () => {
  it('under StrictMode one provider sends one registering REGISTER and reaches registered through useRegistration', async () => {
    const start = vi.spyOn(PhoneOperator.prototype, 'start');
    resetWire();
    render(
      <StrictMode>
        <PhoneProvider config={config('1001')}>
          <Registration label="1001" />
        </PhoneProvider>
      </StrictMode>,
    );
    expect(await screen.findByText('registered', {}, { timeout: 10_000 })).toBeTruthy();
    // Give a second (wrong) registration the time to show up on the wire, were there one.
    await settle(300);
    expect(start).toHaveBeenCalledTimes(1);
    expect(wire.sockets).toBe(1);
    expect(wire.bindings).toBe(1);
    // The first REGISTER is challenged (401), the second carries credentials: no more.
    expect(wire.registers).toBe(2);
    expect(created).toHaveLength(1);
  });

  it('a call between two providers, placed and answered through the hooks', async () => {
    function CallerPanel() {
      const { call } = usePhone();
      const session = useSession();
      return (
        <section aria-label="caller">
          <Registration label="caller" />
          <button type="button" onClick={() => void call('1003')}>
            Call 1003
          </button>
          <p aria-label="caller call">{session?.status.callStatus ?? 'idle'}</p>
          {session && (
            <button type="button" onClick={session.hangup}>
              Hang up
            </button>
          )}
        </section>
      );
    }
    function CalleePanel() {
      const incoming = useIncomingCalls();
      const session = useSession();
      return (
        <section aria-label="callee">
          <Registration label="callee" />
          {incoming.map((call) => (
            <AnswerButton key={call.callId} callId={call.callId} number={call.number} />
          ))}
          <p aria-label="callee call">{session?.status.callStatus ?? 'idle'}</p>
        </section>
      );
    }
    function AnswerButton({ callId, number }: { callId: string; number: string }) {
      const answer = useSession(callId)?.answer;
      return (
        <button type="button" onClick={() => void answer?.()}>
          Answer {number}
        </button>
      );
    }

    render(
      <>
        <PhoneProvider config={config('1002', { media: sdpOnlyMedia() })}>
          <CallerPanel />
        </PhoneProvider>
        <PhoneProvider config={config('1003', { media: sdpOnlyMedia() })}>
          <CalleePanel />
        </PhoneProvider>
      </>,
    );
    const caller = within(screen.getByRole('region', { name: 'caller' }));
    const callee = within(screen.getByRole('region', { name: 'callee' }));
    await caller.findByText('registered', {}, { timeout: 10_000 });
    await callee.findByText('registered', {}, { timeout: 10_000 });

    fireEvent.click(caller.getByRole('button', { name: 'Call 1003' }));
    expect(await caller.findByText('calling', {}, { timeout: 10_000 })).toBeTruthy();
    const answer = await callee.findByRole('button', { name: 'Answer 1002' }, { timeout: 10_000 });
    expect(callee.getByLabelText('callee call').textContent).toBe('ringing');

    fireEvent.click(answer);
    expect(await callee.findByText('talking', {}, { timeout: 10_000 })).toBeTruthy();
    expect(await caller.findByText('talking', {}, { timeout: 10_000 })).toBeTruthy();
    expect(callee.queryByRole('button', { name: /Answer/ })).toBeNull();

    fireEvent.click(caller.getByRole('button', { name: 'Hang up' }));
    expect(await caller.findByText('idle', {}, { timeout: 10_000 })).toBeTruthy();
    expect(await callee.findByText('idle', {}, { timeout: 10_000 })).toBeTruthy();
  });
});
