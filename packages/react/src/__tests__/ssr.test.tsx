// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedPhone } from '@webphone/core/testing';
import {
  CallAudio,
  PhoneProvider,
  useAudioPlayback,
  useCallTimer,
  useCurrentSession,
  useIncomingCalls,
  useMediaDevices,
  usePhone,
  usePhoneEvent,
  useRegistration,
  useSession,
} from '../index.js';

const reads: string[] = [];

beforeAll(() => {
  // Nothing may even look up WebSocket while rendering on a server.
  Object.defineProperty(globalThis, 'WebSocket', {
    configurable: true,
    get() {
      reads.push('WebSocket');
      return undefined;
    },
  });
});
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'WebSocket');
});

function EveryHook() {
  const { state, call } = usePhone();
  const extension = usePhone((s) => s.identity.extension);
  const current = useSession();
  const number = useSession(undefined, (status) => status.number);
  const incoming = useIncomingCalls();
  const same = useCurrentSession();
  const registration = useRegistration();
  const timer = useCallTimer();
  usePhoneEvent('incoming', () => {
    throw new Error('no events on the server');
  });
  const devices = useMediaDevices();
  const playback = useAudioPlayback();
  return (
    <ul>
      <li>ext {extension}</li>
      <li>calls {state.callIds.length}</li>
      <li>call fn {typeof call}</li>
      <li>current {current?.status.callStatus ?? 'none'}</li>
      <li>number {number ?? '-'}</li>
      <li>incoming {incoming.length}</li>
      <li>same {String(same?.callId === current?.callId)}</li>
      <li>registration {registration.status}</li>
      <li>ring {timer?.ringDuration ?? '-'}</li>
      <li>devices {devices.status}</li>
      <li>blocked {String(playback.blocked)}</li>
    </ul>
  );
}

describe('server rendering', () => {
  it('runs without DOM globals', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof navigator === 'undefined' || !('mediaDevices' in navigator)).toBe(true);
  });

  it('renders a provider built from a config, with every hook, to a string', () => {
    const html = renderToString(
      <PhoneProvider config={{ server: 'wss://pbx.example.com/ws', extension: '1001', password: 'secret', logLevel: 'silent' }}>
        <EveryHook />
        <CallAudio>{({ blocked }) => <span>audio {blocked ? 'blocked' : 'ok'}</span>}</CallAudio>
      </PhoneProvider>,
    );
    expect(html).toContain('ext <!-- -->1001');
    expect(html).toContain('registration <!-- -->unregistered');
    expect(html).toContain('current <!-- -->none');
    expect(html).toContain('devices <!-- -->loading');
    expect(html).toContain('audio <!-- -->ok');
    expect(reads).toEqual([]);
  });

  it("renders the phone's initial state, which is what a fresh phone hydrates with", () => {
    const phone = new ScriptedPhone({ registered: true });
    phone.simulateIncoming({ number: '1002' });
    const html = renderToString(
      <PhoneProvider phone={phone}>
        <EveryHook />
        <CallAudio />
      </PhoneProvider>,
    );
    // zustand's server snapshot is the store's initial state (React's rule for hydration).
    expect(html).toContain('registration <!-- -->unregistered');
    expect(html).toContain('incoming <!-- -->0');
    expect(html).not.toContain('<audio');
    expect(phone.commands).toEqual([]);
    expect(reads).toEqual([]);
  });
});
