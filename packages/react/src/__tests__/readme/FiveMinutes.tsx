import { useState } from 'react';
import {
  CallAudio,
  PhoneProvider,
  formatDuration,
  useCallTimer,
  useIncomingCalls,
  usePhone,
  useRegistration,
  useSession,
  type PhoneConfig,
} from '@webphone/react';

const config: PhoneConfig = {
  server: 'wss://pbx.example.com:8089/ws',
  extension: '1001',
  password: 'secret1001',
};

function RegistrationBadge() {
  const { status, lastError } = useRegistration();
  return <p role="status">{lastError && status === 'failed' ? `${status}: ${lastError.message}` : status}</p>;
}

function Dialer() {
  const [number, setNumber] = useState('');
  const [error, setError] = useState('');
  const { call } = usePhone();
  const canCall = usePhone((s) => s.isRegistered && !s.isMaxCall);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await call(number);
        setError(result.code === 200 ? '' : result.message);
      }}
    >
      <input aria-label="Number" value={number} onChange={(event) => setNumber(event.target.value)} />
      <button type="submit" disabled={!canCall}>
        Call
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function IncomingCalls() {
  const calls = useIncomingCalls();
  const { answer, reject } = usePhone();
  return calls.map((call) => (
    <div key={call.callId} role="alertdialog" aria-label={`Call from ${call.name || call.number}`}>
      <button type="button" onClick={() => answer(call.callId)}>
        Answer
      </button>
      <button type="button" onClick={() => reject(call.callId)}>
        Reject
      </button>
    </div>
  ));
}

function CurrentCall() {
  const session = useSession();
  const timer = useCallTimer();
  if (!session || session.status.callStatus === 'ringing') return null;
  const { status } = session;
  return (
    <section aria-label="Current call">
      <p>
        {status.name || status.number} · {status.callStatus} · {formatDuration(timer?.callDuration ?? 0)}
      </p>
      <button type="button" aria-pressed={status.isMute} onClick={() => (status.isMute ? session.unmute() : session.mute())}>
        Mute
      </button>
      <button type="button" aria-pressed={status.isHold} onClick={() => (status.isHold ? session.unhold() : session.hold())}>
        Hold
      </button>
      <button type="button" onClick={() => session.hangup()}>
        Hang up
      </button>
    </section>
  );
}

export function Softphone() {
  return (
    <>
      <RegistrationBadge />
      <Dialer />
      <IncomingCalls />
      <CurrentCall />
      <CallAudio>
        {({ blocked, resume }) =>
          blocked && (
            <button type="button" onClick={resume}>
              Enable sound
            </button>
          )
        }
      </CallAudio>
    </>
  );
}

export function App() {
  return (
    <PhoneProvider config={config}>
      <Softphone />
    </PhoneProvider>
  );
}
