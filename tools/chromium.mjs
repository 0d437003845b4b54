// @ts-check
/**
 * Debian's Chromium as every browser test here launches it: the project
 * never downloads a browser. `CHROMIUM_PATH` overrides the binary.
 */

/** The Chromium binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for headless runs as root on a machine whose only network is the
 * package registries: no sandbox, no GPU, and none of Chromium's own
 * background connections.
 */
export const HEADLESS_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
