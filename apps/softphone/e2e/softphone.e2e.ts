/// <reference path="./provided-context.d.ts" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './chromium';
import { PhoneUser } from './phone-user';

/**
 * The demo softphone end to end: three people (1001, 1002, 1003) in three
 * browser contexts of one Chromium, signed in once to a real Kamailio, calling
 * each other with real WebRTC audio over 127.0.0.1. Scenarios run in order
 * and each ends with every phone idle.
 */
let browser: Browser;
let a: PhoneUser; // 1001, DTMF RFC 4733
let b: PhoneUser; // 1002, DTMF by SIP INFO
let c: PhoneUser; // 1003
const everyone = () => [a, b, c].filter(Boolean);

/**
 * Inbound `totalAudioEnergy` per window above which a phone surely hears its far end's (fake, beeping)
 * microphone: measured 0.35–0.49 per 1.5 s while talking.
 */
const HEARD = 0.01;
/** ... and below which it hears silence: measured 0 once a hold took effect (the window of the hold itself may hold a tail). */
const SILENT = 1e-4;

beforeAll(async () => {
  browser = await launchChromium();
  const demoUrl = inject('demoUrl');
  const sip = inject('sipServerUrl');
  [a, b, c] = await Promise.all(['1001', '1002', '1003'].map((ext) => PhoneUser.open(browser, demoUrl, sip, ext)));
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async ({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await Promise.all(everyone().map((user) => user.saveArtifacts(task.name)));
    // Leave the phones idle for the next scenario.
    await Promise.all(everyone().map((user) => user.reset()));
  });
});

/** A calls B, B answers, both are talking. */
async function connect(caller: PhoneUser, callee: PhoneUser): Promise<void> {
  await caller.dial(callee.extension);
  await expect.poll(() => callee.incomingDialog.count()).toBe(1);
  await callee.answer();
  await caller.expectCallStatus('Connected');
  await callee.expectCallStatus('Connected');
}

