import { defineConfig } from 'vitest/config';

/**
 * Root config: each package and tool owns its vitest project file; `npm test`
 * runs them all in one vitest run.
 */
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'bench/vitest.config.ts',
      'tools/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      '.storybook/vitest.config.ts',
      '.storybook/vitest.forced-colors.config.ts',
    ],
  },
});
