// @ts-check
/**
 * The size budgets of webphone, in gzip bytes of minified JavaScript
 * (react and react-dom left out). One list, read by `npm run bench` (which
 * prints them) and by the budget test in `npm test` (which enforces them).
 * A kilobyte here is 1024 bytes.
 *
 * `target` is the budget webphone promises. While a target is not met yet,
 * `limit` is a ceiling just above today's size, so the test still catches
 * any growth; once the target is met, `limit` equals it.
 */

/** @typedef {import('./bundle-size.mjs').BundleSize} BundleSize */
/** @typedef {{ floor: BundleSize; core: BundleSize; react: BundleSize; ui: BundleSize }} BundleSizes */
/** @typedef {{ what: string; target: number; limit: number; size: (sizes: BundleSizes) => number }} Budget */

export const KB = 1024;

/**
 * Issue 12's connection layer (keep-alive with dead-connection detection, the
 * attempt rules, the recovery hook for calls, one Contact per phone) added
 * about 1.1 KB gzip to the core, which pushed all three past their targets;
 * the ceilings sit just above the sizes measured then (16.09, 66.45 and
 * 76.01 KB).
 */
/** @type {readonly Budget[]} */
export const BUDGETS = [
  {
    what: 'core overhead over the floor (sip.js + zustand/vanilla)',
    target: 12 * KB,
    limit: 16.25 * KB,
    size: (sizes) => sizes.core.gzip - sizes.floor.gzip,
  },
  { what: 'core + react', target: 66 * KB, limit: 66.75 * KB, size: (sizes) => sizes.react.gzip },
  { what: 'core + react + ui', target: 75 * KB, limit: 76.25 * KB, size: (sizes) => sizes.ui.gzip },
];
