/**
 * An in-memory stand-in for the browser WebSocket that plays a SIP registrar,
 * for fast unit tests with fake timers. sip.js's real transport runs over it,
 * so everything above the socket is the product's own code.
 *
 * It is a fake for unit tests only: integration tests use the real Kamailio.
 */
export interface FakeRegistrar {
  /** Every SIP request the phone sent, as text. */
  readonly requests: string[];
  /** Every SIP response the phone sent, as text. */
  readonly responses: string[];
  /**
   * Rewrites (or, returning `null`, withholds) the registrar's own answer to
   * a REGISTER or OPTIONS before it is delivered; for tests that feed the
   * phone odd registrar answers.
   */
  rewriteAnswer: ((answer: string, request: string) => string | null) | undefined;
  /** Lifetime granted in 200 OK to REGISTER (seconds). */
  grantedExpires: number;
  /** Status line used to answer REGISTER; default 200 OK. */
  registerStatus: string;
  /** When false, new sockets fail to open. */
  accepting: boolean;
  /** Answer a double-CRLF ping with a CRLF pong, as Kamailio does (default true). */
  answersPing: boolean;
  /** Answer OPTIONS with 200 (default true). */
  answersOptions: boolean;
  /**
   * A half-open network: everything the phone sends is lost, nothing
   * arrives, no socket closes; new sockets never finish opening.
   */
  blackhole: boolean;
  /** Accept-then-drop: a REGISTER closes its socket (code 1006) instead of being answered. */
  dropOnRegister: boolean;
  /** A REGISTER is answered 200, then its socket closes (code 1006) a moment later. */
  dropAfterRegister: boolean;
  /** CRLF pings received (answered or not). */
  readonly pings: number[];
  /** Closes every open socket as a network failure would (code 1006). */
  dropAll(): void;
  /** Delivers raw text to every open socket, as if the server sent it. */
  injectAll(text: string): void;
  /** Sockets ever created. */
  readonly sockets: FakeSocket[];
}

type Handler<E> = ((event: E) => void) | null;

/** The part of the WebSocket API sip.js 0.21 uses. */
export interface FakeSocket {
  readonly url: string;
  readonly protocol: string;
  readyState: number;
  onopen: Handler<Event>;
  onclose: Handler<{ code: number; reason: string; wasClean: boolean }>;
  onerror: Handler<Event>;
  onmessage: Handler<{ data: string }>;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
}

/** The values of every `name` header line of `message` (no compact forms, no folding). */
export const header = (message: string, name: string): string[] =>
  message
    .split('\r\n')
    .filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    .map((line) => line.slice(line.indexOf(':') + 1).trim());

