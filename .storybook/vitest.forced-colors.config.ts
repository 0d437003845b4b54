import { FORCED_COLORS_TAG, storyTestProject } from './story-test-project.js';

/**
 * Story tests in forced-colours mode (Windows high contrast): the stories
 * tagged `forced-colors` (in files named `*ForcedColors.stories.tsx`), in a Chromium browser context that emulates
 * `(forced-colors: active)` from the start (Playwright's `forcedColors`, which
 * sends the DevTools Protocol's `Emulation.setEmulatedMedia`). A context of
 * their own, because that emulation covers a whole page: set from inside a
 * story it would leak into the stories running beside it.
 */
export default storyTestProject('storybook-forced-colors', { include: [FORCED_COLORS_TAG] }, { forcedColors: 'active' }, [
  // Their stories live in files named *ForcedColors.stories.tsx.
  '**/!(*ForcedColors).stories.tsx',
  '**/node_modules/**',
]);
