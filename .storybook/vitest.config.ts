import { FORCED_COLORS_TAG, storyTestProject } from './story-test-project.js';

/**
 * Story tests: every story of .storybook/main.ts renders in headless Chromium,
 * runs its play function and passes axe; the forced-colours stories run in
 * their own project (vitest.forced-colors.config.ts).
 */
export default storyTestProject('storybook', { exclude: [FORCED_COLORS_TAG] }, {}, ['**/*ForcedColors.stories.tsx', '**/node_modules/**']);
