import type { Browser } from 'playwright-core';
import { launchMediaChromium } from '../../../tools/media-chromium.mjs';

/**
 * Launches headless Chromium with a fake microphone (a tone) and camera,
 * permission prompts answered yes, able to gather 127.0.0.1 ICE candidates.
 */
export function launchChromium(): Promise<Browser> {
  return launchMediaChromium();
}
