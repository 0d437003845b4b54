import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // One Kamailio for the run; files that kill their server start their own.
    globalSetup: ['../../tools/vitest/sip-server-setup.ts'],
    setupFiles: ['src/__tests__/support/node-websocket.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
