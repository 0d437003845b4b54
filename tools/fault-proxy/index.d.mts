// Hand-written declarations for index.mjs (plain JS, checked with // @ts-check).

/** Where the proxy listens and what it forwards to. */
export interface FaultProxyOptions {
  /** The server behind the proxy; loopback only. */
  target: { host?: string; port: number };
  /** Port on 127.0.0.1 to listen on; 0 or absent picks a free one. */
  port?: number;
}

/** Counters since the proxy started. */
export interface FaultProxyStats {
  /** Connections accepted (including those accepted into a blackhole). */
  readonly accepted: number;
  /** Connections reset at once while refusing. */
  readonly refused: number;
  /** Connections closed by `cut()`. */
  readonly cut: number;
  /** Connections closed by the idle timeout. */
  readonly idleClosed: number;
  /** Connections blackholed by the idle timeout. */
  readonly idleBlackholed: number;
  /** Connections cut by accept-then-drop (`dropAfterReply`). */
  readonly dropped: number;
  /** Connections whose client side is open now. */
  readonly open: number;
  /** Of those, the blackholed ones. */
  readonly blackholed: number;
}

/** A running proxy and its fault switches. */
export interface FaultProxy {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** `ws://127.0.0.1:<port>` (or another scheme), to hand to a client. */
  url(scheme?: string): string;
  /** Closes every open connection on both sides (FIN, or RST with `reset`); returns how many. */
  cut(options?: { reset?: boolean }): number;
  /** New connections are reset at once, for `ms` or until `accept()`. */
  refuse(ms?: number): void;
  /** New connections pass again. */
  accept(): void;
  /**
   * From now on every byte of the open connections and of new ones is
   * swallowed, both ways, and no close is passed on: the sockets stay open
   * (a half-open link, as behind a NAT box that lost its mapping). New
   * connections are accepted but never reach the server.
   */
  blackhole(): void;
  /** New connections pass again; connections blackholed so far stay blackholed until closed. */
  restore(): void;
  /**
   * Connections with no byte in either direction for `ms` are closed
   * (`'close'`, like nginx or a load balancer) or silently blackholed
   * (`'blackhole'`, like a NAT box); `null` turns it off.
   */
  idleTimeout(ms: number | null, action?: 'close' | 'blackhole'): void;
  /**
   * Accept-then-drop for new connections: the client's bytes pass until the
   * server has replied once (for a WebSocket, the handshake); the client's
   * next bytes (its first SIP request) cut the connection instead.
   */
  dropAfterReply(on: boolean): void;
  stats(): FaultProxyStats;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 that forwards to `options.target`. */
export declare function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy>;
