/// <reference path="./provided-context.d.ts" />
import { startFaultProxy, type FaultProxy } from '@webphone/fault-proxy';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './chromium';
import { PhoneUser } from './phone-user';

/**
 * Calls through connection losses in the demo, in Chromium with real WebRTC
 * audio: 1004 and 1005 each reach the run's Kamailio through a fault proxy
 * of their own, so one side's connection can be cut while the other stays.
 * The run's Kamailio pings its WebSocket clients; a cut closes the socket
 * anyway, and the phone's own keep-alive finds a blackholed one.
 */
let browser: Browser;
let a: PhoneUser; // 1004
let b: PhoneUser; // 1005, DTMF by SIP INFO
let proxyA: FaultProxy;
let proxyB: FaultProxy;

beforeAll(async () => {
  browser = await launchChromium();
  const port = Number(new URL(inject('sipServerUrl')).port);
  [proxyA, proxyB] = await Promise.all([startFaultProxy({ target: { port } }), startFaultProxy({ target: { port } })]);
  const demoUrl = inject('demoUrl');
  [a, b] = await Promise.all([PhoneUser.open(browser, demoUrl, proxyA.url(), '1004'), PhoneUser.open(browser, demoUrl, proxyB.url(), '1005')]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([proxyA?.close(), proxyB?.close()]);
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

  test('cut mid-call: the call card says Reconnecting…, the call recovers; INFO, hold/unhold from each side and the far end BYE reach across', async () => {
    await talking();
    proxyA.cut();
    await a.expectCallStatus('Reconnecting…');
    await a.expectCallStatus('Connected');
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);

    await b.pressTones('59');
    await expect.poll(() => a.digitsReceived()).toBe('59');

    await a.control('Hold').click();
    await a.expectCallStatus('On hold');
    await a.expectInboundStopped();
    await a.control('Hold').click();
    await a.expectCallStatus('Connected');
    await b.control('Hold').click();
    await b.expectCallStatus('On hold');
    await b.expectInboundStopped();
    await b.control('Hold').click();
    await b.expectCallStatus('Connected');
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
});
