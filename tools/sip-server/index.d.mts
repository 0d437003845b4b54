// Hand-written declarations for index.mjs (plain JS, checked with // @ts-check).

/** SIP domain and digest realm served by the test server. */
export declare const DOMAIN: 'webphone.test';
/** Port used by the CLI when --port is not given. */
export declare const DEFAULT_PORT: 5066;
/** What a non-root user has to run when kamailio is missing. */
export declare const INSTALL_COMMAND: 'sudo apt-get install -y kamailio kamailio-websocket-modules';

export interface SipTestUser {
  /** "1001" .. "1012"; also the SIP user and the digest username. */
  readonly extension: string;
  /** `secret<extension>`, e.g. "secret1001". */
  readonly password: string;
  /** md5("<extension>:webphone.test:<password>"), usable as sip.js `authorizationHa1`. */
  readonly ha1: string;
  /** "sip:<extension>@webphone.test" */
  readonly uri: string;
}

/** The twelve test accounts 1001..1012. */
export declare const users: readonly SipTestUser[];

/** `count` test accounts from 1001 up, password `secret<ext>` (what a server started with `userCount` holds). */
export declare function testUsers(count: number): readonly SipTestUser[];

/** md5("user:realm:password") in lowercase hex. */
export declare function ha1(user: string, realm: string, password: string): string;

export interface KamailioInstallation {
  /** Path of the kamailio binary (env KAMAILIO_BIN overrides the search). */
  binary: string;
  /** Directory with websocket.so etc. (env KAMAILIO_MODULES_DIR overrides). */
  modulesDir: string;
}

/**
 * Finds kamailio and its websocket/xhttp modules. When missing and running as
 * root (and `install` is not false) installs the Debian packages with apt-get;
 * otherwise rejects with an error whose message contains INSTALL_COMMAND.
 */
export declare function ensureKamailioInstalled(options?: { install?: boolean }): Promise<KamailioInstallation>;

export interface SipServerOptions {
  /** TCP port on 127.0.0.1. 0 or absent: a free port is chosen. */
  port?: number;
  /** Only loopback is supported. */
  host?: '127.0.0.1';
  /** Directory for the generated cfg, db_text tables and pid file. Default: a fresh mkdtemp dir, removed on stop(). */
  runtimeDir?: string;
  /**
   * Kamailio's stdout/stderr: 'inherit' forwards it to this process's
   * stdout/stderr (and keeps the last 64 KB); 'pipe' (default) keeps the last
   * 64 KB in memory (see logTail()); 'ignore' keeps only the last 8 KB, used
   * in startup error messages.
   */
  log?: 'inherit' | 'pipe' | 'ignore';
  /** Install kamailio with apt-get when missing and running as root. Default true. */
  install?: boolean;
  /** Kamailio `debug` level: 1 notice (default), 2 info, 3 debug. Env WEBPHONE_SIP_DEBUG sets the default. */
  debugLevel?: number;
  /** How long to wait for the WebSocket handshake to succeed. Default 10000 ms. */
  startTimeoutMs?: number;
  /**
   * Kamailio sends WebSocket Ping frames to connections idle for 30 s (default
   * true). With false it sends nothing on an idle connection, as many PBXs do,
   * so only the client's own keep-alive traffic holds a connection open.
   */
  wsPings?: boolean;
  /** Seconds a connection must be idle before Kamailio pings it (default 30, whole seconds from 1). */
  wsPingIdleSeconds?: number;
  /** How many test accounts from 1001 up (default 12, at most 8999), e.g. 200 for a load test. */
  userCount?: number;
  /** Ports of the other nodes of a cluster (see {@link startSipCluster}); needs a fixed `port`. */
  peers?: readonly number[];
  /** The token the nodes of a cluster share to trust each other's hand-overs (8–64 letters and digits; random when absent). */
  clusterToken?: string;
}

/** A cluster of Kamailio nodes on 127.0.0.1 (see {@link startSipCluster}). */
export interface SipClusterHandle {
  /** The nodes, each stoppable and restartable on its own. */
  readonly nodes: readonly SipServerHandle[];
  /** Their ws:// URLs, in order. */
  readonly urls: readonly string[];
  readonly domain: 'webphone.test';
  /** Stops every node. */
  stop(): Promise<void>;
}

/**
 * Starts `nodes` (2 to 4, default 2) Kamailio instances that form one
 * cluster: they share registrations and each phone's latest connection
 * through DMQ, and each takes the others' Record-Route as its own.
 */
export declare function startSipCluster(
  options?: Omit<SipServerOptions, 'port' | 'peers' | 'runtimeDir' | 'clusterToken'> & { nodes?: number },
): Promise<SipClusterHandle>;

/** One contact binding held by the registrar (from usrloc `ul.dump`). */
export interface SipBinding {
  /** User part of the address of record, e.g. "1001". */
  readonly aor: string;
  /** The Contact URI the client registered (sip.js: a random `*.invalid` host). */
  readonly contact: string;
  /** Where the registrar reaches the client: the WebSocket's source address. */
  readonly received: string;
  /** Seconds until the binding expires. */
  readonly expires: number;
  /** Call-ID of the REGISTER that made or last refreshed it. */
  readonly callId: string;
  /** CSeq of that REGISTER. */
  readonly cseq: number;
}

export interface SipServerHandle {
  /** ws://127.0.0.1:PORT — pass as sip.js `transportOptions.server`. */
  readonly url: string;
  readonly port: number;
  /** PID of the kamailio main process (also its process group id); changes on restart(); after stop() the last PID. */
  readonly pid: number;
  readonly runtimeDir: string;
  readonly domain: 'webphone.test';
  /** SIGTERM to the process group, SIGKILL after a grace period; waits for exit. Idempotent. */
  stop(): Promise<void>;
  /** stop(), then start again on the same port and runtime dir. Registrations are lost. */
  restart(): Promise<void>;
  /** Kamailio's recent output (current or last stopped instance); see `log`. */
  logTail(): string;
  /** The registrar's bindings now, all of them or those of one extension (JSON-RPC `ul.dump` over HTTP at /RPC). */
  bindings(extension?: string): Promise<SipBinding[]>;
  /** Any Kamailio RPC command (JSON-RPC at /RPC), e.g. `rpc('stats.get_statistics', 'core:rcv_requests_register')`; resolves with its `result`. */
  rpc(method: string, ...params: unknown[]): Promise<unknown>;
}

/**
 * Starts kamailio in the foreground of its own process group and resolves once
 * a WebSocket handshake with subprotocol "sip" succeeds on the port.
 */
export declare function startSipServer(options?: SipServerOptions): Promise<SipServerHandle>;
