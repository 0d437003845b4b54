import { defineProject } from 'vitest/config';
import { SOURCE_ALIASES } from '../../tools/source-aliases.mjs';

export default defineProject({
  // @webphone/core from its sources, not dist/.
  resolve: { alias: [...SOURCE_ALIASES] },
  test: {
    name: 'react',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    // The integration test registers against the project's Kamailio.
    globalSetup: ['../../tools/vitest/sip-server-setup.ts'],
    setupFiles: ['src/__tests__/support/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
