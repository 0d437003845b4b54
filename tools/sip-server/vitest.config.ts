import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sip-server',
    environment: 'node',
    include: ['*.test.ts'],
    // Each test starts real Kamailio processes and SIP calls over loopback.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
