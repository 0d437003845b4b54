import { WebSocket as NodeWebSocket } from 'ws';

/**
 * What crossed the wire, counted at the transport: sockets opened, REGISTER
 * requests sent that ask for a binding (not un-REGISTERs), and 200 OK
 * answers to a REGISTER that made a binding (Expires > 0).
 */
export const wire = { sockets: 0, registers: 0, bindings: 0 };

function text(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return '';
}

/** True for a 200 OK to a REGISTER that grants a binding. */
function isBindingAccepted(message: string): boolean {
  if (!/^SIP\/2\.0 200 /.test(message) || !/^CSeq:\s*\d+\s+REGISTER\s*$/im.test(message)) return false;
  const expires = [...message.matchAll(/;\s*expires=(\d+)/gi)].map((m) => Number(m[1]));
  return expires.some((value) => value > 0);
}

class CountingWebSocket extends NodeWebSocket {
  constructor(...args: ConstructorParameters<typeof NodeWebSocket>) {
    super(...args);
    wire.sockets += 1;
    this.addEventListener('message', (event) => {
      if (isBindingAccepted(text(event.data))) wire.bindings += 1;
    });
    const send = this.send.bind(this) as (...args: unknown[]) => void;
    this.send = ((...args: unknown[]) => {
      const message = text(args[0]);
      if (message.startsWith('REGISTER ') && !/^Expires:\s*0\s*$|;\s*expires=0\b/im.test(message)) wire.registers += 1;
      send(...args);
    }) as NodeWebSocket['send'];
  }
}

/**
 * Installs the counting WebSocket as the global one sip.js uses (happy-dom's
 * own WebSocket is replaced: the test talks to the real Kamailio through `ws`).
 */
export function installCountingWebSocket(): void {
  (globalThis as { WebSocket?: unknown }).WebSocket = CountingWebSocket;
}

/** Zeroes the counters. */
export function resetWire(): void {
  wire.sockets = 0;
  wire.registers = 0;
  wire.bindings = 0;
}
