import { PhoneConfigError, PhoneProvider } from '@webphone/react';
import { useEffect, useRef, useState } from 'react';
import { PhoneScreen } from './components/PhoneScreen';
import { DemoPhoneContext } from './phone/demo-context';
import { createDemoPhone, type DemoPhone } from './phone/demo-phone';
import { ConnectionForm } from './settings/ConnectionForm';
import { connectsOnLoad, loadSettings, saveSettings, type PhoneSettings } from './settings/settings';

type SignInError = { message: string; field?: string };

function signIn(settings: PhoneSettings): { demo: DemoPhone } | { error: SignInError } {
  saveSettings(settings);
  try {
    return { demo: createDemoPhone(settings) };
  } catch (error) {
    if (error instanceof PhoneConfigError) return { error: { message: error.message, field: error.field } };
    return { error: { message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * The demo softphone: the connection form until the user signs in, then the
 * phone. `?connect=1` signs in at once with the pre-filled settings, unless
 * the link also names a server (see `connectsOnLoad`).
 */
export function App() {
  const [initial] = useState(() => loadSettings());
  const [demo, setDemo] = useState<DemoPhone | null>(null);
  const [error, setError] = useState<SignInError | null>(null);

  const submit = (settings: PhoneSettings) => {
    const outcome = signIn(settings);
    if ('error' in outcome) {
      setError(outcome.error);
      return;
    }
    setError(null);
    setDemo(outcome.demo);
  };

  // A ref, not the effect, guards the auto sign-in: StrictMode runs mount effects twice.
  const autoConnected = useRef(false);
  useEffect(() => {
    if (autoConnected.current) return;
    autoConnected.current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a sign-in asked for by the link, once, on mount
    if (connectsOnLoad() && initial.secret !== '') submit(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only: the link is read once
  }, []);

  // The phone lives as long as the signed-in session; ending it unregisters.
  useEffect(() => (demo ? () => demo.destroy() : undefined), [demo]);

  return (
    <div className="demo-shell">
      <header className="demo-header">
        <span className="demo-logo" aria-hidden="true">
          ☎
        </span>
        <h1 className="demo-header__title">webphone</h1>
        <span className="demo-header__tag">demo softphone</span>
      </header>
      <main className="demo-main">
        {demo ? (
          <PhoneProvider phone={demo.phone}>
            <DemoPhoneContext.Provider value={demo}>
              <PhoneScreen onSignOut={() => setDemo(null)} />
            </DemoPhoneContext.Provider>
          </PhoneProvider>
        ) : (
          <ConnectionForm initial={initial} onSubmit={submit} error={error} />
        )}
      </main>
      <footer className="demo-footer">
        Built with <code>@webphone/core</code>, <code>@webphone/react</code> and <code>@webphone/ui</code>: SIP over WebSocket, WebRTC audio.
      </footer>
    </div>
  );
}
