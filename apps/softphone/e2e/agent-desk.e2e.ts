/// <reference path="./provided-context.d.ts" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './chromium';
import { PhoneUser } from './phone-user';

/**
 * The agent-desk features of the demo in Chromium against the run's
 * Kamailio, with real WebRTC audio: do not disturb, auto-answer, and intercom
 * calls (a `Call-Info …;answer-after=0` header on the INVITE). 1006 is the
 * agent, 1007 calls it; scenarios run in order and end with both phones idle.
 */
let browser: Browser;
let agent: PhoneUser; // 1006
let caller: PhoneUser; // 1007
const everyone = () => [agent, caller].filter(Boolean);

beforeAll(async () => {
  browser = await launchChromium();
  const demoUrl = inject('demoUrl');
  const sip = inject('sipServerUrl');
  [agent, caller] = await Promise.all(['1006', '1007'].map((ext) => PhoneUser.open(browser, demoUrl, sip, ext)));
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async ({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await Promise.all(everyone().map((user) => user.saveArtifacts(task.name)));
    await Promise.all(everyone().map((user) => user.reset()));
  });
});

/** The agent's "Availability" controls. */
const availability = () => agent.page.getByRole('group', { name: 'Availability' });
const dndToggle = () => availability().getByRole('button', { name: 'Do not disturb' });
const autoAnswer = (label: 'Never' | 'When the caller asks (intercom)' | 'Always') => availability().getByLabel('Auto-answer').selectOption({ label });

/** The caller hangs up and both phones end idle. */
async function hangUpAndSettle(): Promise<void> {
  await caller.hangUp();
  await Promise.all([agent.expectIdle(), caller.expectIdle()]);
}

describe('agent desk in Chromium against Kamailio', () => {
  test('signs in two phones', async () => {
    await Promise.all([agent.signIn(), caller.signIn()]);
    await expect.poll(() => dndToggle().getAttribute('aria-pressed')).toBe('false');
  });

  test('do not disturb: the caller hears busy at once, nothing rings, the agent sees a missed call', async () => {
    await dndToggle().click();
    await expect.poll(() => dndToggle().getAttribute('aria-pressed')).toBe('true');
    const started = Date.now();
    await caller.dial('1006');
    await caller.expectCallStatus('Call failed');
    const refusedAfter = Date.now() - started;
    await expect.poll(() => caller.page.locator('.wp-call__reason').innerText()).toBe('The line is busy (SIP 486)');
    expect(await agent.incomingDialog.count()).toBe(0);
    const history = agent.page.getByRole('table', { name: 'Recent calls' });
    await expect.poll(() => history.innerText()).toMatch(/1007[\s\S]*Missed · Do not disturb · SIP 486/);
    await agent.expectIdle();
    console.log(`[e2e] do not disturb: the caller's card said "Call failed" ${refusedAfter} ms after Call`);

    await caller.page.getByRole('button', { name: 'Close', exact: true }).click();
    await dndToggle().click();
    await expect.poll(() => dndToggle().getAttribute('aria-pressed')).toBe('false');
  });

  test("auto-answer 'Always': answered without a click, audio both ways, the call says Auto-answered", async () => {
    await autoAnswer('Always');
    await caller.dial('1006');
    await agent.expectCallStatus('Connected');
    await caller.expectCallStatus('Connected');
    await expect.poll(() => agent.page.locator('.wp-call__auto').innerText()).toBe('Auto-answered');
    await Promise.all([agent.expectAudioBothWays(), caller.expectAudioBothWays()]);
    await hangUpAndSettle();
  });

  test("auto-answer 'When the caller asks': an intercom call is answered, a plain call rings", async () => {
    await autoAnswer('When the caller asks (intercom)');
    const intercom = caller.page.getByRole('checkbox', { name: /Intercom calls/ });
    await intercom.check();
    await caller.dial('1006');
    await agent.expectCallStatus('Connected');
    await caller.expectCallStatus('Connected');
    await expect.poll(() => agent.page.locator('.wp-call__auto').count()).toBe(1);
    await agent.expectAudioBothWays();
    await hangUpAndSettle();

    await intercom.uncheck();
    await caller.dial('1006');
    await expect.poll(() => agent.incomingDialog.count()).toBe(1);
    // Still ringing a moment later: nothing asked for auto-answer.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await agent.incomingDialog.count()).toBe(1);
    await agent.answer();
    await agent.expectCallStatus('Connected');
    expect(await agent.page.locator('.wp-call__auto').count()).toBe(0);
    await hangUpAndSettle();
    await autoAnswer('Never');
  });
});
