// Server rendering in plain Node: <PhoneProvider config={…}><Softphone /></PhoneProvider> to HTML.
// Any WebSocket opened while rendering throws; the process must end by itself (no timer left).
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { PhoneProvider } from '@webphone/react';
import { Softphone } from '@webphone/ui';

let sockets = 0;
globalThis.WebSocket = class {
  constructor() {
    sockets += 1;
    throw new Error('a WebSocket was opened during server rendering');
  }
};
const config = { server: 'wss://pbx.example.com/ws', extension: '1001', password: 's3cret', iceServers: [] };
const html = renderToString(createElement(PhoneProvider, { config }, createElement(Softphone, { title: 'Consumer app' })));
process.stdout.write(JSON.stringify({ html, sockets }));
