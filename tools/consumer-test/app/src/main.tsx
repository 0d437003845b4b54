// An app outside the webphone repository: the drop-in softphone, configured from the page's address
// (?server=ws://…&ext=1001&password=…), as the consumer test opens it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PhoneProvider, type PhoneConfig } from '@webphone/react';
import { Softphone } from '@webphone/ui';
import '@webphone/ui/styles.css';

const params = new URLSearchParams(window.location.search);
const config: PhoneConfig = {
  server: params.get('server') ?? 'wss://pbx.example.com/ws',
  extension: params.get('ext') ?? '1001',
  password: params.get('password') ?? 'secret',
  domain: params.get('domain') ?? undefined,
  displayName: `Extension ${params.get('ext') ?? '1001'}`,
  iceServers: [],
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PhoneProvider config={config}>
      <Softphone title="Consumer app" />
    </PhoneProvider>
  </StrictMode>,
);
