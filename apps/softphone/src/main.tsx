import '@webphone/ui/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { isE2EMode } from './e2e/e2e-mode';

// Test mode only: wrap the WebRTC APIs before the phone can create anything.
if (isE2EMode()) (await import('./e2e/e2e-probe')).installE2EProbe();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
