// @ts-check
/**
 * Vite aliases that send `@webphone/*` imports to the packages' TypeScript
 * sources. The packages' `exports` point at `dist/` only (what an app gets
 * from the registry); the repository's own tests, Storybook and the demo's
 * dev server use these so that they run against the sources without a build.
 * Production builds of the demo, the size budgets and the consumer test use
 * `dist/`, as an app would.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'packages');

/** Exact-match aliases (a regular expression each), most specific first. */
export const SOURCE_ALIASES = Object.freeze(
  [
    ['@webphone/core/testing', 'core/src/testing/index.ts'],
    ['@webphone/core', 'core/src/index.ts'],
    ['@webphone/react', 'react/src/index.ts'],
    ['@webphone/ui/styles.css', 'ui/src/styles.css'],
    ['@webphone/ui/locales/ar', 'ui/src/locales/ar.ts'],
    ['@webphone/ui', 'ui/src/index.ts'],
  ].map(([name, file]) => ({ find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`), replacement: path.join(packages, file) })),
);
