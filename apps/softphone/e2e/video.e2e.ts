/// <reference path="./provided-context.d.ts" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Result } from '@webphone/react';
import type { VideoCounters } from '../src/e2e/e2e-probe';
import { launchChromium } from './chromium';
import { PhoneUser } from './phone-user';

/**
 * Video calls in Chromium against the run's Kamailio, with Chromium's fake
 * camera (a moving test pattern) and microphone: frames decoded on both
 * sides, switching a live call between audio and video, the far end
 * declining the upgrade, and no camera. 1011 places the calls, 1012 takes
 * them; the scenarios drive the core through the demo's test probe
 * (`window.__webphoneE2E.phone`) and end with both phones idle.
 */
let browser: Browser;
let alice: PhoneUser; // 1011
let bob: PhoneUser; // 1012
const everyone = () => [alice, bob].filter(Boolean);

/** Video frames a 30 fps (or slower, under load) fake camera surely exceeds within a second. */
const FLOWING_FRAMES = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  browser = await launchChromium();
  [alice, bob] = await Promise.all(['1011', '1012'].map((ext) => PhoneUser.open(browser, inject('demoUrl'), inject('sipServerUrl'), ext)));
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

const videoCounters = (user: PhoneUser): Promise<VideoCounters> => user.page.evaluate(() => window.__webphoneE2E!.videoCounters());

/** Frames decoded and sent over one second. */
async function videoDelta(user: PhoneUser): Promise<{ decoded: number; sent: number }> {
  const before = await videoCounters(user);
  await sleep(1000);
  const after = await videoCounters(user);
  return { decoded: after.framesDecoded - before.framesDecoded, sent: after.framesSent - before.framesSent };
}

/** Video arrives and leaves: frames decoded (the far end's picture) and sent keep rising. */
async function expectVideoBothWays(user: PhoneUser): Promise<void> {
  await expect
    .poll(
      async () => {
        const d = await videoDelta(user);
        return d.decoded > FLOWING_FRAMES && d.sent > FLOWING_FRAMES;
      },
      { message: `${user.extension}: video frames decoded and sent keep rising` },
    )
    .toBe(true);
}

/** No video arrives or leaves any more. */
async function expectNoVideo(user: PhoneUser): Promise<void> {
  await expect.poll(async () => await videoDelta(user), { message: `${user.extension}: video frames stop` }).toEqual({ decoded: 0, sent: 0 });
}

/** The one call of `user`'s phone, as the store has it. */
function callOf(user: PhoneUser) {
  return user.page.evaluate(() => {
    const state = window.__webphoneE2E!.phone!.store.getState();
    const id = state.callIds[0];
    const record = id === undefined ? undefined : state.calls[id];
    return (
      record && { callId: record.status.callId, callStatus: record.status.callStatus, isVideo: record.status.isVideo, videoChange: record.videoChange.status }
    );
  });
}

/** Alice calls Bob (with `video`), Bob answers with `answerVideo`; resolves once both talk. */
async function connect(video: boolean, answerVideo: boolean): Promise<void> {
  const placed = await alice.page.evaluate((withVideo) => window.__webphoneE2E!.phone!.call('1012', { video: withVideo }), video);
  expect(placed.code).toBe(200);
  await expect.poll(async () => (await callOf(bob))?.callStatus).toBe('ringing');
  const answered = await bob.page.evaluate(
    (withVideo) => window.__webphoneE2E!.phone!.answer(window.__webphoneE2E!.phone!.store.getState().incomingIds[0]!, { video: withVideo }),
    answerVideo,
  );
  expect(answered.code).toBe(200);
  await Promise.all([alice.expectCallStatus('Connected'), bob.expectCallStatus('Connected')]);
}

/** Runs `audioToVideo` or `videoToAudio` on Alice's call, without waiting for its result. */
async function startSwitch(to: 'video' | 'audio'): Promise<void> {
  await alice.page.evaluate((wanted) => {
    const probe = window.__webphoneE2E! as typeof window.__webphoneE2E & { switched?: Promise<Result> };
    const phone = probe.phone!;
    const callId = phone.store.getState().callIds[0]!;
    probe.switched = wanted === 'video' ? phone.audioToVideo(callId) : phone.videoToAudio(callId);
  }, to);
}

/** The result of the switch started by {@link startSwitch}. */
const switched = (): Promise<Result> =>
  alice.page.evaluate(() => (window.__webphoneE2E as typeof window.__webphoneE2E & { switched: Promise<Result> }).switched);

/** Bob answers the far end's request to add video (after seeing it in the store). */
async function bobAgrees(accept: boolean): Promise<void> {
  await expect.poll(async () => (await callOf(bob))?.videoChange).toBe('requested-by-remote');
  const agreed = await bob.page.evaluate((yes) => {
    const phone = window.__webphoneE2E!.phone!;
    return phone.agreeChangeVideo(phone.store.getState().callIds[0]!, yes);
  }, accept);
  expect(agreed.code).toBe(200);
}

async function hangUpAndSettle(): Promise<void> {
  await alice.hangUp();
  await Promise.all([alice.expectIdle(), bob.expectIdle()]);
  // Every camera was released.
  for (const user of everyone())
    await expect.poll(() => user.page.evaluate(() => window.__webphoneE2E!.cameraTracks().filter((s) => s !== 'ended').length)).toBe(0);
}