/** Builds a registrar and the WebSocket class bound to it. */
export function createFakeRegistrar(): { registrar: FakeRegistrar; WebSocket: new (url: string, protocol?: string) => FakeSocket } {
  const registrar: FakeRegistrar = {
    requests: [],
    responses: [],
    rewriteAnswer: undefined,
    grantedExpires: 60,
    registerStatus: 'SIP/2.0 200 OK',
    accepting: true,
    answersPing: true,
    answersOptions: true,
    blackhole: false,
    dropOnRegister: false,
    dropAfterRegister: false,
    pings: [],
    sockets: [],
    dropAll() {
      for (const socket of registrar.sockets) if (socket.readyState === 1) (socket as FakeSocketImpl).remoteClose(1006);
    },
    injectAll(text) {
      for (const socket of registrar.sockets) (socket as FakeSocketImpl).deliver(text);
    },
  };

  function answer(request: string): string | null {
    const [requestLine] = request.split('\r\n');
    if (requestLine?.startsWith('OPTIONS ') && registrar.answersOptions) {
      const to = header(request, 'to')[0] ?? '';
      return [
        'SIP/2.0 200 OK',
        ...header(request, 'via').map((value) => `Via: ${value}`),
        `From: ${header(request, 'from')[0]}`,
        `To: ${to};tag=fake${registrar.requests.length}`,
        `Call-ID: ${header(request, 'call-id')[0]}`,
        `CSeq: ${header(request, 'cseq')[0]}`,
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
    }
    if (!requestLine || !requestLine.startsWith('REGISTER ')) return null;
    const to = header(request, 'to')[0] ?? '';
    const contact = (header(request, 'contact')[0] ?? '').replace(/;\s*expires=\d+/i, '');
    const askedZero = /expires=0\b/i.test(header(request, 'contact')[0] ?? '') || header(request, 'expires')[0] === '0';
    const lines = [
      registrar.registerStatus,
      ...header(request, 'via').map((value) => `Via: ${value}`),
      `From: ${header(request, 'from')[0]}`,
      `To: ${/;tag=/.test(to) ? to : `${to};tag=fake${registrar.requests.length}`}`,
      `Call-ID: ${header(request, 'call-id')[0]}`,
      `CSeq: ${header(request, 'cseq')[0]}`,
      ...(registrar.registerStatus.includes(' 200 ') ? [`Contact: ${contact};expires=${askedZero ? 0 : registrar.grantedExpires}`] : []),
      'Content-Length: 0',
      '',
      '',
    ];
    return lines.join('\r\n');
  }

  class FakeSocketImpl implements FakeSocket {
    readonly protocol = 'sip';
    binaryType = 'blob';
    readyState = 0;
    onopen: Handler<Event> = null;
    onclose: Handler<{ code: number; reason: string; wasClean: boolean }> = null;
    onerror: Handler<Event> = null;
    onmessage: Handler<{ data: string }> = null;
    private readonly listeners = new Map<string, Set<(event: unknown) => void>>();

    constructor(readonly url: string) {
      registrar.sockets.push(this);
      queueMicrotask(() => {
        if (registrar.blackhole) return; // the handshake never completes; sip.js's connection timeout ends it
        if (registrar.accepting) {
          this.readyState = 1;
          this.fire('open', new Event('open'));
        } else {
          this.fire('error', new Event('error'));
          this.remoteClose(1006);
        }
      });
    }

    send(data: string): void {
      if (this.readyState !== 1) throw new Error('socket not open');
      if (registrar.blackhole) return;
      if (data === '\r\n\r\n') {
        registrar.pings.push(Date.now());
        if (registrar.answersPing) queueMicrotask(() => this.deliver('\r\n'));
        return;
      }
      if (!/^[A-Z]+ /.test(data)) {
        registrar.responses.push(data);
        return;
      }
      registrar.requests.push(data);
      if (registrar.dropOnRegister && data.startsWith('REGISTER ')) {
        queueMicrotask(() => this.remoteClose(1006));
        return;
      }
      const answered = answer(data);
      const response = answered && registrar.rewriteAnswer ? registrar.rewriteAnswer(answered, data) : answered;
      if (response) queueMicrotask(() => this.deliver(response));
      if (registrar.dropAfterRegister && data.startsWith('REGISTER ') && response?.startsWith('SIP/2.0 200')) setTimeout(() => this.remoteClose(1006), 50);
    }

    deliver(data: string): void {
      if (this.readyState === 1 && !registrar.blackhole) this.fire('message', { data });
    }

    close(code = 1000, reason = ''): void {
      if (this.readyState >= 2) return;
      this.readyState = 3;
      queueMicrotask(() => this.fire('close', { code, reason, wasClean: true }));
    }

    remoteClose(code: number): void {
      if (this.readyState >= 2) return;
      this.readyState = 3;
      this.fire('close', { code, reason: '', wasClean: false });
    }

    addEventListener(type: string, listener: (event: unknown) => void): void {
      let set = this.listeners.get(type);
      if (!set) this.listeners.set(type, (set = new Set()));
      set.add(listener);
    }

    removeEventListener(type: string, listener: (event: unknown) => void): void {
      this.listeners.get(type)?.delete(listener);
    }

    private fire(type: 'open' | 'close' | 'error' | 'message', event: unknown): void {
      const property = (this as unknown as Record<string, ((event: unknown) => void) | null>)[`on${type}`];
      property?.call(this, event);
      for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event);
    }
  }

  return { registrar, WebSocket: FakeSocketImpl };
}
