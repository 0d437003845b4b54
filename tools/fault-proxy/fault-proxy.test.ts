// Checks every fault switch of the proxy against a small TCP echo server on
// loopback: what reaches the server, what comes back, and which sockets close.
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './index.mjs';

/** Echoes every chunk back, prefixed with "echo:"; remembers what it received. */
interface EchoServer {
  readonly port: number;
  readonly received: string[];
  readonly sockets: Set<net.Socket>;
  close(): Promise<void>;
}

async function startEcho(): Promise<EchoServer> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk) => {
      received.push(String(chunk));
      socket.write(`echo:${chunk}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    sockets,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A client socket that collects what it receives and whether it closed. */
interface Client {
  readonly socket: net.Socket;
  readonly data: string[];
  closed: boolean;
  error: NodeJS.ErrnoException | undefined;
}

function connectClient(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const client: Client = { socket, data: [], closed: false, error: undefined };
    socket.on('data', (chunk) => client.data.push(String(chunk)));
    socket.on('close', () => (client.closed = true));
    socket.on('error', (error) => (client.error = error));
    socket.once('connect', () => resolve(client));
    socket.once('error', reject);
  });
}

/** Connects and resolves once the socket closes (a refused connection may reset before or after 'connect'). */
function closedConnection(port: number): Promise<{ data: string[] }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const data: string[] = [];
    socket.on('data', (chunk) => data.push(String(chunk)));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ data }));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(predicate: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(10);
  }
}

let echo: EchoServer;
let proxy: FaultProxy;
const clients: Client[] = [];

async function client(): Promise<Client> {
  const c = await connectClient(proxy.port);
  clients.push(c);
  return c;
}

beforeEach(async () => {
  echo = await startEcho();
  proxy = await startFaultProxy({ target: { port: echo.port } });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.destroy();
  await proxy.close();
  await echo.close();
});

describe('fault proxy', () => {
  it('passes bytes both ways and passes a close on', async () => {
    expect(proxy.url()).toBe(`ws://127.0.0.1:${proxy.port}`);
    const c = await client();
    c.socket.write('hello');
    await until(() => c.data.join('') === 'echo:hello', 'the echo');
    expect(echo.received).toEqual(['hello']);
    expect(proxy.stats()).toMatchObject({ accepted: 1, open: 1 });
    c.socket.end();
    await until(() => echo.sockets.size === 0, 'the server side to close');
    await until(() => proxy.stats().open === 0, 'the link to go');
  });

  it('refuses only the target outside loopback', async () => {
    await expect(startFaultProxy({ target: { host: '10.0.0.1', port: 1 } })).rejects.toThrow(/loopback/);
  });

  it('cut() closes every open connection on both sides', async () => {
    const [a, b] = [await client(), await client()];
    a.socket.write('x');
    await until(() => echo.sockets.size === 2, 'two server sides');
    expect(proxy.cut()).toBe(2);
    await until(() => a.closed && b.closed, 'both clients to see the close');
    await until(() => echo.sockets.size === 0, 'the server sides to close');
    expect(proxy.stats()).toMatchObject({ cut: 2, open: 0 });
    // New connections still pass.
    const c = await client();
    c.socket.write('again');
    await until(() => c.data.join('') === 'echo:again', 'the echo after the cut');
  });

  it('cut({ reset: true }) resets the clients', async () => {
    const c = await client();
    c.socket.write('x');
    await until(() => c.data.length > 0, 'the echo');
    proxy.cut({ reset: true });
    await until(() => c.closed, 'the reset');
    expect(c.error?.code).toBe('ECONNRESET');
  });

  it('refuse(ms) resets new connections for a while, then lets them pass; accept() ends it early', async () => {
    proxy.refuse(300);
    expect((await closedConnection(proxy.port)).data).toEqual([]);
    expect(echo.received).toEqual([]);
    await sleep(350);
    const passed = await client();
    passed.socket.write('late');
    await until(() => passed.data.join('') === 'echo:late', 'the echo after the refusal');

    proxy.refuse();
    await closedConnection(proxy.port);
    proxy.accept();
    const afterAccept = await client();
    afterAccept.socket.write('ok');
    await until(() => afterAccept.data.join('') === 'echo:ok', 'the echo after accept()');
    expect(proxy.stats()).toMatchObject({ refused: 2, accepted: 2 });
  });

  it('blackhole() swallows bytes both ways and keeps the sockets open; restore() lets new connections pass', async () => {
    const old = await client();
    old.socket.write('before');
    await until(() => old.data.length === 1, 'the echo before the blackhole');
    proxy.blackhole();
    old.socket.write('into the void');
    // The server writes too: nothing reaches the client.
    for (const socket of echo.sockets) socket.write('from the server');
    const born = await client();
    born.socket.write('hello?');
    await sleep(300);
    expect(echo.received).toEqual(['before']);
    expect(old.data).toEqual(['echo:before']);
    expect(born.data).toEqual([]);
    expect(old.closed || born.closed).toBe(false);
    expect(proxy.stats()).toMatchObject({ open: 2, blackholed: 2 });

    // The client gives up: its close does not reach the server, whose socket stays open (half-open).
    old.socket.destroy();
    await sleep(100);
    expect(echo.sockets.size).toBe(1);

    proxy.restore();
    const fresh = await client();
    fresh.socket.write('back');
    await until(() => fresh.data.join('') === 'echo:back', 'the echo after restore()');
    born.socket.write('still there?');
    await sleep(100);
    expect(born.data).toEqual([]);
  });

  it('idleTimeout(ms) closes connections idle that long and spares busy ones', async () => {
    proxy.idleTimeout(300);
    const [quiet, busy] = [await client(), await client()];
    const ticker = setInterval(() => busy.socket.write('.'), 80);
    try {
      await until(() => quiet.closed, 'the idle connection to close', 2000);
      expect(busy.closed).toBe(false);
      expect(proxy.stats()).toMatchObject({ idleClosed: 1, open: 1 });
    } finally {
      clearInterval(ticker);
    }
  });

  it("idleTimeout(ms, 'blackhole') silently blackholes idle connections", async () => {
    proxy.idleTimeout(200, 'blackhole');
    const c = await client();
    await until(() => proxy.stats().blackholed === 1, 'the idle connection to be blackholed', 2000);
    c.socket.write('anyone?');
    await sleep(150);
    expect(c.closed).toBe(false);
    expect(c.data).toEqual([]);
    expect(echo.received).toEqual([]);
    expect(proxy.stats().idleBlackholed).toBe(1);
  });

  it('dropAfterReply(true) passes the first exchange and cuts on the next client bytes', async () => {
    proxy.dropAfterReply(true);
    const c = await client();
    c.socket.write('handshake');
    await until(() => c.data.join('') === 'echo:handshake', 'the first reply');
    c.socket.write('REGISTER');
    await until(() => c.closed, 'the drop');
    expect(echo.received).toEqual(['handshake']);
    expect(proxy.stats()).toMatchObject({ dropped: 1, open: 0 });
    proxy.dropAfterReply(false);
    const d = await client();
    d.socket.write('one');
    await until(() => d.data.length === 1, 'the first echo');
    d.socket.write('two');
    await until(() => d.data.length === 2, 'the second echo');
  });

  it('close() stops listening and closes every connection', async () => {
    const c = await client();
    await proxy.close();
    await until(() => c.closed, 'the client to close');
    await expect(connectClient(proxy.port)).rejects.toThrow(/ECONNREFUSED/);
    proxy = await startFaultProxy({ target: { port: echo.port } }); // for afterEach
  });
});
