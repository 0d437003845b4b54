// Runs a phone in a child process: registers, then waits for the parent to
// kill the SIP server, and calls destroy() while the phone is reconnecting.
// The parent checks that this process then exits on its own (nothing left
// running: no socket, no timer, no listener keeping the event loop alive).
import { WebSocket } from 'ws';

globalThis.WebSocket = WebSocket;
const { PhoneOperator } = await import('../../../dist/index.js');

const [server, domain] = process.argv.slice(2);
const phone = new PhoneOperator({
  server,
  domain,
  extension: '1005',
  password: 'secret1005',
  logLevel: 'silent',
  reconnect: { initialDelayMs: 300, maxDelayMs: 600 },
});
phone.once('registered', () => process.stdout.write('registered\n'));
const unsubscribe = phone.store.subscribe((state) => {
  if (state.reconnect.attempt >= 2) {
    unsubscribe();
    phone.destroy();
    process.stdout.write(`destroyed during reconnect attempt ${state.reconnect.attempt}\n`);
  }
});
phone.start();
