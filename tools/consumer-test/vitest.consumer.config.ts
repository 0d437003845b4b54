import { defineConfig } from 'vitest/config';

/**
 * The consumer test: the three packages packed, installed from their
 * tarballs into fresh apps outside the workspace, and used as an app would.
 * Not part of the root projects glob: `npm test` runs it after the other
 * tests (packing rebuilds `dist/`, which they read), inside a loopback-only
 * network namespace (its browser makes a real WebRTC call):
 *
 *   node tools/in-loopback-netns.mjs npx vitest run -c tools/consumer-test/vitest.consumer.config.ts
 */
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'consumer',
    environment: 'node',
    include: ['consumer.test.ts'],
    fileParallelism: false,
    sequence: { concurrent: false, shuffle: false },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
    expect: { poll: { timeout: 20_000, interval: 250 } },
  },
});
