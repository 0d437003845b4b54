// Verifies the Kamailio test server end to end with sip.js 0.21 in Node:
// registration (password, HA1, wrong password), a call 1001 -> 1002 with
// in-dialog INFO both ways, re-INVITE and BYE from the callee, 404 / 480 for
// unknown / unregistered users, and stop()/restart() by PID.
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  Inviter,
  Messager,
  Registerer,
  RegistererState,
  SIPExtension,
  SessionState,
  UserAgent,
  type BodyAndContentType,
  type Invitation,
  type Session,
  type SessionDescriptionHandler,
  type SessionDescriptionHandlerFactory,
  type UserAgentOptions,
} from 'sip.js';
import { DOMAIN, INSTALL_COMMAND, ensureKamailioInstalled, ha1, startSipServer, testUsers, users, type SipServerHandle } from './index.mjs';

// Node 20 has no global WebSocket; sip.js's transport needs one.
const globals = globalThis as { WebSocket?: unknown };
const previousWebSocket = globals.WebSocket;
globals.WebSocket = WebSocket;

// ---------------------------------------------------------------------------
// A media-less SessionDescriptionHandler: offer/answer with a fixed SDP.
// Padded to ~19 KB, more than Kamailio's default 16 KB TCP read buffer that
// a big WebRTC offer (video, simulcast, many candidates) can exceed; pins
// the tcp_rd_buf_size setting in kamailio.cfg.
// ---------------------------------------------------------------------------
const padding = Array.from({ length: 200 }, (_, i) => `a=x-padding-${i}:${'p'.repeat(80)}`);
const fakeSdp = [
  'v=0',
  'o=- 1 1 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 9 RTP/AVP 0',
  'a=rtpmap:0 PCMU/8000',
  'a=sendrecv',
  ...padding,
  '',
].join('\r\n');

class FakeSdh implements SessionDescriptionHandler {
  close(): void {}
  getDescription(): Promise<BodyAndContentType> {
    return Promise.resolve({ body: fakeSdp, contentType: 'application/sdp' });
  }
  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }
  rollbackDescription(): Promise<void> {
    return Promise.resolve();
  }
  setDescription(): Promise<void> {
    return Promise.resolve();
  }
  sendDtmf(): boolean {
    return true;
  }
}
const fakeSdhFactory: SessionDescriptionHandlerFactory = () => new FakeSdh();

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function waitForSessionState(session: Session, state: SessionState, ms = 5000): Promise<void> {
  if (session.state === state) return Promise.resolve();
  return withTimeout(
    new Promise<void>((resolve) => {
      const listener = (s: SessionState): void => {
        if (s === state) {
          session.stateChange.removeListener(listener);
          resolve();
        }
      };
      session.stateChange.addListener(listener);
    }),
    ms,
    `session state ${state}`,
  );
}

const started: UserAgent[] = [];

type Credentials = { password: string } | { ha1: string };

interface UaHooks {
  onInvite?: (inv: Invitation) => void;
  onMessage?: (body: string) => void;
  /** For a UA whose connection a test cuts on purpose: its failing un-REGISTER on stop() is expected. */
  quiet?: boolean;
}

async function startUa(extension: string, credentials: Credentials, url: string, hooks: UaHooks = {}): Promise<UserAgent> {
  const { onInvite, onMessage, quiet = false } = hooks;
  const options: UserAgentOptions = {
    uri: UserAgent.makeURI(`sip:${extension}@${DOMAIN}`),
    transportOptions: { server: url },
    authorizationUsername: extension,
    logLevel: 'error',
    logBuiltinEnabled: !quiet,
    sessionDescriptionHandlerFactory: fakeSdhFactory,
    // Off by default in sip.js; needed for the attended-transfer target to
    // match the Replaces header to its dialog and hang up the old call.
    sipExtensionReplaces: SIPExtension.Supported,
    delegate: {
      onInvite: onInvite ?? ((inv) => void inv.reject()),
      onMessage: (message) => {
        void message.accept();
        onMessage?.(message.request.body);
      },
    },
  };
  if ('password' in credentials) options.authorizationPassword = credentials.password;
  else options.authorizationHa1 = credentials.ha1;
  const ua = new UserAgent(options);
  started.push(ua);
  await ua.start();
  return ua;
}

