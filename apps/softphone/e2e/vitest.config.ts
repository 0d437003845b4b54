import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the demo softphone: real Chromium, real Kamailio, real
 * WebRTC audio. Not part of the root projects glob: run inside a
 * loopback-only network namespace with
 *
 *   node tools/in-loopback-netns.mjs npx vitest run -c apps/softphone/e2e/vitest.config.ts
 */
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // The scenarios share three signed-in browser contexts and run in order.
    sequence: { concurrent: false, shuffle: false },
    expect: { poll: { timeout: 15_000, interval: 200 } },
  },
});
