import { StrictMode } from 'react';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScriptedPhone } from '@webphone/core/testing';
import { PhoneProvider, usePhone, type PhoneApi } from '../index.js';

function Status() {
  const registered = usePhone((s) => s.isRegistered);
  return <p>{registered ? 'registered' : 'offline'}</p>;
}

/** Lets a test reach the phone a provider created from a config. */
function Capture({ into }: { into: { phone?: PhoneApi } }) {
  // eslint-disable-next-line react-hooks/immutability -- the test reads the phone the provider built through this holder
  into.phone = usePhone().phone;
  return null;
}

const flushMicrotasks = () => act(async () => {});

describe('PhoneProvider', () => {
  it('starts a given phone once on mount (autoStart) and leaves it to its owner on unmount', async () => {
    const phone = new ScriptedPhone();
    const { unmount } = render(
      <PhoneProvider phone={phone}>
        <Status />
      </PhoneProvider>,
    );
    expect(screen.getByText('registered')).toBeTruthy();
    unmount();
    await flushMicrotasks();
    expect(phone.commands.map((c) => c.name)).toEqual(['start']);
    expect(phone.store.getState().destroyed).toBe(false);
  });

  it('with autoStart={false} does not start', () => {
    const phone = new ScriptedPhone();
    render(
      <PhoneProvider phone={phone} autoStart={false}>
        <Status />
      </PhoneProvider>,
    );
    expect(screen.getByText('offline')).toBeTruthy();
    expect(phone.commands).toEqual([]);
  });

  it('under StrictMode starts exactly once and does not destroy its own phone', async () => {
    const phone = new ScriptedPhone({ autoRegister: false });
    let registeredEvents = 0;
    phone.on('registered', () => (registeredEvents += 1));
    render(
      <StrictMode>
        <PhoneProvider phone={phone}>
          <Status />
        </PhoneProvider>
      </StrictMode>,
    );
    await flushMicrotasks();
    act(() => phone.register());
    expect(phone.commands.filter((c) => c.name === 'start')).toHaveLength(1);
    expect(registeredEvents).toBe(1);
    expect(screen.getByText('registered')).toBeTruthy();
  });

  it('two providers sharing one phone start it once', () => {
    const phone = new ScriptedPhone();
    render(
      <>
        <PhoneProvider phone={phone}>
          <Status />
        </PhoneProvider>
        <PhoneProvider phone={phone}>
          <Status />
        </PhoneProvider>
      </>,
    );
    expect(phone.commands.filter((c) => c.name === 'start')).toHaveLength(1);
    expect(screen.getAllByText('registered')).toHaveLength(2);
  });

  it('creates a phone from a config once, survives StrictMode, and destroys it on unmount', async () => {
    const seen: { phone?: PhoneApi } = {};
    const config = { server: 'ws://127.0.0.1:9/ws', extension: '1001', password: 'secret1001', logLevel: 'silent' as const };
    const { rerender, unmount } = render(
      <StrictMode>
        <PhoneProvider config={config} autoStart={false}>
          <Capture into={seen} />
        </PhoneProvider>
      </StrictMode>,
    );
    await flushMicrotasks();
    const created = seen.phone!;
    expect(created.store.getState()).toMatchObject({ destroyed: false, identity: { extension: '1001' } });
    rerender(
      <StrictMode>
        <PhoneProvider config={{ ...config, extension: '1002' }} autoStart={false}>
          <Capture into={seen} />
        </PhoneProvider>
      </StrictMode>,
    );
    expect(seen.phone).toBe(created);
    unmount();
    await flushMicrotasks();
    expect(created.store.getState().destroyed).toBe(true);
  });

  it('a bad config throws the core config error while rendering', () => {
    const silence = console.error;
    console.error = () => {};
    try {
      expect(() => render(<PhoneProvider config={{ server: 'http://x', extension: '1001', password: 'p' }} />)).toThrow(/Invalid phone config: server/);
    } finally {
      console.error = silence;
    }
  });
});
