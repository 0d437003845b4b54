/// <reference path="./provided-context.d.ts" />
import { startFaultProxy, type FaultProxy } from '@webphone/fault-proxy';
import { startSipServer, type SipServerHandle } from '@webphone/sip-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './chromium';
import { PhoneUser } from './phone-user';

/**
 * Calls through connection losses in the demo, in Chromium with real WebRTC
 * audio. This file runs its own Kamailio with its WebSocket pings off (only
 * the phones' own keep-alive holds a connection open), so it can restart it;
 * 1004 and 1005 each reach it through a fault proxy of their own, so one
 * side's connection can be cut while the other stays. Default phone
 * settings throughout: keep-alive every 12–15 s, a dead connection found
 * within 25 s.
 */
let browser: Browser;
let server: SipServerHandle;
let a: PhoneUser; // 1004
let b: PhoneUser; // 1005, DTMF by SIP INFO
let proxyA: FaultProxy;
let proxyB: FaultProxy;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startSipServer({ port: 0, log: 'ignore', wsPings: false });
  [proxyA, proxyB] = await Promise.all([startFaultProxy({ target: { port: server.port } }), startFaultProxy({ target: { port: server.port } })]);
  const demoUrl = inject('demoUrl');
  [a, b] = await Promise.all([PhoneUser.open(browser, demoUrl, proxyA.url(), '1004'), PhoneUser.open(browser, demoUrl, proxyB.url(), '1005')]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([proxyA?.close(), proxyB?.close()]);
  await server?.stop();
});

beforeEach(async ({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await Promise.all([a, b].filter(Boolean).map((user) => user.saveArtifacts(`recovery-${task.name}`)));
    await Promise.all([a, b].filter(Boolean).map((user) => user.reset()));
  });
});

/** 1004 calls 1005, which answers; audio flows both ways. */
async function talking(): Promise<void> {
  await a.dial('1005');
  await expect.poll(() => b.incomingDialog.count()).toBe(1);
  await b.answer();
  await a.expectCallStatus('Connected');
  await b.expectCallStatus('Connected');
  await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);
}

describe('calls through connection losses, in Chromium', () => {
  test('both phones sign in through their proxies', async () => {
    await Promise.all([a.signIn(), b.signIn({ dtmf: 'info' })]);
  });

  test('idle past a 20 s idle-timeout proxy (longer than the keep-alive interval): still online, and a call gets through', async () => {
    proxyA.idleTimeout(20_000);
    proxyB.idleTimeout(20_000);
    await new Promise((resolve) => setTimeout(resolve, 35_000));
    expect(proxyA.stats().idleClosed + proxyB.stats().idleClosed).toBe(0);
    for (const user of [a, b]) expect(await user.registrationText()).toContain('Online');
    await talking();
    await a.hangUp();
    await Promise.all([a.expectIdle(), b.expectIdle()]);
    proxyA.idleTimeout(null);
    proxyB.idleTimeout(null);
  });

  test('cut mid-call: the call card says Reconnecting…, the call recovers; INFO, hold/unhold from each side and the far end BYE reach across', async () => {
    await talking();
    proxyA.cut();
    await a.expectCallStatus('Reconnecting…');
    await a.expectCallStatus('Connected');
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);

    await b.pressTones('59');
    await expect.poll(() => a.digitsReceived()).toBe('59');

    await a.hold();
    await a.resume();
    await b.hold();
    await b.resume();
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);

    await b.hangUp();
    await Promise.all([a.expectIdle(), b.expectIdle()]);
  });

  test('network change during the loss: the recovery re-INVITE restarts ICE and audio flows again', async () => {
    await talking();
    const ufragBefore = await a.localIceUfrag();
    expect(ufragBefore).not.toBe('');
    proxyA.blackhole();
    // The browser reports the network back while the connection is dead: the phone restarts ICE on recovery.
    await a.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await a.expectCallStatus('Reconnecting…');
    proxyA.restore();
    await a.expectCallStatus('Connected');
    await expect.poll(() => a.localIceUfrag()).not.toBe(ufragBefore);
    expect(await a.localIceUfrag()).not.toBe('');
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);
    await a.hangUp();
    await Promise.all([a.expectIdle(), b.expectIdle()]);
  });

  test('callee cut while the caller holds: the refused offer is rolled back, the hold is applied once the callee is back and the call stays held', async () => {
    await talking();
    const rollbacksBefore = await a.rollbacks();
    proxyB.blackhole();
    await a.control('Hold').click();
    // Found dead by the keep-alive: within 25 s with the default timing.
    await b.expectCallStatus('Reconnecting…', 30_000);
    proxyB.restore();
    await b.expectCallStatus('Connected');
    await a.expectCallStatus('On hold');
    await a.expectInboundStopped();
    // The hold's first re-INVITE met the callee's dead connection (408 from Kamailio); without the rollback the retry could not be made.
    expect(await a.rollbacks()).toBeGreaterThan(rollbacksBefore);
    await a.control('Hold').click();
    await a.expectCallStatus('Connected');
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);
    await a.hangUp();
    await Promise.all([a.expectIdle(), b.expectIdle()]);
  });

  test('Kamailio restarted mid-call: both phones reconnect, the call recovers, audio flows, hold and the far end BYE work; one binding each', async () => {
    await talking();
    await server.restart();
    await Promise.all([a.expectCallStatus('Reconnecting…'), b.expectCallStatus('Reconnecting…')]);
    await Promise.all([a.expectCallStatus('Connected', 30_000), b.expectCallStatus('Connected', 30_000)]);
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);
    await b.hold();
    await b.resume();
    await b.hangUp();
    await Promise.all([a.expectIdle(), b.expectIdle()]);
    for (const extension of ['1004', '1005']) expect(await server.bindings(extension)).toHaveLength(1);
  });
});
