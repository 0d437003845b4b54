import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook for @webphone/ui. Stories sit next to their component
 * (packages/ui/src/<Widget>/<Widget>.stories.tsx). Telemetry is off here as
 * well as in the npm scripts, because the vitest plugin loads this file
 * without them.
 */
const config: StorybookConfig = {
  stories: ['../packages/ui/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
