import type { Browser } from 'playwright-core';

/** The flags that give a page fake media devices and loopback ICE. */
export declare const MEDIA_FLAGS: readonly string[];
/** Launches headless Chromium with fake media devices and loopback ICE; fails with the way out when the binary is missing. */
export declare function launchMediaChromium(extraFlags?: readonly string[]): Promise<Browser>;