/** Sends REGISTER and resolves with the final status code (200, 401, 403...). */
function register(ua: UserAgent): Promise<{ registerer: Registerer; status: number }> {
  const registerer = new Registerer(ua);
  return withTimeout(
    new Promise((resolve, reject) => {
      registerer
        .register({
          requestDelegate: {
            onAccept: (r) => resolve({ registerer, status: r.message.statusCode ?? 0 }),
            onReject: (r) => resolve({ registerer, status: r.message.statusCode ?? 0 }),
          },
        })
        .catch(reject);
    }),
    5000,
    'REGISTER final response',
  );
}

async function registeredUa(extension: string, credentials: Credentials, url: string, hooks: UaHooks = {}) {
  const ua = await startUa(extension, credentials, url, hooks);
  const { registerer, status } = await register(ua);
  expect(status).toBe(200);
  expect(registerer.state).toBe(RegistererState.Registered);
  return ua;
}

/** INVITE from `ua` to `target` (a user of DOMAIN or a full SIP URI); resolves with the final status code. */
function callStatus(ua: UserAgent, target: string): Promise<{ inviter: Inviter; status: number }> {
  const uri = UserAgent.makeURI(target.startsWith('sip:') ? target : `sip:${target}@${DOMAIN}`);
  if (!uri) throw new Error('bad target');
  const inviter = new Inviter(ua, uri);
  return withTimeout(
    new Promise((resolve, reject) => {
      inviter
        .invite({
          requestDelegate: {
            onAccept: (r) => resolve({ inviter, status: r.message.statusCode ?? 0 }),
            onReject: (r) => resolve({ inviter, status: r.message.statusCode ?? 0 }),
          },
        })
        .catch(reject);
    }),
    5000,
    `final response to INVITE ${target}`,
  );
}

const [u1001, u1002] = users;

// ---------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------
describe('test users', () => {
  it('exposes 1001..1012 with secret<ext> and md5 HA1', () => {
    expect(users.map((u) => u.extension)).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008', '1009', '1010', '1011', '1012']);
    expect(u1001).toMatchObject({ extension: '1001', password: 'secret1001', uri: 'sip:1001@webphone.test' });
    // md5("1001:webphone.test:secret1001")
    expect(u1001.ha1).toBe(ha1('1001', 'webphone.test', 'secret1001'));
    expect(u1001.ha1).toMatch(/^[0-9a-f]{32}$/);
  });

  it('names the install command when kamailio is missing and installing is not allowed', async () => {
    const saved = process.env.KAMAILIO_BIN;
    process.env.KAMAILIO_BIN = '/nonexistent/kamailio';
    try {
      await expect(ensureKamailioInstalled({ install: false })).rejects.toThrow(INSTALL_COMMAND);
    } finally {
      if (saved === undefined) delete process.env.KAMAILIO_BIN;
      else process.env.KAMAILIO_BIN = saved;
    }
  });
});

