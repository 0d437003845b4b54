// @ts-check
/**
 * Chromium for tests and benches with real WebRTC: Debian's binary, headless,
 * a fake microphone and camera, permission prompts answered yes, 127.0.0.1
 * ICE candidates allowed and audio that plays without a user gesture.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, HEADLESS_FLAGS } from './chromium.mjs';

/** The flags that give a page fake media devices and loopback ICE. */
export const MEDIA_FLAGS = Object.freeze([
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
]);

/**
 * Launches headless Chromium with {@link MEDIA_FLAGS}; fails with the way
 * out when the binary is missing.
 * @param {readonly string[]} [extraFlags] more command-line flags
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchMediaChromium(extraFlags = []) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "node tools/setup.mjs" (installs Debian's chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...HEADLESS_FLAGS, ...MEDIA_FLAGS, ...extraFlags] });
}
