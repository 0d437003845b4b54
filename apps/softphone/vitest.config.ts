import { defineProject } from 'vitest/config';

/**
 * Fast tests of the demo's own logic (settings, history, quality series)
 * against the scripted phone. The browser end-to-end tests live in e2e/
 * with their own config, run inside a loopback-only network namespace.
 */
export default defineProject({
  test: {
    name: 'softphone',
    root: import.meta.dirname,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