describe('kamailio SIP-over-WebSocket server', () => {
  let server: SipServerHandle;

  beforeAll(async () => {
    server = await startSipServer({ port: 0 });
  });
  afterEach(async () => {
    await Promise.allSettled(started.splice(0).map((ua) => ua.stop()));
  });
  afterAll(async () => {
    await server?.stop();
    globals.WebSocket = previousWebSocket;
  });

  it('listens on ws://127.0.0.1 with its own runtime dir and process', () => {
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.domain).toBe('webphone.test');
    expect(() => process.kill(server.pid, 0)).not.toThrow();
  });

  it('refuses a fixed port that is already taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startSipServer({ port })).rejects.toThrow(/in use/);
    } finally {
      blocker.close();
    }
  });

  it('registers with a password', async () => {
    await registeredUa(u1001.extension, { password: u1001.password }, server.url);
  });

  it('registers with only the HA1', async () => {
    await registeredUa(u1002.extension, { ha1: u1002.ha1 }, server.url);
  });

  it('rejects a wrong password', async () => {
    const ua = await startUa('1001', { password: 'wrong' }, server.url);
    const { registerer, status } = await register(ua);
    expect([401, 403]).toContain(status);
    expect(registerer.state).not.toBe(RegistererState.Registered);
  });

  it('connects a call 1001 -> 1002; INFO flows both ways, re-INVITE works, BYE from the callee ends it', async () => {
    let resolveInvite: (inv: Invitation) => void = () => {};
    const invited = new Promise<Invitation>((resolve) => (resolveInvite = resolve));
    await registeredUa(u1002.extension, { ha1: u1002.ha1 }, server.url, {
      onInvite: (inv) => {
        resolveInvite(inv);
        void inv.accept();
      },
    });

    const caller = await registeredUa(u1001.extension, { password: u1001.password }, server.url);
    const { inviter, status } = await callStatus(caller, '1002');
    expect(status).toBe(200);
    const calleeSession = await withTimeout(invited, 5000, 'INVITE at 1002');
    await waitForSessionState(inviter, SessionState.Established);
    await waitForSessionState(calleeSession, SessionState.Established);

    // INFO callee -> caller: the request goes to the caller's *.invalid
    // Contact, which only works through the proxy's alias handling.
    const infoAtCaller = new Promise<string>((resolve) => {
      inviter.delegate = {
        onInfo: (info) => {
          void info.accept();
          resolve(info.request.body);
        },
      };
    });
    const infoToCallerStatus = new Promise<number>((resolve) => {
      void calleeSession.info({
        requestDelegate: { onAccept: (r) => resolve(r.message.statusCode ?? 0), onReject: (r) => resolve(r.message.statusCode ?? 0) },
        requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: 'Signal=5\r\nDuration=160\r\n' } },
      });
    });
    expect(await withTimeout(infoAtCaller, 5000, 'INFO at the caller')).toContain('Signal=5');
    expect(await withTimeout(infoToCallerStatus, 5000, 'response to INFO')).toBe(200);

    // INFO caller -> callee.
    const infoAtCallee = new Promise<string>((resolve) => {
      calleeSession.delegate = {
        onInfo: (info) => {
          void info.accept();
          resolve(info.request.body);
        },
      };
    });
    await inviter.info({
      requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: 'Signal=7\r\nDuration=160\r\n' } },
    });
    expect(await withTimeout(infoAtCallee, 5000, 'INFO at the callee')).toContain('Signal=7');

    // re-INVITE from the caller (e.g. hold), answered by the callee.
    const reinviteStatus = new Promise<number>((resolve, reject) => {
      inviter
        .invite({ requestDelegate: { onAccept: (r) => resolve(r.message.statusCode ?? 0), onReject: (r) => resolve(r.message.statusCode ?? 0) } })
        .catch(reject);
    });
    expect(await withTimeout(reinviteStatus, 5000, 'response to re-INVITE')).toBe(200);

    // BYE from the callee ends the caller's session.
    await calleeSession.bye();
    await waitForSessionState(inviter, SessionState.Terminated);
    await waitForSessionState(calleeSession, SessionState.Terminated);
  });

  it('carries an attended transfer: REFER, NOTIFY and an INVITE with Replaces to the target', async () => {
    // 1001 talks to 1002 (call A) and to 1003 (call B), then asks 1002 to
    // replace call B: REFER in dialog A, 1002 INVITEs 1003 with Replaces
    // (addressed to 1003's aliased Contact), NOTIFYs report progress to 1001.
    let resolveAtTransferee: (inv: Invitation) => void = () => {};
    const atTransferee = new Promise<Invitation>((resolve) => (resolveAtTransferee = resolve));
    await registeredUa('1002', { password: 'secret1002' }, server.url, {
      onInvite: (inv) => {
        resolveAtTransferee(inv);
        void inv.accept();
      },
    });
    let resolveReplacing: (inv: Invitation) => void = () => {};
    const replacing = new Promise<Invitation>((resolve) => (resolveReplacing = resolve));
    await registeredUa('1003', { password: 'secret1003' }, server.url, {
      onInvite: (inv) => {
        if (inv.request.hasHeader('Replaces')) resolveReplacing(inv);
        void inv.accept();
      },
    });
    const transferor = await registeredUa(u1001.extension, { password: u1001.password }, server.url);

    const callA = await callStatus(transferor, '1002');
    const callB = await callStatus(transferor, '1003');
    expect([callA.status, callB.status]).toEqual([200, 200]);
    await waitForSessionState(callA.inviter, SessionState.Established);
    await waitForSessionState(callB.inviter, SessionState.Established);
    const sessionAtTransferee = await withTimeout(atTransferee, 5000, 'call A at 1002');

    // The transferee follows the REFER with a new INVITE (sip.js Referral).
    let transfereeInviter: Inviter | undefined;
    const referred = new Promise<void>((resolve) => {
      sessionAtTransferee.delegate = {
        onRefer: (referral) => {
          void referral.accept().then(() => {
            transfereeInviter = referral.makeInviter();
            void transfereeInviter.invite();
            resolve();
          });
        },
      };
    });
    const notified = new Promise<string>((resolve) => {
      void callA.inviter.refer(callB.inviter, {
        onNotify: (notification) => {
          void notification.accept();
          if (/SIP\/2\.0 200/.test(notification.request.body)) resolve(notification.request.body);
        },
      });
    });

    await withTimeout(referred, 5000, 'REFER at 1002');
    const replacingInvite = await withTimeout(replacing, 5000, 'INVITE with Replaces at 1003');
    expect(replacingInvite.request.getHeader('Replaces')).toContain(callB.inviter.request.callId);
    expect(await withTimeout(notified, 5000, 'NOTIFY 200 at 1001')).toContain('SIP/2.0 200');
    if (!transfereeInviter) throw new Error('no INVITE from the transferee');
    await waitForSessionState(transfereeInviter, SessionState.Established);
    // 1003 hangs up the replaced call B itself (sip.js sends the BYE).
    expect(replacingInvite.replacee).toBeDefined();
    await waitForSessionState(callB.inviter, SessionState.Terminated);
  });

  it('relays an out-of-dialog MESSAGE to a registered user', async () => {
    let resolveBody: (body: string) => void = () => {};
    const received = new Promise<string>((resolve) => (resolveBody = resolve));
    const target = await startUa(u1002.extension, { password: u1002.password }, server.url, { onMessage: resolveBody });
    expect((await register(target)).status).toBe(200);
    const sender = await registeredUa(u1001.extension, { password: u1001.password }, server.url);
    const to = UserAgent.makeURI(u1002.uri);
    if (!to) throw new Error('bad uri');
    const status = new Promise<number>((resolve) => {
      void new Messager(sender, to, 'hello 1002').message({
        requestDelegate: { onAccept: (r) => resolve(r.message.statusCode ?? 0), onReject: (r) => resolve(r.message.statusCode ?? 0) },
      });
    });
    expect(await withTimeout(received, 5000, 'MESSAGE at 1002')).toBe('hello 1002');
    expect(await withTimeout(status, 5000, 'response to MESSAGE')).toBe(200);
  });

  it('answers 404 for an unknown user', async () => {
    const caller = await registeredUa(u1001.extension, { password: u1001.password }, server.url);
    expect((await callStatus(caller, '9999')).status).toBe(404);
  });

  it('answers 480 for a known user that is not registered', async () => {
    const caller = await registeredUa(u1001.extension, { password: u1001.password }, server.url);
    expect((await callStatus(caller, '1003')).status).toBe(480);
  });

  it('answers 480 once a registered user has disconnected', async () => {
    const callee = await registeredUa('1004', { password: 'secret1004' }, server.url, { quiet: true });
    const caller = await registeredUa(u1001.extension, { password: u1001.password }, server.url);
    // Drop the WebSocket without unregistering: the contact stays in the
    // location table but its connection is gone.
    await callee.transport.disconnect();
    expect((await callStatus(caller, '1004')).status).toBe(480);
  });

  it('forwards only to loopback and only for its own domain', async () => {
    const caller = await registeredUa(u1001.extension, { password: u1001.password }, server.url);
    // Foreign domain: no open relay.
    expect((await callStatus(caller, 'sip:1002@example.com')).status).toBe(403);
    // A forged alias naming a non-127.x next hop is refused. 0.0.0.0 is
    // chosen so that even a broken guard would only connect locally.
    expect((await callStatus(caller, 'sip:x@forged.invalid;alias=0.0.0.0~9~2;transport=ws')).status).toBe(403);
  });

  it('stop() ends the process; restart() serves again on the same port', async () => {
    const { pid, port } = server;
    await server.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    await server.stop(); // idempotent

    await server.restart();
    expect(server.port).toBe(port);
    expect(server.pid).not.toBe(pid);
    expect(() => process.kill(server.pid, 0)).not.toThrow();
    await registeredUa(u1001.extension, { password: u1001.password }, server.url);
  });
});

