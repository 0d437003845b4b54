import { defineProject } from 'vitest/config';
import { SOURCE_ALIASES } from '../../tools/source-aliases.mjs';

/**
 * Fast tests of the demo's own logic (settings, history, quality series)
 * against the scripted phone. The browser end-to-end tests live in e2e/
 * with their own config, run inside a loopback-only network namespace.
 */
export default defineProject({
  // @webphone/* from their sources, like the dev server.
  resolve: { alias: [...SOURCE_ALIASES] },
  test: {
    name: 'softphone',
    root: import.meta.dirname,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