describe('video calls in Chromium against Kamailio', () => {
  test('signs in two phones', async () => {
    await Promise.all([alice.signIn(), bob.signIn()]);
  });

  test('a video call: both sides decode the other’s video frames and hear audio; isVideo on both', async () => {
    await connect(true, true);
    await Promise.all([expectVideoBothWays(alice), expectVideoBothWays(bob), alice.expectAudioBothWays(), bob.expectAudioBothWays()]);
    expect((await callOf(alice))?.isVideo).toBe(true);
    expect((await callOf(bob))?.isVideo).toBe(true);
    await hangUpAndSettle();
  });

  test('a video call answered audio-only: the video stream is declined, no video either way, isVideo false on both', async () => {
    await connect(true, false);
    await Promise.all([alice.expectAudioBothWays(), bob.expectAudioBothWays()]);
    await expect.poll(async () => (await callOf(alice))?.isVideo).toBe(false);
    expect((await callOf(bob))?.isVideo).toBe(false);
    await Promise.all([expectNoVideo(alice), expectNoVideo(bob)]);
    await hangUpAndSettle();
  });

  test('audio → video → audio on a live call: frames start, then stop; audio goes on', async () => {
    await connect(false, false);
    await startSwitch('video');
    await bobAgrees(true);
    expect(await switched()).toEqual({ code: 200, message: 'PHONE_SUCCESS' });
    await Promise.all([expectVideoBothWays(alice), expectVideoBothWays(bob)]);
    await expect.poll(async () => (await callOf(bob))?.isVideo).toBe(true);

    await startSwitch('audio');
    expect(await switched()).toEqual({ code: 200, message: 'PHONE_SUCCESS' });
    await Promise.all([expectNoVideo(alice), expectNoVideo(bob), alice.expectAudioBothWays(), bob.expectAudioBothWays()]);
    await expect.poll(async () => (await callOf(bob))?.isVideo).toBe(false);
    expect((await callOf(alice))?.isVideo).toBe(false);
    await hangUpAndSettle();
  });

  test('the far end declines the upgrade: -213, the call stays audio; asked again, it accepts', async () => {
    await connect(false, false);
    await startSwitch('video');
    await bobAgrees(false);
    expect((await switched()).code).toBe(-213);
    await Promise.all([alice.expectAudioBothWays(), expectNoVideo(alice), expectNoVideo(bob)]);
    expect((await callOf(alice))?.isVideo).toBe(false);
    expect((await callOf(bob))?.isVideo).toBe(false);
    // Asked again, Bob accepts: the declined video section stays rejected and video flows on a new one.
    await startSwitch('video');
    await bobAgrees(true);
    expect((await switched()).code).toBe(200);
    await Promise.all([expectVideoBothWays(alice), expectVideoBothWays(bob)]);
    await hangUpAndSettle();
  });

  test('the demo: a video call placed and answered in the UI shows both pictures; the Camera toggle switches video off and on again with the far end’s consent', async () => {
    const videoSwitch = alice.page.getByRole('checkbox', { name: 'Video call (camera on)' });
    await videoSwitch.check();
    await alice.dial('1012');
    await expect.poll(() => bob.page.getByRole('alertdialog', { name: /Incoming video call from/ }).count()).toBe(1);
    await bob.answer();
    await Promise.all([alice.expectCallStatus('Connected'), bob.expectCallStatus('Connected')]);
    const pictureShown = (user: PhoneUser) =>
      user.page.evaluate(() => (document.querySelector<HTMLVideoElement>('video[aria-label="Video of the other person"]')?.videoWidth ?? 0) > 0);
    await expect.poll(() => pictureShown(alice)).toBe(true);
    await expect.poll(() => pictureShown(bob)).toBe(true);
    await expect.poll(() => bob.control('Camera').getAttribute('aria-pressed')).toBe('true');

    await alice.control('Camera').click();
    await expect.poll(() => bob.control('Camera').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => alice.control('Camera').getAttribute('aria-pressed')).toBe('false');
    await expectNoVideo(bob);

    await alice.control('Camera').click();
    const request = bob.page.getByRole('group', { name: 'Video request' });
    await expect.poll(() => request.count()).toBe(1);
    await request.getByRole('button', { name: 'Turn on video' }).click();
    await expect.poll(() => alice.control('Camera').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => pictureShown(bob)).toBe(true);
    await expectVideoBothWays(alice);
    await hangUpAndSettle();
    // The dialer (and its switch) is back once no call is up.
    await videoSwitch.uncheck();
  });

  test('no camera: a video call is refused with -291 and nothing rings; the upgrade of a live call too', async () => {
    await alice.page.evaluate(() => (window.__webphoneE2E!.noCamera = true));
    const refused = await alice.page.evaluate(() => window.__webphoneE2E!.phone!.call('1012', { video: true }));
    expect(refused.code).toBe(-291);
    await sleep(500);
    expect(await callOf(bob)).toBeUndefined();
    expect(await callOf(alice)).toBeUndefined();
    // CALL_TOO_MANY_TIMES counts the refused call too: place the next one a second later.
    await sleep(1000);
    await connect(false, false);
    await startSwitch('video');
    expect((await switched()).code).toBe(-291);
    expect((await callOf(bob))?.videoChange).toBe('idle');
    await alice.page.evaluate(() => (window.__webphoneE2E!.noCamera = false));
    await hangUpAndSettle();
  });
});
