/// <reference path="./provided-context.d.ts" />
import { startSipCluster, type SipClusterHandle, type SipServerHandle } from '@webphone/sip-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './chromium';
import { PhoneUser } from './phone-user';

/**
 * Failover in the demo, in Chromium with real WebRTC audio, against the
 * project's two-node Kamailio cluster (pings off): 1009 and 1010 sign in with
 * both nodes, node A first. Default phone settings.
 */
let browser: Browser;
let cluster: SipClusterHandle;
let nodeA: SipServerHandle;
let nodeB: SipServerHandle;
let a: PhoneUser; // 1009
let b: PhoneUser; // 1010

beforeAll(async () => {
  browser = await launchChromium();
  cluster = await startSipCluster({ log: 'ignore', wsPings: false });
  [nodeA, nodeB] = cluster.nodes as [SipServerHandle, SipServerHandle];
  const demoUrl = inject('demoUrl');
  const servers = cluster.urls.join(' ');
  [a, b] = await Promise.all([PhoneUser.open(browser, demoUrl, servers, '1009'), PhoneUser.open(browser, demoUrl, servers, '1010')]);
});

afterAll(async () => {
  await browser?.close();
  await cluster?.stop();
});

beforeEach(async ({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await Promise.all([a, b].filter(Boolean).map((user) => user.saveArtifacts(`cluster-${task.name}`)));
  });
});

const serverInUse = (user: PhoneUser): Promise<string> => user.page.getByLabel('Server in use').innerText();

describe('failover across a two-node cluster, in Chromium', () => {
  test('both phones sign in with both nodes and use the first', async () => {
    await Promise.all([a.signIn(), b.signIn()]);
    for (const user of [a, b]) expect(await serverInUse(user)).toBe(`${nodeA.url}/`);
  });

  test('node A stopped mid-call: both phones move to node B, the call recovers with audio, hold and hang-up reach across', async () => {
    await a.dial('1010');
    await expect.poll(() => b.incomingDialog.count()).toBe(1);
    await b.answer();
    await a.expectCallStatus('Connected');
    await b.expectCallStatus('Connected');
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);

    await nodeA.stop();
    await Promise.all([a.expectCallStatus('Connected', 30_000), b.expectCallStatus('Connected', 30_000)]);
    for (const user of [a, b]) await expect.poll(() => serverInUse(user), { timeout: 30_000 }).toBe(`${nodeB.url}/`);
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);

    await b.hold();
    await b.resume();
    await a.hangUp();
    await Promise.all([a.expectIdle(), b.expectIdle()]);
    for (const extension of ['1009', '1010']) expect(await nodeB.bindings(extension)).toHaveLength(1);
  });
});