describe('keep-alive switches and registrar inspection', () => {
  beforeAll(() => {
    globals.WebSocket = WebSocket;
  });
  afterAll(() => {
    globals.WebSocket = previousWebSocket;
  });

  /** Opens a raw WebSocket (subprotocol sip) and counts the Ping frames the server sends within `ms`. */
  async function pingsWithin(url: string, ms: number): Promise<number> {
    const ws = new WebSocket(url, 'sip');
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let pings = 0;
    ws.on('ping', () => pings++);
    await new Promise((resolve) => setTimeout(resolve, ms));
    ws.terminate();
    return pings;
  }

  it('pings an idle WebSocket by default and sends nothing with wsPings: false', async () => {
    const pinging = await startSipServer({ port: 0, wsPingIdleSeconds: 1 });
    const silent = await startSipServer({ port: 0, wsPings: false, wsPingIdleSeconds: 1 });
    try {
      const [withPings, withoutPings] = await Promise.all([pingsWithin(pinging.url, 3500), pingsWithin(silent.url, 3500)]);
      expect(withPings).toBeGreaterThan(0);
      expect(withoutPings).toBe(0);
    } finally {
      await Promise.all([pinging.stop(), silent.stop()]);
    }
  });

  it('refuses a wsPingIdleSeconds or userCount that Kamailio cannot take', async () => {
    await expect(startSipServer({ port: 0, wsPingIdleSeconds: 0.5 })).rejects.toThrow(/wsPingIdleSeconds/);
    await expect(startSipServer({ port: 0, userCount: 0 })).rejects.toThrow(/userCount/);
  });

  it('holds userCount accounts and answers RPC commands', async () => {
    const server = await startSipServer({ port: 0, userCount: 25 });
    try {
      const [first, , last] = [testUsers(25)[0], null, testUsers(25)[24]];
      expect([first.extension, last.extension, last.password]).toEqual(['1001', '1025', 'secret1025']);
      await registeredUa(last.extension, { password: last.password }, server.url);
      const stats = (await server.rpc('stats.get_statistics', 'core:')) as string[];
      expect(stats.find((line) => line.startsWith('core:rcv_requests_register '))).toMatch(/= [1-9]/);
      const ua = await startUa('1026', { password: 'secret1026' }, server.url);
      expect((await register(ua)).status).toBe(403);
      await Promise.allSettled(started.splice(0).map((agent) => agent.stop()));
    } finally {
      await server.stop();
    }
  });

  it('lists bindings per user, answers a CRLF ping with a pong and a keep-alive OPTIONS with 200', async () => {
    const server = await startSipServer({ port: 0, wsPings: false });
    try {
      expect(await server.bindings()).toEqual([]);
      const ua = await registeredUa(u1001.extension, { password: u1001.password }, server.url);
      const [binding, ...more] = await server.bindings('1001');
      expect(more).toEqual([]);
      expect(binding).toMatchObject({
        aor: '1001',
        contact: expect.stringContaining('.invalid'),
        received: expect.stringMatching(/^sip:127\.0\.0\.1:\d+;transport=ws$/),
      });
      expect(binding.expires).toBeGreaterThan(0);
      expect(await server.bindings('1002')).toEqual([]);

      // RFC 5626 §4.4.1 over WebSocket: a double CRLF is answered with one CRLF.
      const raw = new WebSocket(server.url, 'sip');
      await new Promise((resolve) => raw.once('open', resolve));
      const pong = new Promise<string>((resolve) => raw.once('message', (data) => resolve(String(data))));
      raw.send('\r\n\r\n');
      expect(await withTimeout(pong, 2000, 'CRLF pong')).toBe('\r\n');
      raw.terminate();

      // An out-of-dialog OPTIONS to the server itself, without Contact, as a keep-alive probe.
      const core = ua.userAgentCore;
      const target = UserAgent.makeURI(`sip:${DOMAIN}`);
      if (!target) throw new Error('bad uri');
      const options = core.makeOutgoingRequestMessage('OPTIONS', target, ua.configuration.uri, target, {});
      const status = new Promise<number>((resolve) => {
        core.request(options, { onAccept: (r) => resolve(r.message.statusCode ?? 0), onReject: (r) => resolve(r.message.statusCode ?? 0) });
      });
      expect(await withTimeout(status, 2000, 'answer to OPTIONS')).toBe(200);
      await Promise.allSettled(started.splice(0).map((agent) => agent.stop()));
    } finally {
      await server.stop();
    }
  });
});
