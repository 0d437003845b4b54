import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'bench',
    environment: 'node',
    include: ['*.test.mjs'],
    // Four production builds with each of Vite, esbuild and Rspack, one after the other.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
