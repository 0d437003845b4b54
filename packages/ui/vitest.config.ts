import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { SOURCE_ALIASES } from '../../tools/source-aliases.mjs';

/** Component tests of @webphone/ui: Testing Library in happy-dom, axe on each widget. */
export default defineProject({
  plugins: [react()],
  // @webphone/* from their sources, not dist/.
  resolve: { alias: [...SOURCE_ALIASES] },
  test: {
    name: 'ui',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test-support/setup.ts'],
  },
});
