// @ts-check
/**
 * @webphone/fault-proxy — a TCP proxy on 127.0.0.1 that tests put between a
 * phone and the SIP server to break the connection on command: cut every
 * connection, refuse new ones for a while, blackhole connections (bytes are
 * swallowed, sockets stay open: a half-open link with no FIN), close or
 * blackhole connections that were idle for N ms (a NAT box or load balancer),
 * and accept-then-drop (pass the server's first reply, cut on the client's
 * next bytes). It speaks TCP only: the WebSocket handshake and frames pass
 * through untouched. No npm dependencies: only node: built-ins.
 */
import net from 'node:net';

const HOST = '127.0.0.1';

/**
 * @typedef {object} Link One proxied connection.
 * @property {net.Socket} client the phone's side
 * @property {net.Socket | undefined} upstream the server's side (none for a link accepted while blackholing)
 * @property {boolean} blackholed bytes are swallowed both ways; closes are not passed on
 * @property {boolean} dropAfterReply cut on the client's first bytes after the server replied
 * @property {boolean} replied the server sent something
 * @property {number} lastActivity epoch ms of the last byte in either direction
 */

/**
 * Starts a proxy that forwards 127.0.0.1:<port> to `target`.
 * @param {import('./index.d.mts').FaultProxyOptions} options
 * @returns {Promise<import('./index.d.mts').FaultProxy>}
 */
export async function startFaultProxy(options) {
  const target = { host: options.target.host ?? HOST, port: options.target.port };
  if (!/^127\./.test(target.host)) throw new Error(`@webphone/fault-proxy: only loopback targets, got ${target.host}`);

  /** @type {Set<Link>} */
  const links = new Set();
  const stats = { accepted: 0, refused: 0, cut: 0, idleClosed: 0, idleBlackholed: 0, dropped: 0 };
  let refusing = false;
  /** @type {NodeJS.Timeout | undefined} */
  let refuseTimer;
  let blackholing = false;
  let dropAfterReply = false;
  /** @type {{ ms: number; action: 'close' | 'blackhole' } | null} */
  let idle = null;
  /** @type {NodeJS.Timeout | undefined} */
  let idleTimer;

  /** Closes both sides of a link at once (RST with `reset`, else FIN). */
  const close = (/** @type {Link} */ link, reset = false) => {
    links.delete(link);
    for (const socket of [link.client, link.upstream]) {
      if (!socket || socket.destroyed) continue;
      if (reset) socket.resetAndDestroy();
      else socket.destroy();
    }
  };

  /** A blackholed link is forgotten only once both its sockets are gone (the proxy passes no close on). */
  const settle = (/** @type {Link} */ link) => {
    if (link.client.destroyed && (!link.upstream || link.upstream.destroyed)) links.delete(link);
  };

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    client.on('error', () => {});
    if (refusing) {
      stats.refused++;
      client.resetAndDestroy();
      return;
    }
    stats.accepted++;
    /** @type {Link} */
    const link = { client, upstream: undefined, blackholed: blackholing, dropAfterReply, replied: false, lastActivity: Date.now() };
    links.add(link);
    client.on('close', () => (link.blackholed ? settle(link) : close(link)));
    client.on('end', () => {
      if (!link.blackholed) link.upstream?.end();
    });
    client.on('data', (chunk) => {
      link.lastActivity = Date.now();
      if (link.blackholed) return;
      if (link.dropAfterReply && link.replied) {
        stats.dropped++;
        close(link);
        return;
      }
      link.upstream?.write(chunk);
    });
    // A link born in a blackhole never reaches the server, as a SYN that gets no answer.
    if (link.blackholed) return;
    const upstream = (link.upstream = net.connect({ ...target, allowHalfOpen: true }));
    upstream.on('error', () => {});
    upstream.on('close', () => (link.blackholed ? settle(link) : close(link)));
    upstream.on('end', () => {
      if (!link.blackholed) client.end();
    });
    upstream.on('data', (chunk) => {
      link.lastActivity = Date.now();
      if (link.blackholed) return;
      link.replied = true;
      client.write(chunk);
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve(undefined));
  });
  server.unref();
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;

  const sweepIdle = () => {
    if (!idle) return;
    const now = Date.now();
    for (const link of links) {
      if (link.blackholed || link.client.destroyed || now - link.lastActivity < idle.ms) continue;
      if (idle.action === 'close') {
        stats.idleClosed++;
        close(link);
      } else {
        stats.idleBlackholed++;
        link.blackholed = true;
      }
    }
  };

  /** @type {import('./index.d.mts').FaultProxy} */
  const proxy = {
    host: HOST,
    port,
    url: (scheme = 'ws') => `${scheme}://${HOST}:${port}`,
    cut(cutOptions = {}) {
      const open = [...links];
      for (const link of open) close(link, cutOptions.reset ?? false);
      stats.cut += open.length;
      return open.length;
    },
    refuse(ms) {
      refusing = true;
      clearTimeout(refuseTimer);
      refuseTimer = ms === undefined ? undefined : setTimeout(() => proxy.accept(), ms);
      refuseTimer?.unref();
    },
    accept() {
      refusing = false;
      clearTimeout(refuseTimer);
      refuseTimer = undefined;
    },
    blackhole() {
      blackholing = true;
      for (const link of links) link.blackholed = true;
    },
    restore() {
      blackholing = false;
    },
    idleTimeout(ms, action = 'close') {
      clearInterval(idleTimer);
      idleTimer = undefined;
      idle = ms === null ? null : { ms, action };
      if (!idle) return;
      idleTimer = setInterval(sweepIdle, Math.max(10, Math.min(250, Math.floor(idle.ms / 4))));
      idleTimer.unref();
    },
    dropAfterReply(on) {
      dropAfterReply = on;
    },
    stats: () => {
      const open = [...links].filter((link) => !link.client.destroyed);
      return { ...stats, open: open.length, blackholed: open.filter((link) => link.blackholed).length };
    },
    async close() {
      proxy.accept();
      proxy.idleTimeout(null);
      for (const link of [...links]) close(link);
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
  return proxy;
}
