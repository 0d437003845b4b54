import { afterEach } from 'vitest';

// @testing-library/react cleans up by itself only when the test runner has
// globals; vitest here has none. The SSR test runs without a DOM, where
// there is nothing to clean up.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
