import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core over `container` and fails the test with a readable list when
 * it finds any violation.
 *
 * @remarks
 * Colour contrast is left to the Storybook tests in Chromium: the DOM used by
 * component tests has no layout and no stylesheet, so contrast cannot be
 * measured there.
 */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  const report = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  if (report.length > 0) {
    expect.fail(`axe found ${report.length} violation(s):\n${report.join('\n')}`);
  }
}
