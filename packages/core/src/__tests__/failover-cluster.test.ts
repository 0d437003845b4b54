import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSipCluster, type SipClusterHandle, type SipServerHandle } from '@webphone/sip-server';
import { ResultCode, type PhoneConfig, type PhoneOperator } from '../index.js';
import { connect, holdRoundTrip, registeredPhone, sessionEvent, type TestPhone } from './support/call-harness.js';
import { destroyAllPhones, nextEvent, waitForState } from './support/phone-harness.js';

// Phones with two servers against the project's two-node Kamailio cluster
// (registrations and Contact routes shared through DMQ, the domain
// record-routed), WebSocket pings off, short keep-alive and reconnect timers
// so faults play out in seconds.

let cluster: SipClusterHandle;
let nodeA: SipServerHandle;
let nodeB: SipServerHandle;

beforeAll(async () => {
  cluster = await startSipCluster({ log: 'ignore', wsPings: false });
  [nodeA, nodeB] = cluster.nodes as [SipServerHandle, SipServerHandle];
});
beforeEach(async () => {
  // Every test starts with both nodes up.
  for (const node of [nodeA, nodeB]) if (!(await answers(node))) await node.restart();
});
afterEach(async () => {
  await destroyAllPhones();
});
afterAll(async () => {
  await cluster?.stop();
});

/** True when the node's WebSocket port takes connections. */
async function answers(node: SipServerHandle): Promise<boolean> {
  return node.bindings().then(
    () => true,
    () => false,
  );
}

const FAST: Partial<PhoneConfig> = {
  keepAlive: { intervalMs: 500, timeoutMs: 500 },
  reconnect: { initialDelayMs: 200, maxDelayMs: 1000 },
};

/** A registered phone that prefers node A, then node B. */
const clustered = (extension: string, overrides: Partial<PhoneConfig> = {}): Promise<TestPhone> =>
  registeredPhone(nodeA, extension, { server: [nodeA.url, nodeB.url], ...FAST, ...overrides });

/** Waits until `phone` is registered through `node`. */
const registeredOn = (phone: PhoneOperator, node: SipServerHandle, timeoutMs = 15_000) =>
  waitForState(phone.store, (s) => s.isRegistered && s.server === `${node.url}/`, timeoutMs);

describe('failover across a two-node Kamailio cluster', () => {
  it('kill node A while idle: the phone registers on B within the detection bound and receives a call placed through B', async () => {
    const callee = await clustered('1001');
    expect(callee.phone.store.getState().server).toBe(`${nodeA.url}/`);
    const stoppedAt = Date.now();
    await nodeA.stop();
    await registeredOn(callee.phone, nodeB);
    const failoverMs = Date.now() - stoppedAt;
    expect(failoverMs).toBeLessThan(5_000);

    const caller = await registeredPhone(nodeB, '1002', FAST);
    const { outgoing } = await connect(caller, callee);
    caller.phone.hangup(outgoing.callId);
    await waitForState(callee.phone.store, (s) => s.callIds.length === 0);
    expect(await nodeB.bindings('1001')).toHaveLength(1);
  }, 60_000);

  it('shares registrations: a phone connected to A is called through B, and in-dialog requests cross between the nodes', async () => {
    const callee = await clustered('1009');
    expect(callee.phone.store.getState().server).toBe(`${nodeA.url}/`);
    const caller = await registeredPhone(nodeB, '1010', FAST);
    const { outgoing, incoming } = await connect(caller, callee);
    await holdRoundTrip(caller.phone, outgoing, incoming);
    await holdRoundTrip(callee.phone, incoming, outgoing);
    const ended = sessionEvent(outgoing, 'ended', 10_000);
    callee.phone.hangup(incoming.callId);
    expect((await ended)[0].cause).toBe('remote-hangup');
  }, 30_000);

  it('kill node A mid-call: both phones move to B, the call recovers there, hold and hang-up reach across', async () => {
    const a = await clustered('1003');
    const b = await clustered('1004');
    const { outgoing, incoming } = await connect(a, b);
    const restarts: string[] = [];
    for (const phone of [a.phone, b.phone])
      phone.getSession(phone === a.phone ? outgoing.callId : incoming.callId)!.on('reinvite', () => restarts.push('reinvite'));
    await nodeA.stop();
    await Promise.all([registeredOn(a.phone, nodeB), registeredOn(b.phone, nodeB)]);
    await Promise.all([
      waitForState(a.phone.store, (s) => s.calls[outgoing.callId]?.status.isRecovering === false, 20_000),
      waitForState(b.phone.store, (s) => s.calls[incoming.callId]?.status.isRecovering === false, 20_000),
    ]);
    await holdRoundTrip(a.phone, outgoing, incoming);
    const bEnded = sessionEvent(incoming, 'ended', 10_000);
    a.phone.hangup(outgoing.callId);
    expect((await bEnded)[0].cause).toBe('remote-hangup');
  }, 60_000);

  it('both nodes down: the attempts are bounded (-204 when used up); a phone still trying registers when a node returns', async () => {
    const bounded = await clustered('1005', { reRegistryPhoneTimes: 4 });
    const patient = await clustered('1006');
    const gaveUp = nextEvent(bounded.phone, 'registrationFailed', 30_000);
    await Promise.all([nodeA.stop(), nodeB.stop()]);
    const [error] = await gaveUp;
    expect(error.code).toBe(ResultCode.RE_REGISTRY_MAX_LIMIT_TIMES);
    // It tried both servers in turn.
    expect(bounded.phone.store.getState().reconnect).toMatchObject({ attempt: 4, exhausted: true });
    await nodeB.restart();
    await registeredOn(patient.phone, nodeB, 20_000);
  }, 60_000);

  it('moves back to the preferred node once it answers again, but not during a call', async () => {
    const a = await clustered('1007', { reconnect: { initialDelayMs: 200, maxDelayMs: 1000, failbackMs: 1000 } });
    const b = await registeredPhone(nodeB, '1008', FAST);
    await nodeA.stop();
    await registeredOn(a.phone, nodeB);
    const { outgoing } = await connect(b, a);
    await nodeA.restart();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(a.phone.store.getState().server).toBe(`${nodeB.url}/`); // a call is up: it stays
    b.phone.hangup(outgoing.callId);
    await registeredOn(a.phone, nodeA, 10_000);
  }, 60_000);
});

/** Hold and unhold from `from`'s side reach the other side, and `from`'s store follows. */
