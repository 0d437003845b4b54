import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AudioCounters, MicrophoneTrackInfo } from '../src/e2e/e2e-probe';

/** Where failing tests leave screenshots and browser consoles (gitignored). */
export const ARTIFACTS_DIR = path.join(import.meta.dirname, 'artifacts');

/** Packets a flowing Opus stream (20 ms frames, 50/s) surely exceeds within the sampling window. */
const FLOWING_PACKETS = 15;
/** The sampling window for "keeps rising" / "stopped rising". */
const WINDOW_MS = 1000;
/** The window for the sound heard: long enough to hold several beeps of Chromium's fake microphone. */
const ENERGY_WINDOW_MS = 1500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Options of {@link PhoneUser.open}. */
export interface PhoneUserOptions {
  /** DTMF method chosen in the sign-in form's "Advanced" section. Default RFC 4733. */
  dtmf?: 'rfc4733' | 'info';
}

/**
 * One person at the demo softphone in its own browser context: drives the UI
 * by role and label, and reads the page's test probe (`?e2e=1`) for what a
 * person hears but a test cannot (RTP counters, tones sent, microphone state).
 */
export class PhoneUser {
  /** Every console line and page error of this context, for failure reports. */
  readonly consoleLines: string[] = [];

  private constructor(
    readonly extension: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (message) => this.consoleLines.push(`${new Date().toISOString()} [${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => this.consoleLines.push(`${new Date().toISOString()} [pageerror] ${error.stack ?? error.message}`));
  }

  /** Opens a fresh context (own storage, own fake microphone) with the demo in test mode. */
  static async open(browser: Browser, demoUrl: string, sipServerUrl: string, extension: string): Promise<PhoneUser> {
    const context = await browser.newContext({ viewport: { width: 1180, height: 900 } });
    // Fail fast on a missing element: every wait for a state change is an explicit poll.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const user = new PhoneUser(extension, context, page);
    const url = new URL(demoUrl);
    url.searchParams.set('e2e', '1');
    url.searchParams.set('server', sipServerUrl);
    url.searchParams.set('ext', extension);
    await page.goto(url.toString());
    return user;
  }

  /** Fills in what the form did not pre-fill and signs in; waits for "Online". */
  async signIn({ dtmf = 'rfc4733' }: PhoneUserOptions = {}): Promise<void> {
    const { page } = this;
    await expect.poll(() => page.getByLabel('Extension').inputValue()).toBe(this.extension);
    await expect.poll(() => page.getByLabel('Password', { exact: true }).inputValue()).toBe(`secret${this.extension}`);
    if (dtmf === 'info') {
      await page.getByText('Advanced').click();
      await page.getByLabel('DTMF method').selectOption({ label: 'SIP INFO' });
    }
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => this.registrationText(), { timeout: 20_000 }).toMatch(new RegExp(`Online\\s+${this.extension}@webphone\\.test`));
  }

  /** The registration badge's text ("Online 1001@webphone.test"). */
  registrationText(): Promise<string> {
    return this.page.getByRole('region', { name: 'Account' }).getByRole('status').innerText();
  }

  // ── the phone's UI ───────────────────────────────────────────────────

  /** The ringing-call dialog of an audio or a video call (the compact call-waiting bar while another call is up). */
  get incomingDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: /^(Incoming (video )?call from|Call waiting:)/ });
  }

  /**
   * The control of the current call named `name` (Mute, Hold, Record, Keypad, Transfer). A toggle's label
   * says what pressing it does now ("Resume" while held), so each toggle is found by any of its labels.
   */
  control(name: string): Locator {
    const labels = TOGGLE_LABELS[name];
    return this.page.getByRole('group', { name: 'Call controls' }).getByRole('button', labels ? { name: labels } : { name, exact: true });
  }

  /** Puts the current call on hold here and waits until it shows so and the far end's audio stops arriving. */
  async hold(): Promise<void> {
    await this.control('Hold').click();
    await this.expectCallStatus('On hold');
    await this.expectInboundStopped();
  }

  /** Resumes the current call, held here, and waits until it shows connected again. */
  async resume(): Promise<void> {
    await this.control('Hold').click();
    await this.expectCallStatus('Connected');
  }

  get hangUpButton(): Locator {
    return this.page.getByRole('button', { name: 'Hang up' });
  }

  /**
   * Dials like a person: types the number and presses Call; when the phone
   * says a call was placed less than a second ago (the core's
   * CALL_TOO_MANY_TIMES guard), presses Call again once it may.
   */
  async dial(number: string): Promise<void> {
    const field = this.page.getByRole('textbox', { name: 'Number or SIP address' });
    const tooSoon = this.page.getByRole('alert').filter({ hasText: 'Wait a moment before calling again' });
    // During a call the dialer sits behind "Add call".
    if (!(await field.isVisible())) await this.page.getByRole('button', { name: 'Add call' }).click();
    for (let attempt = 1; ; attempt += 1) {
      // Typing the number again also clears the previous attempt's message.
      await field.fill('');
      await field.fill(number);
      await this.page.getByRole('group', { name: 'Dialer' }).getByRole('button', { name: 'Call', exact: true }).click();
      // Placed: the dialer empties its field (or goes behind "Add call"). Refused: it says why and keeps the number.
      // (A short timeout: the field may vanish between two reads, which also means placed.)
      const placed = async () => (await field.inputValue({ timeout: 500 }).catch(() => '')) === '';
      await expect.poll(async () => (await placed()) || (await tooSoon.count()) > 0).toBe(true);
      if (await placed()) return;
      if (attempt === 3) throw new Error(`${this.extension}: could not place a call to ${number}`);
      await sleep(500);
    }
  }

  async answer(): Promise<void> {
    // "Hold and answer" on the call-waiting bar; never "Answer audio only".
    await this.incomingDialog.getByRole('button', { name: /^(Answer|Hold and answer)$/ }).click();
  }

  async decline(): Promise<void> {
    await this.incomingDialog.getByRole('button', { name: 'Decline' }).click();
  }

  async hangUp(): Promise<void> {
    await this.hangUpButton.click();
  }

  /** Waits until the current call's status line says `text` ("Connected", "On hold", "Calling…"). */
  async expectCallStatus(text: string, timeout?: number): Promise<void> {
    await expect.poll(() => this.callStatusText(), { timeout }).toBe(text);
  }

  /** The status line of the call card, or '' when there is none. */
  async callStatusText(): Promise<string> {
    const line = this.page.locator('.wp-call__status > span:not([aria-hidden])').first();
    return (await line.count()) > 0 ? line.innerText() : '';
  }

  /** Sends DTMF from the in-call keypad, one key press per digit. */
  async pressTones(digits: string): Promise<void> {
    const keypad = this.page.getByRole('group', { name: 'Send tones' });
    if (!(await keypad.isVisible())) await this.control('Keypad').click();
    for (const digit of digits) await keypad.getByRole('button', { name: digit, exact: true }).click();
  }

  /** Opens Transfer, enters the target and picks "Transfer now" (blind) or "Consult first" (attended). */
  async transfer(target: string, mode: 'blind' | 'attended'): Promise<void> {
    await this.control('Transfer').click();
    await this.page.getByRole('textbox', { name: 'Transfer to' }).fill(target);
    await this.page.getByRole('button', { name: mode === 'blind' ? 'Transfer now' : 'Consult first' }).click();
  }

  // ── the test probe ──────────────────────────────────────────────────

  audioCounters(): Promise<AudioCounters> {
    return this.page.evaluate(() => window.__webphoneE2E!.audioCounters());
  }

  dtmfSent(): Promise<string[]> {
    return this.page.evaluate(() => [...window.__webphoneE2E!.dtmfSent]);
  }

  digitsReceived(): Promise<string> {
    return this.page.evaluate(() => window.__webphoneE2E!.digitsReceived.map((d) => d.digit).join(''));
  }

  recordInfos(): Promise<string[]> {
    return this.page.evaluate(() => window.__webphoneE2E!.recordInfos.map((r) => r.record));
  }

  /** The ICE username fragment of the one open peer connection ('' when there is none or several). */
  async localIceUfrag(): Promise<string> {
    const ufrags = await this.page.evaluate(() => window.__webphoneE2E!.localIceUfrags());
    return ufrags.length === 1 ? ufrags[0]! : '';
  }

  /** Local offers this page rolled back after a refusal. */
  rollbacks(): Promise<number> {
    return this.page.evaluate(() => window.__webphoneE2E!.rollbacks.count);
  }

  microphoneTracks(): Promise<MicrophoneTrackInfo[]> {
    return this.page.evaluate(() => window.__webphoneE2E!.microphoneTracks());
  }

  /** Counter increase over one sampling window, on one open peer connection (waits for exactly one). */
  async audioDelta(): Promise<AudioCounters> {
    const before = await this.audioCounters();
    await sleep(WINDOW_MS);
    const after = await this.audioCounters();
    return {
      connections: Math.min(before.connections, after.connections) === 1 && before.connections === after.connections ? 1 : -1,
      inboundPackets: after.inboundPackets - before.inboundPackets,
      inboundBytes: after.inboundBytes - before.inboundBytes,
      outboundPackets: after.outboundPackets - before.outboundPackets,
      outboundBytes: after.outboundBytes - before.outboundBytes,
      inboundAudioEnergy: after.inboundAudioEnergy - before.inboundAudioEnergy,
    };
  }

  /**
   * What this phone played from its far end over `ms`: the rise of the
   * inbound `totalAudioEnergy` (a far end that sends silence adds nothing).
   */
  async heardEnergy(ms = ENERGY_WINDOW_MS): Promise<number> {
    const before = await this.audioCounters();
    await sleep(ms);
    return (await this.audioCounters()).inboundAudioEnergy - before.inboundAudioEnergy;
  }

  /** Audio arrives and leaves: inbound and outbound packets and bytes keep rising. */
  async expectAudioBothWays(): Promise<void> {
    await expect
      .poll(
        async () => {
          const d = await this.audioDelta();
          return d.connections === 1 && d.inboundPackets > FLOWING_PACKETS && d.inboundBytes > 0 && d.outboundPackets > FLOWING_PACKETS && d.outboundBytes > 0;
        },
        { message: `${this.extension}: audio packets and bytes rising both ways on one connection` },
      )
      .toBe(true);
  }

  /** No audio arrives any more: inbound packets stopped rising. */
  async expectInboundStopped(): Promise<void> {
    await expect.poll(async () => (await this.audioDelta()).inboundPackets, { message: `${this.extension}: inbound packets stop rising` }).toBe(0);
  }

  /** No call, no ringing dialog, no peer connection, every microphone track stopped. */
  async expectIdle(): Promise<void> {
    await expect.poll(() => this.hangUpButton.count(), { message: `${this.extension}: no call left` }).toBe(0);
    await expect.poll(() => this.incomingDialog.count(), { message: `${this.extension}: no ringing call` }).toBe(0);
    await expect.poll(async () => (await this.audioCounters()).connections, { message: `${this.extension}: peer connections closed` }).toBe(0);
    await expect
      .poll(async () => (await this.microphoneTracks()).filter((track) => track.readyState !== 'ended').length, {
        message: `${this.extension}: microphone released`,
      })
      .toBe(0);
  }

  /** Ends whatever a failed scenario left behind: declines, hangs up, closes ended-call cards. */
  async reset(): Promise<void> {
    for (let round = 0; round < 6; round += 1) {
      const decline = this.incomingDialog.getByRole('button', { name: 'Decline' }).first();
      const hangUp = this.hangUpButton.first();
      if (await decline.isVisible().catch(() => false)) await decline.click().catch(() => undefined);
      else if (await hangUp.isVisible().catch(() => false)) await hangUp.click().catch(() => undefined);
      else break;
      await sleep(300);
    }
    const close = this.page.getByRole('button', { name: 'Close', exact: true });
    if (await close.isVisible().catch(() => false)) await close.click().catch(() => undefined);
  }

  /** Saves a screenshot and the console of this context under {@link ARTIFACTS_DIR}. */
  async saveArtifacts(label: string): Promise<void> {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const base = path.join(ARTIFACTS_DIR, `${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${this.extension}`);
    await this.page
      .screenshot({ path: `${base}.png`, fullPage: true })
      .catch((error: unknown) => this.consoleLines.push(`[artifacts] screenshot failed: ${String(error)}`));
    await writeFile(`${base}.console.log`, `${this.consoleLines.join('\n')}\n`);
  }
}

/** Every label of each toggle of the call controls, by its name when off. */
const TOGGLE_LABELS: Partial<Record<string, RegExp>> = {
  Mute: /^(Mute|Unmute)$/,
  Hold: /^(Hold|Resume)$/,
  Record: /^(Record|Stop recording|Resume recording)$/,
};
