import type { StorybookConfig } from '@storybook/react-vite';
import { SOURCE_ALIASES } from '../tools/source-aliases.mjs';

/**
 * Storybook for @webphone/ui. Stories sit next to their component
 * (packages/ui/src/<Widget>/<Widget>.stories.tsx). Telemetry is off here as
 * well as in the npm scripts, because the vitest plugin loads this file
 * without them.
 */
const config: StorybookConfig = {
  stories: ['../packages/ui/src/**/*.stories.@(ts|tsx)'],
  // addon-docs: an autodocs page per widget (preview.tsx tags every story), props described from their TSDoc.
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest', '@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // @webphone/* from their sources, not dist/.
  viteFinal: (vite) => ({ ...vite, resolve: { ...vite.resolve, alias: [...SOURCE_ALIASES, ...aliasList(vite.resolve?.alias)] } }),
};

export default config;

/** Vite's `resolve.alias` in its array form. */
function aliasList(alias: unknown): { find: string | RegExp; replacement: string }[] {
  if (!alias) return [];
  if (Array.isArray(alias)) return alias;
  return Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
}
