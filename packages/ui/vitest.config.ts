import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

/** Component tests of @webphone/ui: Testing Library in happy-dom, axe on each widget. */
export default defineProject({
  plugins: [react()],
  resolve: { conditions: ['development'] },
  test: {
    name: 'ui',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test-support/setup.ts'],
  },
});
