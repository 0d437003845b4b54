import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { CHROMIUM_PATH, HEADLESS_FLAGS } from '../tools/chromium.mjs';
import { SOURCE_ALIASES } from '../tools/source-aliases.mjs';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * Story tests: every story of .storybook/main.ts renders in headless Chromium
 * (Debian's, never a downloaded one), runs its play function, and passes axe
 * (`parameters.a11y.test = 'error'` in preview.tsx).
 */
export default defineProject({
  plugins: [storybookTest({ configDir: dirname })],
  // @webphone/* from their sources, not dist/.
  resolve: { alias: [...SOURCE_ALIASES] },
  // Pre-bundled up front: otherwise the browser gets React's CommonJS files raw
  // ("react/index.js does not provide an export named 'default'").
  // The core's deep sip.js imports too: found mid-run, they make Vite re-bundle and reload, and the
  // stories running then see two copies of React ("Invalid hook call").
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'sip.js/lib/core/session/session.js',
      'sip.js/lib/core/transactions/non-invite-server-transaction.js',
      'sip.js/lib/core/user-agents/user-agent-server.js',
    ],
  },
  test: {
    name: 'storybook',
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: CHROMIUM_PATH, args: [...HEADLESS_FLAGS] },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
