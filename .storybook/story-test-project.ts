import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import type { BrowserContextOptions } from 'playwright-core';
import { defineProject } from 'vitest/config';
import { CHROMIUM_PATH, HEADLESS_FLAGS } from '../tools/chromium.mjs';
import { SOURCE_ALIASES } from '../tools/source-aliases.mjs';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** Stories tagged with this run only in the forced-colours project (vitest.forced-colors.config.ts). */
export const FORCED_COLORS_TAG = 'forced-colors';

/**
 * A vitest project that runs the stories of .storybook/main.ts in headless
 * Chromium (Debian's, never a downloaded one): each renders, runs its play
 * function, and passes axe (`parameters.a11y.test = 'error'` in preview.tsx).
 * `tags` picks the stories (and `exclude` the files, so that files without
 * such stories are not listed as skipped); `contextOptions` sets the browser's emulation
 * for the whole project (its own browser context, so no other story sees it).
 */
export function storyTestProject(
  name: string,
  tags: { include?: string[]; exclude?: string[] },
  contextOptions: BrowserContextOptions = {},
  exclude: string[] = [],
) {
  return defineProject({
    plugins: [storybookTest({ configDir: dirname, tags })],
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
      name,
      exclude,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({
          launchOptions: { executablePath: CHROMIUM_PATH, args: [...HEADLESS_FLAGS] },
          contextOptions,
        }),
        instances: [{ browser: 'chromium' }],
      },
    },
  });
}
