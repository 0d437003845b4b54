import { WebSocket as NodeWebSocket } from 'ws';

/**
 * Node 20 has no global WebSocket; sip.js's transport needs one. Counting
 * constructions lets tests see every connection attempt the phone makes.
 */
export const webSocketOpens = { count: 0 };

class CountingWebSocket extends NodeWebSocket {
  constructor(...args: ConstructorParameters<typeof NodeWebSocket>) {
    super(...args);
    webSocketOpens.count += 1;
  }
}

(globalThis as { WebSocket?: unknown }).WebSocket = CountingWebSocket;