describe('demo softphone in Chromium against Kamailio', () => {
  test('signs in and registers three phones', async () => {
    await Promise.all([a.signIn(), b.signIn({ dtmf: 'info' }), c.signIn()]);
    for (const user of everyone()) expect(await user.registrationText()).toContain('Online');
  });

  test('call and answer: audio flows both ways on both sides', async () => {
    await a.dial('1002');
    await expect.poll(() => b.incomingDialog.innerText()).toMatch(/Ada Lovelace/);
    await b.answer();
    await a.expectCallStatus('Connected');
    await b.expectCallStatus('Connected');
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);
    // The quality panel shows what the core measured.
    const report = a.page.getByRole('definition').filter({ hasText: /^opus$/ });
    await expect.poll(() => report.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => a.page.getByRole('region', { name: 'Call quality' }).innerText()).toMatch(/candidate\s*host/i);
  });

  test('switching the microphone during a call (replaceTrack): the far end keeps hearing, on the new device', async () => {
    const picker = a.page.getByRole('region', { name: 'Audio devices' });
    const names = picker.getByRole('button', { name: 'Show device names' });
    if (await names.isVisible()) await names.click();
    const microphone = picker.getByLabel('Microphone');
    await expect.poll(() => microphone.locator('option', { hasText: 'Fake Audio Input 2' }).count()).toBe(1);
    const live = async () => (await a.microphoneTracks()).filter((track) => track.readyState === 'live').map((track) => track.label);
    await microphone.selectOption({ label: 'Fake Audio Input 2' });
    await expect.poll(live, { message: '1001 sends the new microphone, the old one is released' }).toEqual(['Fake Audio Input 2']);
    await a.expectCallStatus('Connected');
    await expect.poll(() => b.heardEnergy(), { message: '1002 hears 1001 after the switch' }).toBeGreaterThan(HEARD);
    await Promise.all([a.expectAudioBothWays(), b.expectAudioBothWays()]);
    // Back to the default, so the scenarios below run as before.
    await microphone.selectOption({ label: 'System default' });
    await expect.poll(live).toEqual(['Fake Default Audio Input']);
    await expect.poll(() => b.heardEnergy()).toBeGreaterThan(HEARD);
  });

  test('hold stops the audio coming back, unhold brings it back', async () => {
    await a.control('Hold').click();
    await expect.poll(() => a.control('Hold').getAttribute('aria-pressed')).toBe('true');
    await a.expectCallStatus('On hold');
    await a.expectInboundStopped();
    await a.control('Hold').click();
    await expect.poll(() => a.control('Hold').getAttribute('aria-pressed')).toBe('false');
    await a.expectCallStatus('Connected');
    await a.expectAudioBothWays();
    await b.expectAudioBothWays();
  });

  test('hold silences the microphone: the held phone hears nothing until unhold; mute and hold stay apart', async () => {
    // Energy 1002 played from 1001 per window, for the report at the end.
    const seen: Record<string, number[]> = {};
    const heard = async (label: string): Promise<number> => {
      const energy = await b.heardEnergy();
      (seen[label] ??= []).push(Number(energy.toPrecision(3)));
      return energy;
    };
    const press = async (name: string, pressed: boolean) => {
      await a.control(name).click();
      await expect.poll(() => a.control(name).getAttribute('aria-pressed')).toBe(String(pressed));
    };
    try {
      await expect.poll(() => heard('talking'), { message: '1002 hears 1001 before the hold' }).toBeGreaterThan(HEARD);
      await press('Hold', true);
      await a.expectCallStatus('On hold');
      // The first window may still hold the tail of what was said before the hold.
      await expect.poll(() => heard('held'), { message: '1002 hears nothing while held' }).toBeLessThan(SILENT);
      expect(await heard('held')).toBeLessThan(SILENT);
      await press('Hold', false);
      await a.expectCallStatus('Connected');
      await expect.poll(() => heard('unheld'), { message: '1002 hears 1001 again after unhold' }).toBeGreaterThan(HEARD);

      // Muted while on hold: unhold leaves the microphone off until unmute.
      await press('Hold', true);
      await expect.poll(() => heard('held again'), { message: '1002 hears nothing while held' }).toBeLessThan(SILENT);
      await press('Mute', true);
      await press('Hold', false);
      await a.expectCallStatus('Connected');
      await expect.poll(() => heard('unheld, muted'), { message: 'still muted after unhold' }).toBeLessThan(SILENT);
      expect(await heard('unheld, muted')).toBeLessThan(SILENT);
      await press('Mute', false);
      await expect.poll(() => heard('unmuted'), { message: '1002 hears 1001 after unmute' }).toBeGreaterThan(HEARD);
    } finally {
      console.log(`[e2e] inbound totalAudioEnergy at 1002 per 1.5 s window: ${JSON.stringify(seen)}`);
    }
  });

  test('DTMF from the keypad: RFC 4733 leaves through RTCDTMFSender, SIP INFO reaches the other phone', async () => {
    await a.pressTones('123');
    await expect.poll(() => a.dtmfSent()).toEqual(['1', '2', '3']);
    await b.pressTones('45#');
    await expect.poll(() => a.digitsReceived()).toBe('45#');
    await expect.poll(() => a.page.getByRole('status', { name: 'From the other side' }).innerText()).toContain('Tones received: 45#');
    // 1002 sends by INFO, not through its DTMF sender.
    expect(await b.dtmfSent()).toEqual([]);
  });

  test('record on and pause reach the other side as Record INFO', async () => {
    await a.control('Record').click();
    await expect.poll(() => a.control('Record').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => b.recordInfos()).toEqual(['on']);
    await expect.poll(() => b.page.getByRole('status', { name: 'From the other side' }).innerText()).toContain('Ada Lovelace is recording this call');
    await a.control('Record').click();
    await expect.poll(() => a.control('Record').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => b.recordInfos()).toEqual(['on', 'off']);
  });

  test('hang up by the callee: both idle, microphones released', async () => {
    await b.hangUp();
    await Promise.all([a.expectIdle(), b.expectIdle()]);
    expect((await a.microphoneTracks()).length).toBeGreaterThan(0);
    expect((await b.microphoneTracks()).length).toBeGreaterThan(0);
    await expect.poll(() => a.page.getByRole('table', { name: 'Recent calls' }).innerText()).toMatch(/Out\s+1002/);
  });

  test('blind transfer 1001–1002 → 1003: 1001 and 1003 talk, 1002 is idle', async () => {
    await connect(a, b);
    await b.transfer('1003', 'blind');
    await expect.poll(() => c.incomingDialog.count()).toBe(1);
    await c.answer();
    await c.expectCallStatus('Connected');
    await a.expectCallStatus('Connected');
    await b.expectIdle();
    await Promise.all([a.expectAudioBothWays(), c.expectAudioBothWays()]);
    await a.hangUp();
    await Promise.all([a.expectIdle(), c.expectIdle()]);
  });

  test('attended transfer: consult 1003, complete; 1001 and 1003 talk, 1002 is idle', async () => {
    await connect(a, b);
    await b.transfer('1003', 'attended');
    await expect.poll(() => c.incomingDialog.count()).toBe(1);
    await c.answer();
    await c.expectCallStatus('Connected');
    await b.page.getByRole('button', { name: 'Complete transfer' }).click();
    await b.expectIdle();
    await a.expectCallStatus('Connected');
    await c.expectCallStatus('Connected');
    await Promise.all([a.expectAudioBothWays(), c.expectAudioBothWays()]);
    await c.hangUp();
    await Promise.all([a.expectIdle(), c.expectIdle()]);
  });

  test('reject: the caller is told the line is busy', async () => {
    await a.dial('1002');
    await expect.poll(() => b.incomingDialog.count()).toBe(1);
    await b.decline();
    await expect.poll(() => a.page.getByText(/The line is busy \(SIP 486\)/).count()).toBeGreaterThan(0);
    await Promise.all([a.expectIdle(), b.expectIdle()]);
    await a.page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  test('cancel before answer: the ringing stops and the callee sees a missed call', async () => {
    await a.dial('1002');
    await expect.poll(() => b.incomingDialog.count()).toBe(1);
    await a.expectCallStatus('Calling…');
    await a.hangUp();
    await Promise.all([a.expectIdle(), b.expectIdle()]);
    await expect.poll(() => b.page.getByRole('table', { name: 'Recent calls' }).innerText()).toMatch(/In\s+1001.*Missed · Caller gave up/);
    const close = a.page.getByRole('button', { name: 'Close', exact: true });
    if (await close.isVisible()) await close.click();
  });

  test('two calls up: a third call is refused (486) and never rings', async () => {
    await connect(a, b);
    await c.dial('1002');
    await expect.poll(() => b.incomingDialog.count()).toBe(1);
    await b.answer(); // holds 1001 first
    await b.expectCallStatus('Connected');
    await c.expectCallStatus('Connected');
    await expect.poll(() => b.page.getByRole('region', { name: '2 calls' }).getByRole('listitem').count()).toBe(2);
    await expect.poll(() => b.page.getByText('Two calls are up, the most this phone takes.').count()).toBe(1);
    expect(await b.page.getByRole('button', { name: 'Add call' }).count()).toBe(0);

    const bHistory = b.page.getByRole('table', { name: 'Recent calls' }).getByRole('row');
    const bRowsBefore = await bHistory.count();
    await a.dial('1002');
    await expect.poll(() => a.page.getByText('The line is busy (SIP 486)').count()).toBeGreaterThan(0);
    expect(await b.incomingDialog.count()).toBe(0);
    // Refused before it rang (no call, no dialog), but the phone's incomingRefused tells the app: the history lists it as missed.
    await expect.poll(() => bHistory.count()).toBe(bRowsBefore + 1);
    expect(await bHistory.nth(1).innerText()).toMatch(/1001[\s\S]*Missed · Line full · SIP 486/);

    await b.hangUp(); // the current call, with 1003
    await c.expectIdle();
    await b.expectCallStatus('On hold'); // 1001, held when 1003 was answered, is current again
    await b.hangUp();
    await Promise.all([a.expectIdle(), b.expectIdle()]);
  });
});
