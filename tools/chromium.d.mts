/** The Chromium binary (`CHROMIUM_PATH` or Debian's `/usr/bin/chromium`). */
export declare const CHROMIUM_PATH: string;
/** Flags for headless runs as root without Chromium's background connections. */
export declare const HEADLESS_FLAGS: readonly string[];
