import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'fault-proxy',
    environment: 'node',
    include: ['*.test.ts'],
    testTimeout: 15_000,
  },
});
